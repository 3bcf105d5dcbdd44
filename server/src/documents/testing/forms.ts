import { defaultQuestions } from "@ichimado/core/catalog/default-catalog";
import { japanDate } from "@ichimado/core/common/dates";
import { bindFields } from "@ichimado/core/documents/bind";
import { type DefaultForm, defaultFormFields, defaultForms } from "@ichimado/core/documents/default-forms";
import { sampleDocumentData } from "@ichimado/core/documents/sample";
import type { TemplateField } from "@ichimado/core/documents/template";
import { PDFDocument } from "@pdfme/pdf-lib";
import { prepareBasePdf } from "../base-pdf.ts";
import { drawBasePdf } from "../default-forms.ts";
import type { DocumentFonts } from "../fonts.ts";
import type { FormToRender } from "../render.ts";

/** Forms to print in tests and the PDF benchmark, without a database. */

/** A base PDF of blank A4 pages, as an upload is stored. */
export async function blankPdf(pages: number): Promise<Uint8Array<ArrayBuffer>> {
  const doc = await PDFDocument.create();
  for (let i = 0; i < pages; i++) doc.addPage([595.28, 841.89]);
  const prepared = await prepareBasePdf(await doc.save());
  if (!prepared) throw new Error("blank PDF did not load");
  return prepared.bytes;
}

/** A fixed-text field at 20 mm × 20 mm, 120 × 10 mm, 12 pt body text unless told otherwise. */
export const field = (name: string, page: number, extra: Partial<TemplateField> = {}): TemplateField => ({
  name,
  label: "",
  page,
  x: 20,
  y: 20,
  width: 120,
  height: 10,
  font: "body",
  size: 12,
  align: "left",
  source: "fixed",
  text: "",
  ...extra,
});

export interface SampleForm {
  form: DefaultForm;
  fields: TemplateField[];
  values: Record<string, string>;
  render: FormToRender;
}

/** The initial forms filled in with the sample data (every question answered はい). */
export async function sampleForms(fonts: DocumentFonts): Promise<SampleForm[]> {
  const data = {
    ...sampleDocumentData(japanDate(new Date())),
    answers: Object.fromEntries(defaultQuestions.map((q) => [q.key, "はい"] as const)),
  };
  const forms: SampleForm[] = [];
  for (const form of defaultForms) {
    const fields = defaultFormFields(form);
    const values = bindFields({ fields }, data);
    const basePdf = await drawBasePdf(form, fonts);
    forms.push({ form, fields, values, render: { basePdf, pageCount: 1, fields, values } });
  }
  return forms;
}
