import { describe, expect, it } from "vitest";
import { qualificationNumberFields, searchableNumberFields } from "./qualification.ts";

describe("qualification numbers", () => {
  it("are the enrollment feeds' numbers, with their programmes", () => {
    const byHeader = new Map(
      qualificationNumberFields.map((f) => [`${f.header}:${f.programmes.join(",")}`, f.field]),
    );
    expect(byHeader.get("被保険者証番号:nationalHealthInsurance")).toBe("insuredNumber");
    expect(byHeader.get("被保険者番号:longTermCare")).toBe("insuredNumber");
    expect(byHeader.get("ケース番号:publicAssistance")).toBe("caseNumber");
    expect(byHeader.get("基礎年金番号:nationalPension")).toBe("pensionNumber");
    // The 宛名番号 columns identify persons, not enrollments.
    expect(
      qualificationNumberFields.some((f) => f.field === "personId" || f.field === "holderPersonId"),
    ).toBe(false);
  });

  it("keep to the programmes a role may see", () => {
    const fields = searchableNumberFields(new Set(["residency", "nationalHealthInsurance"]));
    expect(fields).toEqual([{ field: "insuredNumber", programmes: ["nationalHealthInsurance"] }]);
    expect(searchableNumberFields(new Set())).toEqual([]);
  });
});
