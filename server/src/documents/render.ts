import type { FontRole, TemplateField } from "@ichimado/core/documents/template";
import type { BlankPdf, Font, Schema, Template } from "@pdfme/common";
import { generate } from "@pdfme/generator";
import { multiVariableText, text } from "@pdfme/schemas";
import { joinPdfs } from "./base-pdf.ts";
import { planText } from "./font-plan.ts";
import type { DocumentFonts } from "./fonts.ts";
import { fontRunsPlugin, fontRunsType } from "./runs-plugin.ts";

/**
 * The one renderer: text placed on pages (mm from the top left), drawn by pdfme over a base PDF
 * or a blank page, in one generate call however many documents the PDF holds.
 */
export interface PlacedText {
  name: string;
  /** 0-based page of the whole PDF */
  page: number;
  x: number;
  y: number;
  width: number;
  height: number;
  role: FontRole;
  size: number;
  align: "left" | "center" | "right";
  value: string;
  /** grows downward and pushes what follows, breaking pages (blank bases only: the guide sheet) */
  expand?: boolean;
  lineHeight?: number;
}

function schemaOf(t: PlacedText, fonts: DocumentFonts): Schema {
  const box = { name: t.name, position: { x: t.x, y: t.y }, width: t.width, height: t.height };
  const { drawing } = planText(t.value, t.role, fonts);
  if (drawing.kind === "runs")
    return { ...box, type: fontRunsType, faces: drawing.faces, fontSize: t.size, alignment: t.align };
  return {
    ...box,
    type: "text",
    fontName: drawing.face,
    fontSize: t.size,
    alignment: t.align,
    verticalAlignment: t.expand ? "top" : "middle",
    lineHeight: t.lineHeight ?? 1,
    characterSpacing: 0,
    fontColor: "#000000",
    backgroundColor: "",
    // A form's box is fixed: longer text wraps and, if it still does not fit, gets smaller.
    ...(t.expand
      ? { overflow: "expand" }
      : fitsAtSize(t)
        ? {}
        : { dynamicFontSize: { min: Math.min(5, t.size), max: t.size, fit: "vertical" } }),
  };
}

/**
 * Text that surely fits its box on one line at its size: no glyph of these fonts is wider than
 * its em, so characters × size bounds the width. pdfme's fitting (which measures the text at size
 * after size) would keep the size anyway; skipping it is a good part of a batch's time.
 */
function fitsAtSize(t: PlacedText): boolean {
  const points = 72 / 25.4;
  if (t.value.includes("\n") || t.size * (t.lineHeight ?? 1) > t.height * points) return false;
  let characters = 0;
  for (const _ of t.value) characters++;
  return characters * t.size <= t.width * points;
}

function fontOptions(fonts: DocumentFonts): Font {
  return {
    ipamj: { data: fonts.name.parsed, fallback: true, subset: true },
    ipaex: { data: fonts.body.parsed, subset: true },
    ...(fonts.gaiji ? { gaiji: { data: fonts.gaiji.parsed, subset: true } } : {}),
  };
}

export async function renderPdf(args: {
  base: Uint8Array<ArrayBuffer> | BlankPdf;
  pageCount: number;
  texts: readonly PlacedText[];
  fonts: DocumentFonts;
  title: string;
}): Promise<Uint8Array> {
  const schemas: Schema[][] = Array.from({ length: args.pageCount }, () => []);
  const input: Record<string, string> = {};
  for (const t of args.texts) {
    const page = schemas[t.page];
    if (!page) throw new Error(`text ${t.name} is on page ${t.page + 1} of ${args.pageCount}`);
    page.push(schemaOf(t, args.fonts));
    input[t.name] = t.value;
  }
  const template: Template = { basePdf: args.base, schemas };
  return generate({
    template,
    inputs: [input],
    options: { font: fontOptions(args.fonts), lang: "ja", title: args.title },
    plugins: { text, multiVariableText, [fontRunsType]: fontRunsPlugin(args.fonts) },
  });
}

/** One form of a batch: its base PDF (with its page count), its fields and their text. */
export interface FormToRender {
  basePdf: Uint8Array<ArrayBuffer>;
  pageCount: number;
  fields: readonly TemplateField[];
  values: Readonly<Record<string, string>>;
}

/** Several forms as one PDF: base PDFs joined, each form's fields on its own pages. */
export async function renderForms(
  forms: readonly FormToRender[],
  fonts: DocumentFonts,
  title: string,
): Promise<Uint8Array> {
  const texts: PlacedText[] = [];
  let offset = 0;
  forms.forEach((form, i) => {
    for (const f of form.fields) {
      texts.push({
        name: `d${i}_${f.name}`,
        page: offset + f.page - 1,
        x: f.x,
        y: f.y,
        width: f.width,
        height: f.height,
        role: f.font,
        size: f.size,
        align: f.align,
        value: form.values[f.name] ?? "",
      });
    }
    offset += form.pageCount;
  });
  const base = await joinPdfs(forms.map((f) => f.basePdf));
  return renderPdf({ base, pageCount: offset, texts, fonts, title });
}
