import { readFile } from "node:fs/promises";
import { feedLayouts } from "@ichimado/core/feeds/layouts";
import { describe, expect, it } from "vitest";
import { dataDictionaryPath, formattedDataDictionary, renderDataDictionary } from "./data-dictionary.ts";

describe("data dictionary", () => {
  it("is committed as rendered from the layouts", async () => {
    const committed = await readFile(dataDictionaryPath, "utf-8").catch(() => "");
    expect(
      committed === formattedDataDictionary(),
      "docs/DATA-DICTIONARY.md is stale: run `npm run docs:dictionary` and commit the result",
    ).toBe(true);
  });

  it("has a section with every column of every feed, and the export section", () => {
    const text = renderDataDictionary();
    for (const layout of feedLayouts) {
      expect(text).toContain(`## ${layout.name} (${layout.id}, ${layout.fileName})`);
      for (const c of layout.columns) expect(text).toContain(`| ${c.header} | \`${c.field}\` |`);
    }
    expect(text).toContain("処理区分");
    expect(text).toContain("jumin.diff.csv");
    expect(
      text
        .trimEnd()
        .split("\n")
        .some((l) => l === "## エクスポート"),
    ).toBe(true);
  });
});
