import { describe, expect, it } from "vitest";
import { defaultCertificateTypes, defaultPurposes } from "./defaults.ts";
import {
  draftFromLine,
  emptyLineDraft,
  fiscalYearChoices,
  fiscalYearOf,
  lineFromDraft,
  requesterFromVisitor,
} from "./intake.ts";

const type = (key: string) => defaultCertificateTypes.find((t) => t.key === key);
const draft = (more: Partial<ReturnType<typeof emptyLineDraft>>) => ({
  ...emptyLineDraft("7000000001"),
  purpose: "employment",
  ...more,
});

describe("年度", () => {
  it("turns in April", () => {
    expect(fiscalYearOf("2026-03-31")).toBe(2025);
    expect(fiscalYearOf("2026-04-01")).toBe(2026);
  });
  it("offers this 年度 and the four before it, in 和暦 and 西暦", () => {
    const choices = fiscalYearChoices("2026-12-04");
    expect(choices.map((c) => c.year)).toEqual([2026, 2025, 2024, 2023, 2022]);
    expect(choices[0]?.label).toBe("令和8年度（2026年度）");
    expect(fiscalYearChoices("2019-06-01", 2).map((c) => c.label)).toEqual([
      "令和元年度（2019年度）",
      "平成30年度（2018年度）",
    ]);
  });
});

describe("a line as typed", () => {
  it("becomes a request line, dropping what the certificate does not take", () => {
    const result = lineFromDraft(
      draft({
        certificateKey: "certificate-resident-record",
        quantity: "２",
        options: ["domicile", "notAnOption"],
        years: [2025],
        parcels: "3",
      }),
      type("certificate-resident-record"),
      defaultPurposes,
    );
    expect(result).toEqual({
      ok: true,
      line: {
        certificateKey: "certificate-resident-record",
        personId: "7000000001",
        quantity: 2,
        options: ["domicile"],
        years: [],
        taxes: [],
        parcels: null,
        purpose: "employment",
        purposeText: "",
        exemption: null,
      },
    });
    if (result.ok)
      expect(
        lineFromDraft(draftFromLine(result.line), type("certificate-resident-record"), defaultPurposes),
      ).toEqual(result);
  });

  it("asks for 年度 and 税目 of a 納税証明, 筆数 of a 資産証明, and the purpose's words for その他", () => {
    const tax = lineFromDraft(
      draft({ certificateKey: "certificate-tax-payment" }),
      type("certificate-tax-payment"),
      defaultPurposes,
    );
    expect(tax.ok ? [] : tax.issues.map((i) => i.path)).toEqual(["years", "taxes"]);
    const property = lineFromDraft(
      draft({ certificateKey: "certificate-property-valuation", parcels: "0", purpose: "other" }),
      type("certificate-property-valuation"),
      defaultPurposes,
    );
    expect(property.ok ? [] : property.issues).toEqual([
      { path: "parcels", message: "筆数・棟数を1以上の数字で入力してください" },
      { path: "purposeText", message: "使用目的の内容を入力してください" },
    ]);
    const income = lineFromDraft(
      draft({ certificateKey: "certificate-income", years: [2024, 2025], taxes: ["軽自動車税"] }),
      type("certificate-income"),
      defaultPurposes,
    );
    expect(income.ok && income.line).toMatchObject({ years: [2025, 2024], taxes: [] });
  });

  it("refuses a missing person, certificate, purpose and a quantity past the limit", () => {
    const empty = lineFromDraft(emptyLineDraft(), undefined, defaultPurposes);
    expect(empty.ok ? [] : empty.issues.map((i) => i.path)).toEqual([
      "personId",
      "certificateKey",
      "purpose",
    ]);
    const many = lineFromDraft(
      draft({ certificateKey: "certificate-seal", quantity: "11" }),
      type("certificate-seal"),
      defaultPurposes,
    );
    expect(many.ok ? [] : many.issues).toEqual([
      { path: "quantity", message: "印鑑登録証明書は1件につき10通までです" },
    ]);
    const text = lineFromDraft(
      draft({ certificateKey: "certificate-seal", quantity: "a" }),
      type("certificate-seal"),
      defaultPurposes,
    );
    expect(text.ok).toBe(false);
  });
});

describe("who is asking, from the visitor", () => {
  const visitor = {
    personId: null,
    name: "来庁　者",
    nameKana: "",
    birthDate: null,
    sex: null,
    address: "",
    phone: "",
    relationDetail: "",
    authorityDocument: null,
  } as const;
  it("follows the relation the visitor section recorded", () => {
    expect(requesterFromVisitor(null)).toEqual({ kind: "self", delegation: null, reason: "" });
    expect(requesterFromVisitor({ ...visitor, relation: "household" }).kind).toBe("household");
    expect(
      requesterFromVisitor({ ...visitor, relation: "proxy", authorityDocument: "delegationLetter" }),
    ).toEqual({ kind: "proxy", delegation: { present: true, names: [] }, reason: "" });
    expect(requesterFromVisitor({ ...visitor, relation: "proxy" }).delegation).toEqual({
      present: false,
      names: [],
    });
    expect(
      requesterFromVisitor({ ...visitor, relation: "thirdParty", relationDetail: "司法書士（相続登記）" })
        .reason,
    ).toBe("司法書士（相続登記）");
  });
});
