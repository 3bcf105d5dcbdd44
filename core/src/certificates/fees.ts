import type { CertificateType, FeeExemption, FeeRule, Purpose, RequestLine } from "./schemas.ts";

/** What one request line costs, and why. */
export interface FeeLine {
  index: number;
  certificateKey: string;
  name: string;
  personId: string;
  quantity: number;
  /** periods or parcels the fee counts (1 for a per-copy fee) */
  units: number;
  amount: number;
  /** the exemption that made it free, if any */
  exemption: { key: string; name: string; legalBasis: string } | null;
  /** how the amount was reached, in words staff read to the visitor */
  breakdown: string;
}

export interface FeeProblem {
  index: number;
  field: string;
  message: string;
}

export interface FeeCalculation {
  lines: FeeLine[];
  total: number;
  problems: FeeProblem[];
}

export interface FeeSettings {
  types: readonly CertificateType[];
  purposes: readonly Purpose[];
  exemptions: readonly FeeExemption[];
}

/** Lines one request may hold (a household's certificates for a move fit easily). */
export const maxRequestLines = 30;

const yen = (n: number) => `${n.toLocaleString("ja-JP")}円`;

/** A fee rule in the words of a fee table: 「1通 300円」「1年度 300円」「5筆まで 300円、1筆増すごとに 50円」. */
export function feeRuleText(fee: FeeRule): string {
  switch (fee.kind) {
    case "perCopy":
      return fee.amount === 0 ? "無料" : `1通 ${yen(fee.amount)}`;
    case "perPeriod":
      return `1年度（税目）1通 ${yen(fee.amount)}`;
    case "parcels":
      return `${fee.includedParcels}筆・棟まで ${yen(fee.base)}、1筆・棟増すごとに ${yen(fee.perExtraParcel)}`;
  }
}

/**
 * The fee of every line and the total. A line whose certificate, purpose or numbers are not
 * allowed is reported (and counts 0 円) rather than guessed; the server refuses a request with
 * problems, the screen shows them beside the line.
 */
export function calculateFees(lines: readonly RequestLine[], settings: FeeSettings): FeeCalculation {
  const types = new Map(settings.types.map((t) => [t.key, t]));
  const purposes = new Map(settings.purposes.map((p) => [p.key, p]));
  const exemptions = new Map(settings.exemptions.map((e) => [e.key, e]));
  const problems: FeeProblem[] = [];
  const result: FeeLine[] = [];
  if (lines.length > maxRequestLines)
    problems.push({
      index: maxRequestLines,
      field: "lines",
      message: `一度に請求できるのは${maxRequestLines}件までです`,
    });
  lines.slice(0, maxRequestLines).forEach((line, index) => {
    const problem = (field: string, message: string) => problems.push({ index, field, message });
    const type = types.get(line.certificateKey);
    if (!type) {
      problem("certificateKey", `証明書の種類 ${line.certificateKey} は設定にありません`);
      return;
    }
    if (line.quantity > type.maxCopies)
      problem("quantity", `${type.name}は1件につき${type.maxCopies}通までです`);
    const units = unitsOf(type, line, problem);
    const purpose = purposes.get(line.purpose);
    if (!purpose) problem("purpose", "使用目的を選んでください");
    const exemption = exemptionOf(type, line, purpose, exemptions, problem);
    const copies = Math.min(line.quantity, type.maxCopies);
    const full = feeOf(type, units) * copies;
    result.push({
      index,
      certificateKey: type.key,
      name: type.name,
      personId: line.personId,
      quantity: copies,
      units,
      amount: exemption ? 0 : full,
      exemption: exemption
        ? { key: exemption.key, name: exemption.name, legalBasis: exemption.legalBasis }
        : null,
      breakdown: exemption
        ? `${breakdownOf(type, units, copies)} → 免除（${exemption.name}）0円`
        : breakdownOf(type, units, copies),
    });
  });
  const total = problems.length > 0 ? 0 : result.reduce((sum, l) => sum + l.amount, 0);
  return { lines: result, total, problems };
}

function unitsOf(
  type: CertificateType,
  line: RequestLine,
  problem: (field: string, message: string) => void,
): number {
  switch (type.fee.kind) {
    case "perCopy":
      return 1;
    case "perPeriod": {
      if (line.years.length === 0) {
        problem("years", `${type.name}の年度を選んでください`);
        return 1;
      }
      if (new Set(line.years).size !== line.years.length) problem("years", "同じ年度が重複しています");
      const periods = line.years.length * Math.max(1, line.taxes.length);
      if (periods > type.maxPeriods)
        problem("years", `${type.name}は1件につき${type.maxPeriods}件（年度・税目）までです`);
      return periods;
    }
    case "parcels":
      if (line.parcels === null) {
        problem("parcels", `${type.name}の筆数・棟数を入力してください`);
        return 1;
      }
      return line.parcels;
  }
}

/** The fee of one copy. */
function feeOf(type: CertificateType, units: number): number {
  const fee = type.fee;
  switch (fee.kind) {
    case "perCopy":
      return fee.amount;
    case "perPeriod":
      return fee.amount * units;
    case "parcels":
      return fee.base + Math.max(0, units - fee.includedParcels) * fee.perExtraParcel;
  }
}

function breakdownOf(type: CertificateType, units: number, copies: number): string {
  const fee = type.fee;
  const perCopy = feeOf(type, units);
  const each =
    fee.kind === "perCopy"
      ? yen(fee.amount)
      : fee.kind === "perPeriod"
        ? `${yen(fee.amount)} × ${units}件`
        : units > fee.includedParcels
          ? `${yen(fee.base)} + ${yen(fee.perExtraParcel)} × ${units - fee.includedParcels}筆・棟`
          : `${yen(fee.base)}（${fee.includedParcels}筆・棟まで）`;
  const per = fee.kind === "perCopy" ? each : `(${each} = ${yen(perCopy)})`;
  return `${per} × ${copies}通 = ${yen(perCopy * copies)}`;
}

/**
 * The exemption that applies: the one the purpose brings (年金請求 for 戸籍 …) or the one chosen
 * for the requester (生活保護 …), if it covers this certificate's group. One that does not cover it
 * is a problem when chosen by hand, and simply not applied when it came with the purpose.
 */
function exemptionOf(
  type: CertificateType,
  line: RequestLine,
  purpose: Purpose | undefined,
  exemptions: ReadonlyMap<string, FeeExemption>,
  problem: (field: string, message: string) => void,
): FeeExemption | null {
  const covers = (e: FeeExemption) => e.groups.length === 0 || e.groups.includes(type.group);
  if (line.exemption !== null) {
    const chosen = exemptions.get(line.exemption);
    if (!chosen) {
      problem("exemption", `免除の種類 ${line.exemption} は設定にありません`);
      return null;
    }
    if (!covers(chosen)) {
      problem("exemption", `${chosen.name}による免除は${type.name}には適用できません`);
      return null;
    }
    return chosen;
  }
  const fromPurpose = purpose?.exemption ? exemptions.get(purpose.exemption) : undefined;
  return fromPurpose && covers(fromPurpose) ? fromPurpose : null;
}
