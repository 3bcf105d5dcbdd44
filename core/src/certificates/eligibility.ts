import {
  type CertificateType,
  type RequesterKind,
  type RequestLine,
  requesterKindLabels,
} from "./schemas.ts";

/** Who asks, and with what authority. */
export interface Requester {
  kind: RequesterKind;
  /** a proxy's 委任状, and the 記載事項 it names explicitly */
  delegation: { present: boolean; names: readonly string[] } | null;
  /** a third party's reason (住民基本台帳法第12条の3), in the requester's words */
  reason: string;
}

/** What the register says about the person the certificate is about. */
export interface SubjectFlags {
  issuanceBan: boolean;
  supportMeasure: boolean;
  /** staff acknowledged the 支援措置 warning for this person in this case */
  supportAcknowledged: boolean;
  arrears: boolean;
}

export interface RequestProblem {
  field: string;
  message: string;
  /** a block stops the request; a warning is shown and the clerk goes on */
  severity: "block" | "warning";
}

const shortestReason = 5;

/**
 * Whether this requester may have this certificate for this person, with these 記載事項. One rule
 * for the intake screen (which shows the problems beside the line) and the server (which refuses a
 * request with any block).
 */
export function requestProblems(
  line: Pick<RequestLine, "options">,
  type: CertificateType,
  requester: Requester,
  subject: SubjectFlags,
): RequestProblem[] {
  const problems: RequestProblem[] = [];
  const block = (field: string, message: string) => problems.push({ field, message, severity: "block" });
  const who = requesterKindLabels[requester.kind];
  if (subject.issuanceBan) block("personId", "発行禁止の対象者です。この方の証明書は交付できません");
  if (subject.supportMeasure) {
    if (requester.kind !== "self")
      block(
        "personId",
        "支援措置の対象者です。本人以外からの請求には交付できません（交付には責任者の判断が必要です）",
      );
    else if (!subject.supportAcknowledged)
      block("personId", "支援措置の対象者です。警告を確認してから受け付けてください");
  }
  if (!type.requesters.includes(requester.kind))
    block("requester", `${type.name}は${who}からは請求できません`);
  if (requester.kind === "proxy" && !requester.delegation?.present)
    block("delegation", "代理人による請求には委任状が必要です");
  if (
    (requester.kind === "thirdParty" || requester.kind === "official") &&
    requester.reason.trim().length < shortestReason
  )
    block("reason", `${who}の請求には請求の理由（使用目的の具体的な内容）が必要です`);
  const known = new Map(type.options.map((o) => [o.key, o]));
  for (const key of line.options) {
    const option = known.get(key);
    if (!option) {
      block("options", `${type.name}に記載事項 ${key} はありません`);
      continue;
    }
    if (option.refusedTo.includes(requester.kind))
      block("options", `${option.name}は${who}の請求では記載できません`);
    else if (
      requester.kind === "proxy" &&
      option.delegationMustName &&
      !requester.delegation?.names.includes(key)
    )
      block("options", `委任状に${option.name}の記載がないため、${option.name}は記載できません`);
  }
  if (subject.arrears && type.group === "tax" && type.key === "certificate-tax-payment")
    problems.push({
      field: "personId",
      message: "滞納があります。未納のある税目・年度の納税証明書は発行できません",
      severity: "warning",
    });
  return problems;
}
