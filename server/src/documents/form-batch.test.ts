import { defaultForms } from "@ichimado/core/documents/default-forms";
import type { TemplateField } from "@ichimado/core/documents/template";
import { PDFDocument, PDFString } from "@pdfme/pdf-lib";
import { beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../config.ts";
import { prepareBasePdf } from "./base-pdf.ts";
import { planText } from "./font-plan.ts";
import { type DocumentFonts, documentFonts } from "./fonts.ts";
import { drawableOnOneLine } from "./one-line.ts";
import { type FormToRender, renderForms, renderPdf } from "./render.ts";
import { embeddedFonts, pageLinks, pageOperators, pageXObjects } from "./testing/content.ts";
import { blankPdf, field, sampleForms } from "./testing/forms.ts";
import { pdfPages, pdfText } from "./testing/poppler.ts";
import { type PlacedText, schemaOf } from "./text-schema.ts";

/**
 * The batch renderer prints what pdfme's generate printed: the same operators for one-line fields
 * drawn without pdfme's line splitting, and a hundred forms as the same text as each printed alone.
 */
let fonts: DocumentFonts;

const placedOf = (f: TemplateField, value: string): PlacedText => ({
  ...f,
  page: f.page - 1,
  role: f.font,
  value,
});

beforeAll(async () => {
  fonts = await documentFonts(
    loadConfig({ ICHIMADO_MODE: "test", ICHIMADO_DATA_DIR: "/nonexistent-ichimado", LOG_LEVEL: "silent" }),
  );
});

describe("one-line fields", () => {
  it("are drawn with the operators pdfme's text plugin writes (resource names aside), each font embedded once", async () => {
    const oneLine: [TemplateField, string][] = [
      [field("left", 1, { y: 20 }), "出雲市今市町１丁目"],
      [field("center", 1, { y: 35, align: "center", size: 10.5 }), "令和8年10月1日"],
      [field("right", 1, { y: 50, align: "right", width: 60 }), "No. 123-4567"],
      [field("name", 1, { y: 65, font: "name", size: 14 }), "辻\u{E0102}　太郎"],
      [field("yoshi", 1, { y: 80, align: "center" }), "\u{20BB7}野　花子"],
      [field("trailing", 1, { y: 95, align: "right" }), "山田　太郎　  "],
      [field("exact", 1, { y: 110, width: 10.584, size: 10 }), "四文字"],
    ];
    const others: [TemplateField, string][] = [
      [field("lines", 1, { y: 130, height: 20 }), "一行目\n二行目"],
      [field("long", 1, { y: 160, width: 40 }), `出雲市今市町${"一丁目".repeat(8)}`],
    ];
    const all = [...oneLine, ...others];
    for (const [f, value] of all) {
      const schema = schemaOf(placedOf(f, value), planText(value, f.font, fonts).drawing);
      expect(drawableOnOneLine(schema, value), f.name).toBe(oneLine.some(([o]) => o === f));
    }
    const base = await blankPdf(1);
    const ours = await renderForms(
      [
        {
          basePdf: base,
          pageCount: 1,
          fields: all.map(([f]) => f),
          values: Object.fromEntries(all.map(([f, v]) => [f.name, v])),
        },
      ],
      fonts,
      "比較",
    );
    const pdfme = await renderPdf({
      base,
      pageCount: 1,
      texts: all.map(([f, value]) => placedOf(f, value)),
      fonts,
      title: "比較",
    });
    const operators = await pageOperators(ours, 0);
    expect(operators).toContain(" Tj");
    expect(operators).toBe(await pageOperators(pdfme, 0));
    expect(await embeddedFonts(ours)).toEqual(["IPAexMincho", "IPAmjMincho"]);
    expect(await embeddedFonts(ours)).toEqual(await embeddedFonts(pdfme));
  });
});

describe("a base PDF's web links", () => {
  it("are kept on every form printed on it, as pdfme's generate kept them, unsafe addresses dropped", async () => {
    const doc = await PDFDocument.create();
    const page = doc.addPage([595.28, 841.89]);
    const link = (uri: string, rect: number[]) =>
      doc.context.register(
        doc.context.obj({
          Type: "Annot",
          Subtype: "Link",
          Rect: rect,
          A: { Type: "Action", S: "URI", URI: PDFString.of(uri) },
        }),
      );
    page.node.addAnnot(link("https://www.city.izumo.shimane.jp/", [50, 700, 250, 720]));
    page.node.addAnnot(link("javascript:alert(1)", [50, 600, 250, 620]));
    const prepared = await prepareBasePdf(await doc.save());
    if (!prepared) throw new Error("base PDF did not load");
    const form: FormToRender = {
      basePdf: prepared.bytes,
      pageCount: 1,
      fields: [field("a", 1)],
      values: { a: "出雲市" },
    };
    const ours = await renderForms([form, form], fonts, "リンク");
    const pdfme = await renderPdf({
      base: prepared.bytes,
      pageCount: 1,
      texts: [placedOf(field("a", 1), "出雲市")],
      fonts,
      title: "リンク",
    });
    const expected = [{ rect: [50, 700, 250, 720], uri: "https://www.city.izumo.shimane.jp/" }];
    expect(await pageLinks(pdfme, 0)).toEqual(expected);
    expect(await pageLinks(ours, 0)).toEqual(expected);
    expect(await pageLinks(ours, 1)).toEqual(expected);
  });
});

describe("a batch of a hundred forms", () => {
  it("has every form's pages and the same text as the forms printed one by one", async () => {
    const kinds = (await sampleForms(fonts)).map((f) => f.render);
    const twoPages = await blankPdf(2);
    kinds.push({
      basePdf: twoPages,
      pageCount: 2,
      fields: [field("first", 1), field("second", 2, { align: "right" })],
      values: { first: "二枚組の一枚目", second: "二枚組の二枚目" },
    });
    // Every third form has its own values (numbered, some now too long for their box), and every
    // fifth a separate copy of its base PDF's bytes, as two templates read from the database would.
    const forms = Array.from({ length: 100 }, (_, i): FormToRender => {
      const kind = kinds[i % kinds.length] as FormToRender;
      const values =
        i % 3 === 0
          ? Object.fromEntries(Object.entries(kind.values).map(([k, v]) => [k, v ? `${v}${i}` : v]))
          : kind.values;
      return { ...kind, basePdf: i % 5 === 0 ? new Uint8Array(kind.basePdf) : kind.basePdf, values };
    });
    const batch = await renderForms(forms, fonts, "一括");
    const pages = forms.reduce((n, f) => n + f.pageCount, 0);
    expect(pages).toBeGreaterThan(100);
    expect(await pdfPages(batch)).toBe(pages);
    // Each distinct base PDF's pages are embedded once and drawn under every form printed on it.
    expect(await pageXObjects(batch)).toBe(defaultForms.length + 2);

    const alone: string[] = [];
    for (const form of forms) alone.push(await pdfText(await renderForms([form], fonts, "一枚")));
    const text = await pdfText(batch);
    expect(text).toContain("二枚組の二枚目");
    expect(text).toBe(alone.join(""));
  }, 120_000);
});
