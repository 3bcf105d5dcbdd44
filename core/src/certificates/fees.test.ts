import { describe, expect, it } from "vitest";
import { defaultCertificateTypes, defaultFeeExemptions, defaultPurposes } from "./defaults.ts";
import { calculateFees, feeRuleText, maxRequestLines } from "./fees.ts";
import { type RequestLine, requestLineSchema } from "./schemas.ts";

const settings = {
  types: defaultCertificateTypes,
  purposes: defaultPurposes,
  exemptions: defaultFeeExemptions,
};
const line = (l: Partial<RequestLine> & { certificateKey: string }): RequestLine =>
  requestLineSchema.parse({ personId: "1000000001", quantity: 1, purpose: "employment", ...l });

describe("certificate fees", () => {
  it("adds up a mixed request for several people, line by line", () => {
    const fees = calculateFees(
      [
        line({ certificateKey: "certificate-resident-record", quantity: 2 }),
        line({ certificateKey: "certificate-family-register", personId: "1000000002" }),
        line({
          certificateKey: "certificate-removed-family-register",
          personId: "1000000002",
          purpose: "inheritance",
        }),
        line({ certificateKey: "certificate-seal", personId: "1000000003" }),
        line({ certificateKey: "certificate-light-vehicle-tax", purpose: "vehicle" }),
      ],
      settings,
    );
    expect(fees.problems).toEqual([]);
    expect(fees.lines.map((l) => l.amount)).toEqual([600, 450, 750, 300, 0]);
    expect(fees.total).toBe(2100);
    expect(fees.lines[0]?.breakdown).toBe("300円 × 2通 = 600円");
  });

  it("charges 所得・課税証明 per person per year, and 納税証明 per tax and year", () => {
    const fees = calculateFees(
      [
        line({ certificateKey: "certificate-income", years: [2024, 2025], quantity: 2 }),
        line({ certificateKey: "certificate-tax-assessment", personId: "1000000002", years: [2025] }),
        line({
          certificateKey: "certificate-tax-payment",
          years: [2024, 2025],
          taxes: ["市県民税", "固定資産税"],
        }),
      ],
      settings,
    );
    expect(fees.problems).toEqual([]);
    expect(fees.lines.map((l) => [l.units, l.amount])).toEqual([
      [2, 1200],
      [1, 300],
      [4, 1200],
    ]);
    expect(fees.total).toBe(2700);
    expect(fees.lines[0]?.breakdown).toBe("(300円 × 2件 = 600円) × 2通 = 1,200円");
  });

  it("charges 資産証明 a base for the first parcels and a fee for each one after", () => {
    const fees = calculateFees(
      [
        line({ certificateKey: "certificate-property-valuation", parcels: 3 }),
        line({ certificateKey: "certificate-property-valuation", parcels: 12 }),
        line({ certificateKey: "certificate-property-tax", parcels: 6, quantity: 2 }),
      ],
      settings,
    );
    expect(fees.lines.map((l) => l.amount)).toEqual([300, 300 + 7 * 50, (300 + 50) * 2]);
    expect(fees.lines[1]?.breakdown).toBe("(300円 + 50円 × 7筆・棟 = 650円) × 1通 = 650円");
  });

  it("exempts by purpose only the certificates the law names, and by the requester's exemption any", () => {
    const fees = calculateFees(
      [
        // 年金請求: 戸籍 free, 住民票 still charged.
        line({ certificateKey: "certificate-family-register", purpose: "pensionClaim" }),
        line({ certificateKey: "certificate-resident-record", purpose: "pensionClaim" }),
        line({ certificateKey: "certificate-removed-family-register", purpose: "childBenefit" }),
        line({ certificateKey: "certificate-register-entries", purpose: "healthInsurance" }),
        line({ certificateKey: "certificate-resident-record", exemption: "publicAssistance" }),
        line({ certificateKey: "certificate-income", years: [2025], exemption: "disasterVictim" }),
        line({ certificateKey: "certificate-seal", exemption: "officialRequest" }),
      ],
      settings,
    );
    expect(fees.problems).toEqual([]);
    expect(fees.lines.map((l) => [l.amount, l.exemption?.key ?? null])).toEqual([
      [0, "pensionClaim"],
      [300, null],
      [0, "childBenefitClaim"],
      [0, "healthInsuranceClaim"],
      [0, "publicAssistance"],
      [0, "disasterVictim"],
      [0, "officialRequest"],
    ]);
    expect(fees.total).toBe(300);
    expect(fees.lines[0]?.exemption?.legalBasis).toMatch(/国民年金法第104条/);
    expect(fees.lines[0]?.breakdown).toBe("450円 × 1通 = 450円 → 免除（年金の請求）0円");
  });

  it("refuses an exemption chosen for a certificate it does not cover", () => {
    const fees = calculateFees(
      [line({ certificateKey: "certificate-resident-record", exemption: "pensionClaim" })],
      settings,
    );
    expect(fees.problems).toEqual([
      { index: 0, field: "exemption", message: "年金の請求による免除は住民票の写しには適用できません" },
    ]);
    expect(fees.lines[0]?.amount).toBe(300);
    expect(fees.total).toBe(0);
  });

  it("holds to the limits: copies, periods, lines, and the numbers a fee needs", () => {
    const fees = calculateFees(
      [
        line({ certificateKey: "certificate-resident-record", quantity: 11 }),
        line({ certificateKey: "certificate-income", years: [2020, 2021, 2022, 2023, 2024, 2025] }),
        line({ certificateKey: "certificate-income" }),
        line({ certificateKey: "certificate-income", years: [2025, 2025] }),
        line({ certificateKey: "certificate-property-tax" }),
        line({ certificateKey: "certificate-nothing" }),
        line({ certificateKey: "certificate-seal", purpose: "unknown" }),
      ],
      settings,
    );
    expect(fees.problems.map((p) => `${p.index}:${p.field}:${p.message}`)).toEqual([
      "0:quantity:住民票の写しは1件につき10通までです",
      "1:years:所得証明書は1件につき5件（年度・税目）までです",
      "2:years:所得証明書の年度を選んでください",
      "3:years:同じ年度が重複しています",
      "4:parcels:固定資産公課証明書の筆数・棟数を入力してください",
      "5:certificateKey:証明書の種類 certificate-nothing は設定にありません",
      "6:purpose:使用目的を選んでください",
    ]);
    expect(fees.total).toBe(0);
    const many = calculateFees(
      Array.from({ length: maxRequestLines + 1 }, () => line({ certificateKey: "certificate-seal" })),
      settings,
    );
    expect(many.lines).toHaveLength(maxRequestLines);
    expect(many.problems[0]?.message).toBe("一度に請求できるのは30件までです");
    expect(requestLineSchema.safeParse({ ...line({ certificateKey: "x" }), quantity: 0 }).success).toBe(
      false,
    );
  });
});

describe("a fee rule in words", () => {
  it("reads like the fee table on the counter", () => {
    expect(feeRuleText({ kind: "perCopy", amount: 300 })).toBe("1通 300円");
    expect(feeRuleText({ kind: "perCopy", amount: 0 })).toBe("無料");
    expect(feeRuleText({ kind: "perPeriod", amount: 300 })).toBe("1年度（税目）1通 300円");
    expect(feeRuleText({ kind: "parcels", base: 300, includedParcels: 5, perExtraParcel: 50 })).toBe(
      "5筆・棟まで 300円、1筆・棟増すごとに 50円",
    );
  });
});
