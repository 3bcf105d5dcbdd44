import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { TemplateField } from "@ichimado/core/documents/template";
import { mm2pt } from "@pdfme/common";
import { PDFDocument } from "@pdfme/pdf-lib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../config.ts";
import { prepareBasePdf } from "./base-pdf.ts";
import { planText } from "./font-plan.ts";
import { type DocumentFonts, documentFonts } from "./fonts.ts";
import { renderForms } from "./render.ts";
import { pdfText, rasterisePage, referenceRendering } from "./testing/poppler.ts";
import { crop, type Gray, inkGrid, inkIoU } from "./testing/raster.ts";
import { testGaijiFont } from "./testing/test-gaiji-font.ts";

/**
 * B⑤: the hard cases of Japanese names, printed through the real renderer (bind → pdfme → PDF),
 * rasterised by poppler and compared glyph by glyph with HarfBuzz's rendering of the same sequence
 * in the same font file — not by eye. The comparison is also shown to fail where it must: a
 * variant drawn as its base character (葛󠄂 as 葛, 𠮷 as 吉, 塚 U+FA10 as U+585A) does not pass.
 */
const dpi = 300;
const sizePt = 72;
const pixelsPerEm = (sizePt * dpi) / 72;
const px = (mm: number) => (mm2pt(mm) * dpi) / 72;
const emMm = (sizePt * 25.4) / 72;
/** a city's private-use gaiji code, mapped by its gaiji font (here, one made for the test) */
const cityCode = 0xe8a0;
const pua = String.fromCodePoint(cityCode);

const cases = [
  { name: "tsuchiYoshi", text: "\u{20BB7}", looksLike: "吉" },
  { name: "hashigoTaka", text: "髙", looksLike: "高" },
  { name: "tatsuSaki", text: "﨑", looksLike: "崎" },
  { name: "kuzuIvs", text: "葛\u{E0102}", looksLike: "葛" },
  { name: "tsujiIvs", text: "辻\u{E0102}", looksLike: "辻" },
  { name: "tsukaCompat", text: "\uFA10", looksLike: "\u585A" },
  { name: "cityGaiji", text: pua, looksLike: null },
] as const;

let dir: string;
let fonts: DocumentFonts;
let gaijiFile: string;
let page: Gray;
let text: string;
const cells = new Map<string, Gray>();

/** Field boxes on an A4 page: one glyph each, and one name mixing IPAmj and the gaiji font. */
const fields: TemplateField[] = [
  ...cases.map((c, i) => ({
    name: c.name,
    label: "",
    page: 1,
    x: 10 + (i % 5) * 38,
    y: 20 + Math.floor(i / 5) * 40,
    width: 34,
    height: 32,
    font: "name" as const,
    size: sizePt,
    align: "left" as const,
    source: "fixed" as const,
    text: "",
  })),
  {
    name: "mixedName",
    label: "",
    page: 1,
    x: 10,
    y: 110,
    width: 2 * emMm + 10,
    height: 32,
    font: "name",
    size: sizePt,
    align: "left",
    source: "fixed",
    text: "",
  },
];
const box = (name: string) => fields.find((f) => f.name === name) as TemplateField;

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "ichimado-gaiji-"));
  gaijiFile = path.join(dir, "city-gaiji.otf");
  await fs.writeFile(gaijiFile, testGaijiFont(cityCode));
  const config = loadConfig({
    ICHIMADO_MODE: "test",
    ICHIMADO_DATA_DIR: dir,
    GAIJI_FONT: gaijiFile,
    LOG_LEVEL: "silent",
  });
  fonts = await documentFonts(config);
  const blank = await PDFDocument.create();
  blank.addPage([595.28, 841.89]);
  const base = await prepareBasePdf(await blank.save());
  if (!base) throw new Error("the blank base PDF did not load");
  const basePdf = base.bytes;
  const values = Object.fromEntries([
    ...cases.map((c) => [c.name, c.text] as const),
    ["mixedName", `田${pua}`],
  ]);
  const pdf = await renderForms([{ basePdf, pageCount: 1, fields, values }], fonts, "外字テスト");
  page = await rasterisePage(pdf, 1, dpi);
  text = await pdfText(pdf);
  for (const c of cases) {
    const f = box(c.name);
    cells.set(c.name, crop(page, { x: px(f.x), y: px(f.y), width: px(f.width), height: px(f.height) }));
  }
  // The mixed name: one em per character from the box's left edge.
  const m = box("mixedName");
  for (const [i, key] of ["mixed0", "mixed1"].entries())
    cells.set(key, crop(page, { x: px(m.x + i * emMm), y: px(m.y), width: px(emMm), height: px(m.height) }));
}, 120_000);
afterAll(async () => {
  if (dir) await fs.rm(dir, { recursive: true, force: true });
});

const reference = async (fontFile: string, s: string) =>
  inkGrid(await referenceRendering(fontFile, s, pixelsPerEm));
const printed = (cell: string) => inkGrid(cells.get(cell) as Gray);
/** Same glyph, two rasterisers: measured 0.98–1.00. Another glyph of the same family: below 0.86. */
const match = 0.95;
const figures: Record<string, number> = {};
const points = (s: string) =>
  [...s].map((c) => `U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase()}`).join(" ");

describe("the gaiji test document", () => {
  it("keeps every sequence as stored: no NFC/NFKC, the IVS and U+FA10 reach the PDF's text", () => {
    for (const c of cases) if (c.text !== pua) expect(text).toContain(c.text);
    expect(text).not.toContain("\u585A");
  });

  it("uses IPAmj for the names, the city's gaiji font for its private-use code, and both in one name", () => {
    for (const c of cases.filter((c) => c.text !== pua))
      expect(planText(c.text, "name", fonts).drawing).toEqual({ kind: "single", face: "ipamj" });
    expect(planText(pua, "name", fonts)).toEqual({ drawing: { kind: "single", face: "gaiji" }, missing: [] });
    expect(planText(`田${pua}`, "name", fonts).drawing).toEqual({ kind: "runs", faces: ["ipamj", "gaiji"] });
    expect(planText(`田${String.fromCodePoint(cityCode + 1)}`, "name", fonts).missing).toEqual([
      String.fromCodePoint(cityCode + 1),
    ]);
  });

  it("draws each hard case as the font's own rendering of that sequence", async () => {
    for (const c of cases) {
      const font = c.text === pua ? gaijiFile : fonts.name.file;
      const iou = inkIoU(printed(c.name), await reference(font, c.text));
      figures[`${c.name} ${points(c.text)}`] = iou;
      expect(iou, `${c.name} ${c.text}`).toBeGreaterThanOrEqual(match);
    }
    const ta = inkIoU(printed("mixed0"), await reference(fonts.name.file, "田"));
    const gaiji = inkIoU(printed("mixed1"), await reference(gaijiFile, pua));
    figures["mixed name: 田 U+7530 (IPAmj)"] = ta;
    figures[`mixed name: ${points(pua)} (gaiji font)`] = gaiji;
    expect(ta).toBeGreaterThanOrEqual(match);
    expect(gaiji).toBeGreaterThanOrEqual(match);
  });

  it("fails the comparison when a variant would be drawn as its plain character", async () => {
    for (const c of cases) {
      if (!c.looksLike) continue;
      const iou = inkIoU(printed(c.name), await reference(fonts.name.file, c.looksLike));
      figures[`${c.name} ${points(c.text)} vs ${points(c.looksLike)}`] = iou;
      expect(iou, `${c.name} against ${c.looksLike}`).toBeLessThan(match);
    }
    // And the gaiji cell is not a box or blank: against IPAmj's .notdef for the same code it differs.
    const notdef = inkIoU(printed("cityGaiji"), await reference(fonts.name.file, pua));
    figures[`cityGaiji ${points(pua)} vs IPAmj (which has no glyph for it)`] = notdef;
    expect(notdef).toBeLessThan(match);
    console.info(
      "glyph IoU (printed vs hb-view reference):\n" +
        Object.entries(figures)
          .map(([k, v]) => `  ${k}: ${v.toFixed(3)}`)
          .join("\n"),
    );
  });
});
