import { caseExportColumns, procedureExportColumns } from "@ichimado/core/statistics/columns";
import { describe, expect, it } from "vitest";
import { statisticsExportSection } from "./statistics-dictionary.ts";

describe("statistics exports in the data dictionary", () => {
  it("lists every column of both files with its description, and the definitions", () => {
    const text = statisticsExportSection();
    for (const c of [...caseExportColumns, ...procedureExportColumns]) {
      expect(text).toContain(`| ${c.header} | ${c.description} |`);
    }
    expect(text).toContain("待ち時間: 対応が保留されてから");
    expect(text).toContain("最長366日");
  });
});
