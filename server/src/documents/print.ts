import type { PrintRequest } from "@ichimado/core/documents/api";
import { addressOwners, bindFields, personsOn } from "@ichimado/core/documents/bind";
import { sourceLabel, type TemplateField } from "@ichimado/core/documents/template";
import type { AuthContext } from "../auth/context.ts";
import type { StepActor } from "../cases/steps.ts";
import { loadCatalog } from "../catalog/store.ts";
import type { Db } from "../db/database.ts";
import type { AppContext } from "../platform/context.ts";
import { HttpError } from "../platform/errors.ts";
import { bytesOf, joinPdfs } from "./base-pdf.ts";
import { loadCaseForPrint, resolveTargets } from "./case-data.ts";
import { documentFonts } from "./fonts.ts";
import { type CheckedText, missingGlyphs, refuseMissingGlyphs } from "./glyph-check.ts";
import { assertPrintable, type NewPrinted, recordPrint } from "./record.ts";
import { type FormToRender, renderForms } from "./render.ts";
import { leafletPdfs, loadBasePdf, type TemplateRow, templatesInForce } from "./store.ts";

export interface Printed {
  pdf: Uint8Array;
  ids: number[];
}

export const fieldName = (f: TemplateField) =>
  f.label || (f.source === "fixed" ? f.name : sourceLabel(f.source));

/** Whose text a field prints, for the clerk's message about a character that cannot be drawn. */
function whoseField(f: TemplateField, person: string, visitor: string): string {
  if (f.source.startsWith("visitor.")) return visitor;
  return person;
}

export async function formToRender(
  db: Db,
  template: TemplateRow,
  values: Record<string, string>,
): Promise<FormToRender> {
  const base = await loadBasePdf(db, template.basePdfId);
  if (!base) throw new Error(`base PDF ${template.basePdfId} of ${template.key} is missing`);
  return { basePdf: base.bytes, pageCount: base.pages.length, fields: template.fields, values };
}

/**
 * Prints the chosen forms of a case as one PDF: each bound from the register, the case and the
 * answers as the staff member may see them, checked against the fonts, drawn in one generate call,
 * then recorded with the exact text printed.
 */
export async function printForms(
  ctx: AppContext,
  auth: AuthContext,
  actor: StepActor,
  caseId: number,
  request: PrintRequest,
  today: string,
): Promise<Printed> {
  const c = await loadCaseForPrint(ctx.db, caseId);
  assertPrintable(c.status);
  const keys = [...new Set(request.documents.map((d) => d.templateKey))];
  const templates = new Map((await templatesInForce(ctx.db, today, keys)).map((t) => [t.key, t]));
  for (const key of keys)
    if (!templates.has(key))
      throw new HttpError(404, "NOT_FOUND", `様式 ${key} は現在使用できません (有効な版がありません)`);
  const catalog = await loadCatalog(ctx.db);
  const resolved = await resolveTargets(ctx.db, auth, c, request.documents, catalog.questions, today);
  const fonts = await documentFonts(ctx.config);

  const documents = resolved.map((r) => {
    const template = templates.get(r.target.templateKey);
    if (!template) throw new Error(`template ${r.target.templateKey} was checked above`);
    return { r, template, values: bindFields(template, r.data) };
  });
  const texts: CheckedText[] = documents.flatMap(({ r, template, values }) =>
    template.fields.map((f) => ({
      who: whoseField(f, r.data.person?.name ?? "", r.data.visitor?.name ?? ""),
      where: `${template.name}・${fieldName(f)}`,
      role: f.font,
      value: values[f.name] ?? "",
    })),
  );
  const problems = missingGlyphs(texts, fonts);
  if (!request.acknowledgeMissingGlyphs) refuseMissingGlyphs(problems);

  // Leaflets go after the forms, as handed over: unknown keys are refused before anything is recorded.
  const leaflets = await leafletPdfs(ctx.db, [...new Set(request.leaflets)]);
  const forms = await Promise.all(documents.map((d) => formToRender(ctx.db, d.template, d.values)));
  const filled =
    forms.length > 0
      ? bytesOf(await renderForms(forms, fonts, documents.map((d) => d.template.name).join("・")))
      : undefined;
  const pdf = await joinPdfs(filled ? [filled, ...leaflets] : leaflets);
  if (documents.length === 0) return { pdf, ids: [] };
  const ids = await recordPrint(
    ctx,
    actor,
    caseId,
    documents.map(
      ({ r, template, values }): NewPrinted => ({
        kind: "form",
        templateKey: template.key,
        templateVersion: template.version,
        procedureId: r.procedure?.id ?? null,
        procedureName: r.procedure?.definition.name ?? null,
        personIds: personsOn(template, r.data, values),
        inputs: values,
        addressOwners: addressOwners(template, r.data),
        reprintOf: null,
        name: template.name,
      }),
    ),
    {
      missingGlyphsAcknowledged: problems.length > 0,
      markPrinted: resolved.flatMap((r) => (r.procedure ? [r.procedure.id] : [])),
    },
  );
  return { pdf, ids };
}
