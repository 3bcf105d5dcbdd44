import type { BlankPdf, Schema, Template } from "@pdfme/common";
import { generate } from "@pdfme/generator";
import { multiVariableText, text } from "@pdfme/schemas";
import { planText } from "./font-plan.ts";
import type { DocumentFonts } from "./fonts.ts";
import { fontRunsPlugin, fontRunsType } from "./runs-plugin.ts";
import { fontOptions, type PlacedText, schemaOf } from "./text-schema.ts";

export { type FormToRender, renderForms } from "./form-batch.ts";
/**
 * Documents laid out from their content (the guide sheet, the request form, the initial forms'
 * ruled bases): text placed on pages, drawn by pdfme over a base PDF or a blank page, in one
 * generate call. Filled-in forms print through renderForms (form-batch.ts).
 */
export type { PlacedText } from "./text-schema.ts";

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
    page.push(schemaOf(t, planText(t.value, t.role, args.fonts).drawing));
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
