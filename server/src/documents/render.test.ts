import type { GuideSheetContent } from "@ichimado/core/documents/guide-sheet";
import { beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../config.ts";
import { HttpError } from "../platform/errors.ts";
import { type DocumentFonts, documentFonts } from "./fonts.ts";
import { missingGlyphs, refuseMissingGlyphs } from "./glyph-check.ts";
import { renderGuideSheet } from "./guide-sheet.ts";
import { renderForms } from "./render.ts";
import { blankPdf, field } from "./testing/forms.ts";
import { pdfPages, pdfText } from "./testing/poppler.ts";

/** The renderer without a database: batches, the guide sheet's page breaks, the glyph check. */
let fonts: DocumentFonts;
const config = loadConfig({
  ICHIMADO_MODE: "test",
  ICHIMADO_DATA_DIR: "/nonexistent-ichimado",
  LOG_LEVEL: "silent",
});

beforeAll(async () => {
  fonts = await documentFonts(config);
});

describe("renderForms", () => {
  it("prints several forms as one PDF, each on its own pages", async () => {
    const one = await blankPdf(1);
    const two = await blankPdf(2);
    const pdf = await renderForms(
      [
        { basePdf: one, pageCount: 1, fields: [field("a", 1)], values: { a: "様式A 一枚目" } },
        {
          basePdf: two,
          pageCount: 2,
          fields: [field("b1", 1), field("b2", 2)],
          values: { b1: "様式B 一枚目", b2: "様式B 二枚目" },
        },
        { basePdf: one, pageCount: 1, fields: [field("a", 1)], values: { a: "様式A 二通目" } },
      ],
      fonts,
      "一括",
    );
    expect(await pdfPages(pdf)).toBe(4);
    const pages = (await pdfText(pdf)).split("\f").map((p) => p.trim());
    expect(pages.slice(0, 4)).toEqual(["様式A 一枚目", "様式B 一枚目", "様式B 二枚目", "様式A 二通目"]);
  });

  it("falls back to IPAmj for body text IPAex cannot draw, and shrinks a long text into its box", async () => {
    const long = `出雲市今市町${"一丁目".repeat(12)}\u{20BB7}野ハイツ`;
    const pdf = await renderForms(
      [
        {
          basePdf: await blankPdf(1),
          pageCount: 1,
          fields: [field("address", 1, { width: 60 })],
          values: { address: long },
        },
      ],
      fonts,
      "住所",
    );
    expect((await pdfText(pdf)).replace(/\s/g, "")).toBe(long);
  });
});

describe("the guide sheet", () => {
  const content = (count: number): GuideSheetContent => ({
    city: "出雲市",
    date: "令和8年10月1日",
    visitorName: "山田　太郎",
    items: Array.from({ length: count }, (_, i) => ({
      name: `手続き${i + 1}`,
      person: i % 2 === 0 ? "山田　花子" : null,
      what: "職場の健康保険に加入していない方は、国民健康保険に加入します。",
      bring: "本人確認書類、マイナンバーカード",
      where: "保険年金課（本庁舎1階 5番窓口）",
      status: "これから",
    })),
  });

  it("continues a long list on further pages, every item complete", async () => {
    const pdf = await renderGuideSheet(content(24), fonts);
    expect(await pdfPages(pdf)).toBeGreaterThanOrEqual(3);
    const text = (await pdfText(pdf)).replace(/\s+/g, "");
    // (poppler may read a page's header between an item's number and its name, so the name is matched)
    for (let i = 1; i <= 24; i++) expect(text).toMatch(new RegExp(`手続き${i}(対象の方|内容)`));
    expect(text.match(/持ち物：本人確認書類、マイナンバーカード/g)).toHaveLength(24);
    expect(text).toContain("出雲市手続きのご案内1/");
  });
});

describe("the fonts", () => {
  it("refuses clearly when a font file is missing", async () => {
    const broken = loadConfig({
      ICHIMADO_MODE: "test",
      ICHIMADO_DATA_DIR: "/nonexistent-ichimado",
      DOCUMENT_NAME_FONT: "/nonexistent-ichimado/ipamjm.ttf",
    });
    const error = await documentFonts(broken).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpError);
    expect(error).toMatchObject({ statusCode: 503 });
    expect((error as HttpError).message).toContain("DOCUMENT_NAME_FONT");
    expect((error as HttpError).message).toContain("/nonexistent-ichimado/ipamjm.ttf");
  });
});

describe("the glyph check", () => {
  it("names the person and the character no font can draw, unless acknowledged", () => {
    const problems = missingGlyphs(
      [
        { who: "田中　花子", where: "住民異動届・氏名", role: "name", value: "田中　\uE8A0子" },
        { who: "辻󠄂　太郎", where: "住民異動届・氏名", role: "name", value: "辻\u{E0102}　太郎" },
      ],
      fonts,
    );
    expect(problems).toEqual(["田中　花子 さんの住民異動届・氏名: 「\uE8A0」(U+E8A0)"]);
    expect(() => refuseMissingGlyphs(problems)).toThrow(HttpError);
    expect(() => refuseMissingGlyphs([])).not.toThrow();
  });
});
