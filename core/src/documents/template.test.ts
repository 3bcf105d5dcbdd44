import { describe, expect, it } from "vitest";
import { fieldPlacementProblems, sourceLabel, templateFieldSchema, templateSaveSchema } from "./template.ts";

const field = {
  name: "name",
  page: 1,
  x: 20,
  y: 30,
  width: 60,
  height: 8,
  font: "name",
  size: 12,
  source: "person.name",
};

describe("template schemas", () => {
  it("accepts register, case, visitor, answer, date and fixed sources, and nothing else", () => {
    for (const source of [
      "person.address",
      "case.movingMembers",
      "visitor.name",
      "answer:workplaceInsurance",
      "today.wareki",
      "fixed",
    ])
      expect(templateFieldSchema.safeParse({ ...field, source }).success, source).toBe(true);
    for (const source of ["person.myNumber", "answer:", "answer:1x", "sql:select"])
      expect(templateFieldSchema.safeParse({ ...field, source }).success, source).toBe(false);
  });

  it("refuses duplicate field names and a period that ends before it starts", () => {
    const result = templateSaveSchema.safeParse({
      key: "juminido",
      name: "住民異動届",
      basePdfId: 1,
      fields: [field, field],
      validFrom: "2026-04-01",
      validTo: "2026-03-31",
    });
    expect(result.success).toBe(false);
    const messages = result.error?.issues.map((i) => i.message) ?? [];
    expect(messages).toContain("項目名 name が重複しています");
    expect(messages).toContain("有効期限は開始日以降にしてください");
  });

  it("finds fields off the page or on a page the base PDF lacks", () => {
    const parsed = templateFieldSchema.parse(field);
    const a4 = [{ width: 210, height: 297 }];
    expect(fieldPlacementProblems([parsed], a4)).toEqual([]);
    expect(fieldPlacementProblems([{ ...parsed, x: 180 }], a4)[0]?.message).toContain("はみ出して");
    expect(fieldPlacementProblems([{ ...parsed, page: 2, label: "氏名欄" }], a4)[0]?.message).toBe(
      "氏名欄: 元のPDFに 2 ページ目がありません",
    );
  });

  it("labels sources for staff", () => {
    expect(sourceLabel("person.birthDate.wareki")).toBe("対象者の生年月日 (和暦)");
    expect(sourceLabel("answer:workplaceInsurance")).toBe("回答 (workplaceInsurance)");
  });
});
