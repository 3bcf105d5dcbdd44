import type { VisitorInput } from "../cases/schemas.ts";
import { typedInteger } from "../common/typed.ts";
import { formatWareki } from "../common/wareki.ts";
import type { CertificateQuoteRequest } from "./api.ts";
import type { CertificateType, Purpose, RequesterKind, RequestLine } from "./schemas.ts";

/**
 * The intake screen's rules that need no server: the 年度 a clerk may pick, the 税目 of a 納税証明,
 * who is asking by default, and a line as typed turned into a request line (or the reasons it
 * cannot be). The server decides again; these only keep the clerk from sending what it would refuse.
 */

/** What the clerk checks for each kind of requester (I35), shown beside the choice. */
export const requesterNotes: Record<RequesterKind, string> = {
  self: "本人確認書類で請求者が本人であることを確認してください。",
  household:
    "同一世帯の方は住民票の写し・記載事項証明を請求できます。世帯が同じことを住民票で確認してください。",
  family: "配偶者・直系血族は戸籍・附票を請求できます。関係を戸籍で確認してください。",
  proxy:
    "委任状の原本が必要です（作成日、委任者の住所・氏名・生年月日、代理人の氏名、委任の内容）。住民票コード・個人番号は委任状に明記がある場合に限り記載できます。",
  thirdParty:
    "正当な理由が必要です（住民基本台帳法第12条の3、戸籍法第10条の2）。提出先と具体的な使用目的を聞き取ってください。本籍・個人番号・住民票コードは記載できません。",
  official:
    "国・地方公共団体の職員による公用請求です（住民基本台帳法第12条の2）。請求書と職員の身分証明書を確認してください。",
};

/** 税目 of a 納税証明書, one fee per 税目 and 年度. */
export const taxItems = ["市県民税", "固定資産税・都市計画税", "軽自動車税", "国民健康保険税"] as const;

/** The certificate that is asked per 税目 as well as per 年度. */
export const perTaxCertificateKey = "certificate-tax-payment";

/** 年度 (April to March) of a date. */
export function fiscalYearOf(isoDate: string): number {
  const [y, m] = isoDate.split("-").map(Number) as [number, number];
  return m >= 4 ? y : y - 1;
}

/** This 年度 and the ones before it, newest first, labelled the way a visitor says them. */
export function fiscalYearChoices(today: string, count = 5): { year: number; label: string }[] {
  const current = fiscalYearOf(today);
  return Array.from({ length: count }, (_, i) => {
    const year = current - i;
    // Named by the era most of the 年度 falls in: 2019年度 is 令和元年度, though April was 平成.
    const era = formatWareki(`${year}-12-31`).replace(/年.*$/, "年度");
    return { year, label: `${era}（${year}年度）` };
  });
}

/** A request line as the clerk is typing it: numbers still text, nothing chosen yet is "". */
export interface LineDraft {
  personId: string;
  certificateKey: string;
  quantity: string;
  options: string[];
  years: number[];
  taxes: string[];
  parcels: string;
  purpose: string;
  purposeText: string;
  exemption: string;
}

export function emptyLineDraft(personId = ""): LineDraft {
  return {
    personId,
    certificateKey: "",
    quantity: "1",
    options: [],
    years: [],
    taxes: [],
    parcels: "",
    purpose: "",
    purposeText: "",
    exemption: "",
  };
}

export interface DraftIssue {
  path: string;
  message: string;
}

/**
 * The draft as a request line, or what is missing or wrong, by field. Options, 年度, 税目 and
 * 筆数 the certificate does not take are dropped rather than sent (they stay from an earlier choice).
 */
export function lineFromDraft(
  draft: LineDraft,
  type: CertificateType | undefined,
  purposes: readonly Purpose[],
): { ok: true; line: RequestLine } | { ok: false; issues: DraftIssue[] } {
  const issues: DraftIssue[] = [];
  const issue = (path: string, message: string) => issues.push({ path, message });
  if (!draft.personId) issue("personId", "対象の方を選んでください");
  if (!type) issue("certificateKey", "証明書の種類を選んでください");
  const quantity = draft.quantity.trim();
  if (!(typedInteger(quantity) >= 1)) issue("quantity", "通数は1以上の数字で入力してください");
  else if (type && typedInteger(quantity) > type.maxCopies)
    issue("quantity", `${type.name}は1件につき${type.maxCopies}通までです`);
  const perPeriod = type?.fee.kind === "perPeriod";
  const perTax = type?.key === perTaxCertificateKey;
  if (perPeriod && draft.years.length === 0) issue("years", "年度を選んでください");
  if (perTax && draft.taxes.length === 0) issue("taxes", "税目を選んでください");
  const parcelsText = draft.parcels.trim();
  const byParcels = type?.fee.kind === "parcels";
  if (byParcels && !(typedInteger(parcelsText) >= 1))
    issue("parcels", "筆数・棟数を1以上の数字で入力してください");
  const purpose = purposes.find((p) => p.key === draft.purpose);
  if (!purpose) issue("purpose", "使用目的を選んでください");
  else if (purpose.key === "other" && !draft.purposeText.trim())
    issue("purposeText", "使用目的の内容を入力してください");
  if (issues.length > 0 || !type || !purpose) return { ok: false, issues };
  const options = new Set(type.options.map((o) => o.key));
  return {
    ok: true,
    line: {
      certificateKey: type.key,
      personId: draft.personId,
      quantity: typedInteger(quantity),
      options: draft.options.filter((o) => options.has(o)),
      years: perPeriod ? [...draft.years].sort((a, b) => b - a) : [],
      taxes: perTax ? draft.taxes : [],
      parcels: byParcels ? typedInteger(parcelsText) : null,
      purpose: purpose.key,
      purposeText: draft.purposeText.trim(),
      exemption: draft.exemption || null,
    },
  };
}

/** The line back into a draft, for changing a line already added. */
export function draftFromLine(line: RequestLine): LineDraft {
  return {
    personId: line.personId,
    certificateKey: line.certificateKey,
    quantity: String(line.quantity),
    options: [...line.options],
    years: [...line.years],
    taxes: [...line.taxes],
    parcels: line.parcels === null ? "" : String(line.parcels),
    purpose: line.purpose,
    purposeText: line.purposeText,
    exemption: line.exemption ?? "",
  };
}

/**
 * Who is asking, as the visitor section recorded it: a proxy with a 委任状 brings it, a legal
 * representative's proof (登記事項証明書, 戸籍) stands in for one, a third party's stated
 * relation starts the reason. The clerk can change all of it.
 */
export function requesterFromVisitor(visitor: VisitorInput | null): CertificateQuoteRequest["requester"] {
  const kind: RequesterKind =
    visitor === null ? "self" : visitor.relation === "legalRepresentative" ? "proxy" : visitor.relation;
  return {
    kind,
    delegation: kind === "proxy" ? { present: visitor?.authorityDocument != null, names: [] } : null,
    reason: kind === "thirdParty" ? (visitor?.relationDetail ?? "") : "",
  };
}
