import { describe, expect, it } from "vitest";
import { defaultProcedures } from "../catalog/default-catalog.ts";
import { defaultCertificateTypes, defaultFeeExemptions, defaultPurposes } from "./defaults.ts";
import { certificateTypeSchema, feeExemptionSchema, purposeSchema } from "./schemas.ts";

describe("the default certificate settings", () => {
  it("are valid settings, each key once", () => {
    for (const t of defaultCertificateTypes) expect(certificateTypeSchema.parse(t)).toEqual(t);
    for (const e of defaultFeeExemptions) expect(feeExemptionSchema.parse(e)).toEqual(e);
    for (const p of defaultPurposes) expect(purposeSchema.parse(p)).toEqual(p);
    for (const list of [defaultCertificateTypes, defaultFeeExemptions, defaultPurposes])
      expect(new Set(list.map((x) => x.key)).size).toBe(list.length);
  });

  it("name catalog procedures that exist, and exemptions that exist", () => {
    const procedures = new Set(defaultProcedures.map((p) => p.key));
    for (const t of defaultCertificateTypes)
      if (t.procedureKey !== null) expect(procedures.has(t.procedureKey), t.key).toBe(true);
    const exemptions = new Set(defaultFeeExemptions.map((e) => e.key));
    for (const p of defaultPurposes) if (p.exemption) expect(exemptions.has(p.exemption), p.key).toBe(true);
  });

  it("follow the national standard for 戸籍 and the usual city amounts", () => {
    const fee = (key: string) => defaultCertificateTypes.find((t) => t.key === key)?.fee;
    expect(fee("certificate-family-register")).toEqual({ kind: "perCopy", amount: 450 });
    expect(fee("certificate-removed-family-register")).toEqual({ kind: "perCopy", amount: 750 });
    expect(fee("certificate-register-entries")).toEqual({ kind: "perCopy", amount: 350 });
    for (const key of [
      "certificate-resident-record",
      "certificate-family-register-annex",
      "certificate-seal",
    ])
      expect(fee(key)).toEqual({ kind: "perCopy", amount: 300 });
    expect(fee("certificate-light-vehicle-tax")).toEqual({ kind: "perCopy", amount: 0 });
  });
});
