import { describe, expect, it } from "vitest";
import { defaultCertificateTypes } from "./defaults.ts";
import { type Requester, requestProblems, type SubjectFlags } from "./eligibility.ts";
import type { CertificateType } from "./schemas.ts";

const typeOf = (key: string): CertificateType => {
  const t = defaultCertificateTypes.find((c) => c.key === key);
  if (!t) throw new Error(key);
  return t;
};
const residentRecord = typeOf("certificate-resident-record");
const plain: SubjectFlags = {
  issuanceBan: false,
  supportMeasure: false,
  supportAcknowledged: false,
  arrears: false,
};
const self: Requester = { kind: "self", delegation: null, reason: "" };
const proxy = (names: string[] = [], present = true): Requester => ({
  kind: "proxy",
  delegation: { present, names },
  reason: "",
});
const thirdParty = (reason = "債権回収のため（貸金返還請求訴訟）"): Requester => ({
  kind: "thirdParty",
  delegation: null,
  reason,
});
const messages = (...args: Parameters<typeof requestProblems>) =>
  requestProblems(...args).map((p) => `${p.severity}:${p.message}`);

describe("who may request what", () => {
  it("lets the person and the household have every 記載事項", () => {
    const all = { options: ["householdHead", "relationship", "domicile", "residentCode", "myNumber"] };
    expect(messages(all, residentRecord, self, plain)).toEqual([]);
    expect(messages(all, residentRecord, { ...self, kind: "household" }, plain)).toEqual([]);
  });

  it("needs a 委任状 from a proxy, and one that names 個人番号 or 住民票コード for those", () => {
    expect(messages({ options: ["domicile"] }, residentRecord, proxy([], false), plain)).toEqual([
      "block:代理人による請求には委任状が必要です",
    ]);
    expect(messages({ options: ["domicile"] }, residentRecord, proxy(), plain)).toEqual([]);
    expect(messages({ options: ["myNumber"] }, residentRecord, proxy(), plain)).toEqual([
      "block:委任状に個人番号の記載がないため、個人番号は記載できません",
    ]);
    expect(messages({ options: ["myNumber"] }, residentRecord, proxy(["myNumber"]), plain)).toEqual([]);
  });

  it("gives a third party no 本籍, 個人番号 or 住民票コード, and only with a reason", () => {
    expect(messages({ options: ["domicile", "myNumber"] }, residentRecord, thirdParty(), plain)).toEqual([
      "block:本籍・筆頭者は第三者（正当な理由）の請求では記載できません",
      "block:個人番号は第三者（正当な理由）の請求では記載できません",
    ]);
    expect(messages({ options: ["relationship"] }, residentRecord, thirdParty(""), plain)).toEqual([
      "block:第三者（正当な理由）の請求には請求の理由（使用目的の具体的な内容）が必要です",
    ]);
    expect(messages({ options: [] }, typeOf("certificate-income"), thirdParty(), plain)).toEqual([
      "block:所得証明書は第三者（正当な理由）からは請求できません",
    ]);
  });

  it("lets 戸籍 go to spouses and lineal relatives, not to the household as such", () => {
    const family = typeOf("certificate-family-register");
    expect(messages({ options: [] }, family, { ...self, kind: "family" }, plain)).toEqual([]);
    expect(messages({ options: [] }, family, { ...self, kind: "household" }, plain)).toEqual([
      "block:戸籍全部事項・個人事項証明書（謄本・抄本）は同一世帯の方からは請求できません",
    ]);
  });

  it("refuses unknown 記載事項", () => {
    expect(messages({ options: ["nickname"] }, residentRecord, self, plain)).toEqual([
      "block:住民票の写しに記載事項 nickname はありません",
    ]);
  });

  it("never issues for a 発行禁止 person, whoever asks", () => {
    expect(messages({ options: [] }, residentRecord, self, { ...plain, issuanceBan: true })).toEqual([
      "block:発行禁止の対象者です。この方の証明書は交付できません",
    ]);
  });

  it("blocks anyone but the 支援措置 subject, and the subject until the warning is acknowledged", () => {
    const protectedPerson = { ...plain, supportMeasure: true };
    expect(messages({ options: [] }, residentRecord, thirdParty(), protectedPerson)).toEqual([
      "block:支援措置の対象者です。本人以外からの請求には交付できません（交付には責任者の判断が必要です）",
    ]);
    expect(messages({ options: [] }, residentRecord, proxy(), protectedPerson)).toHaveLength(1);
    expect(messages({ options: [] }, residentRecord, self, protectedPerson)).toEqual([
      "block:支援措置の対象者です。警告を確認してから受け付けてください",
    ]);
    expect(
      messages({ options: [] }, residentRecord, self, { ...protectedPerson, supportAcknowledged: true }),
    ).toEqual([]);
  });

  it("warns about arrears on a 納税証明, and only there", () => {
    const withArrears = { ...plain, arrears: true };
    expect(messages({ options: [] }, typeOf("certificate-tax-payment"), self, withArrears)).toEqual([
      "warning:滞納があります。未納のある税目・年度の納税証明書は発行できません",
    ]);
    expect(messages({ options: [] }, typeOf("certificate-income"), self, withArrears)).toEqual([]);
  });
});
