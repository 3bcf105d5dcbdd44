import { type DefaultForm, defaultFormFields, defaultForms } from "@ichimado/core/documents/default-forms";
import { mm2pt } from "@pdfme/common";
import { PDFDocument, rgb } from "@pdfme/pdf-lib";
import type { Config } from "../config.ts";
import type { Db } from "../db/database.ts";
import { prepareBasePdf } from "./base-pdf.ts";
import { type DocumentFonts, documentFonts } from "./fonts.ts";
import { type PlacedText, renderPdf } from "./render.ts";
import { saveBasePdf, saveTemplateVersion } from "./store.ts";

const a4 = { width: 210, height: 297 };

/**
 * Installs the initial forms (core/documents/default-forms.ts) whose keys have no template yet, so
 * the default catalog's procedures print from the first start; a city's own versions are never
 * touched. Without the document fonts (a machine without the Debian font packages) nothing is
 * installed and the reason is returned: printing would fail the same way until they are there.
 */
export async function seedDefaultForms(db: Db, config: Config): Promise<string | null> {
  const existing = new Set(
    (await db.selectFrom("document_template").select("key").distinct().execute()).map((r) => r.key),
  );
  const missing = defaultForms.filter((f) => !existing.has(f.key));
  if (missing.length === 0) return null;
  let fonts: DocumentFonts;
  try {
    fonts = await documentFonts(config);
  } catch (error) {
    return `初期様式を作成できませんでした: ${(error as Error).message}`;
  }
  for (const form of missing) {
    const prepared = await prepareBasePdf(await drawBasePdf(form, fonts));
    if (!prepared) throw new Error(`initial form ${form.key}: the drawn base PDF does not load`);
    await db.transaction().execute(async (trx) => {
      const basePdfId = await saveBasePdf(trx, {
        name: `${form.name}（初期様式）`,
        bytes: prepared.bytes,
        pages: prepared.pages,
        staffId: null,
      });
      await saveTemplateVersion(
        trx,
        {
          key: form.key,
          name: form.name,
          basePdfId,
          fields: defaultFormFields(form),
          validFrom: "2000-01-01",
          validTo: null,
          baseVersion: null,
        },
        null,
      ).catch((error: unknown) => {
        // Another server instance installed it first: theirs stands.
        if ((error as { statusCode?: number }).statusCode !== 409) throw error;
      });
    });
  }
  return null;
}

/** The paper form: boxes ruled with pdf-lib, then the title and labels set in IPAex明朝 by pdfme. */
export async function drawBasePdf(form: DefaultForm, fonts: DocumentFonts): Promise<Uint8Array<ArrayBuffer>> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([mm2pt(a4.width), mm2pt(a4.height)]);
  for (const box of form.boxes)
    page.drawRectangle({
      x: mm2pt(box.x),
      y: mm2pt(a4.height - box.y - box.height),
      width: mm2pt(box.width),
      height: mm2pt(box.height),
      borderWidth: 0.7,
      borderColor: rgb(0, 0, 0),
    });
  const ruled = await doc.save();
  const label = (name: string, x: number, y: number, width: number, height: number, size: number) =>
    ({ name, page: 0, x, y, width, height, role: "body", size, align: "left" }) as const;
  const texts: PlacedText[] = [
    { ...label("title", 15, 14, 180, 12, 20), align: "center", value: form.title },
    { ...label("addressee", 15, 30, 90, 6, 11), value: form.addressee },
    { ...label("issued", 105, 30, 90, 6, 8), align: "right", value: "いちまど 初期様式" },
    ...form.boxes.map((box, i) => ({
      ...label(`box${i}`, box.x + 1.5, box.y + 0.8, box.width - 3, 4, 7.5),
      value: box.label,
    })),
  ];
  const pdf = await renderPdf({ base: new Uint8Array(ruled), pageCount: 1, texts, fonts, title: form.name });
  return new Uint8Array(pdf);
}
