import { requestFormContentSchema } from "@ichimado/core/certificates/request-form";
import { maskedAddressText } from "@ichimado/core/documents/bind";
import { guideSheetContentSchema } from "@ichimado/core/documents/guide-sheet";
import type { AuthContext } from "../auth/context.ts";
import type { StepActor } from "../cases/steps.ts";
import type { AppContext } from "../platform/context.ts";
import { HttpError } from "../platform/errors.ts";
import { personSummaries } from "../search/person-view.ts";
import { loadCaseForPrint } from "./case-data.ts";
import { documentFonts } from "./fonts.ts";
import { printGenerated } from "./generated.ts";
import { missingGlyphs, refuseMissingGlyphs } from "./glyph-check.ts";
import { guideSheetProblems, guideSheetTitle, renderGuideSheet } from "./guide-sheet.ts";
import { fieldName, formToRender, type Printed } from "./print.ts";
import { assertPrintable, type NewPrinted, recordPrint } from "./record.ts";
import { renderForms } from "./render.ts";
import { renderRequestForm, requestFormProblems, requestFormTitle } from "./request-form.ts";
import { templateVersion } from "./store.ts";

/**
 * Reprints a document from what it printed, with the template version it used: the same document
 * even after the register or the template changed (G29). One thing is asked again: whether the
 * staff member reprinting may see each address on it — a reprint must not show more than a print.
 */
export async function reprintDocument(
  ctx: AppContext,
  auth: AuthContext,
  actor: StepActor,
  caseId: number,
  documentId: number,
  acknowledgeMissingGlyphs: boolean,
  today: string,
): Promise<Printed> {
  const c = await loadCaseForPrint(ctx.db, caseId);
  assertPrintable(c.status);
  const row = await ctx.db
    .selectFrom("printed_document")
    .selectAll()
    .where("id", "=", documentId)
    .where("case_id", "=", caseId)
    .executeTakeFirst();
  if (!row) throw new HttpError(404, "NOT_FOUND", "指定された印刷記録はこの対応にありません");
  const fonts = await documentFonts(ctx.config);

  // Generated documents render their kept content again.
  if (row.kind === "certificateRequestForm" || row.kind === "guideSheet") {
    const generated = { kind: row.kind, personIds: row.person_ids, reprintOf: row.id };
    if (row.kind === "certificateRequestForm") {
      const content = requestFormContentSchema.parse(row.inputs);
      return printGenerated(
        ctx,
        actor,
        caseId,
        { ...generated, content, name: requestFormTitle },
        { problems: requestFormProblems(content, fonts), render: () => renderRequestForm(content, fonts) },
        acknowledgeMissingGlyphs,
      );
    }
    const content = guideSheetContentSchema.parse(row.inputs);
    return printGenerated(
      ctx,
      actor,
      caseId,
      { ...generated, content, name: guideSheetTitle },
      { problems: guideSheetProblems(content, fonts), render: () => renderGuideSheet(content, fonts) },
      acknowledgeMissingGlyphs,
    );
  }

  const again: Omit<NewPrinted, "inputs" | "name"> = {
    kind: row.kind,
    templateKey: row.template_key,
    templateVersion: row.template_version,
    procedureId: row.procedure_id,
    procedureName: row.procedure_name,
    personIds: row.person_ids,
    addressOwners: row.address_owners,
    reprintOf: row.id,
  };
  const template =
    row.template_key !== null && row.template_version !== null
      ? await templateVersion(ctx.db, row.template_key, row.template_version)
      : undefined;
  if (!template) throw new Error(`printed document ${row.id} names a template that is not stored`);
  const inputs = row.inputs as Record<string, string>;
  const owners = row.address_owners;
  const { summaries } = await personSummaries(
    ctx.db,
    auth,
    [...new Set([...Object.values(owners), ...row.person_ids])],
    today,
  );
  const values = { ...inputs };
  for (const [field, owner] of Object.entries(owners)) {
    // Someone no longer in the register cannot be checked: their address stays hidden.
    const shown = summaries.get(owner)?.address;
    if (!shown || shown.masked) values[field] = inputs[field] ? maskedAddressText : "";
  }
  const who = row.person_ids.map((id) => summaries.get(id)?.name ?? id).join("・");
  const problems = missingGlyphs(
    template.fields.map((f) => ({
      who,
      where: `${template.name}・${fieldName(f)}`,
      role: f.font,
      value: values[f.name] ?? "",
    })),
    fonts,
  );
  if (!acknowledgeMissingGlyphs) refuseMissingGlyphs(problems);
  const pdf = await renderForms([await formToRender(ctx.db, template, values)], fonts, template.name);
  const ids = await recordPrint(ctx, actor, caseId, [{ ...again, inputs: values, name: template.name }], {
    missingGlyphsAcknowledged: problems.length > 0,
    markPrinted: [],
  });
  return { pdf, ids };
}
