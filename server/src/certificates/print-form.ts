import { requestFormContent } from "@ichimado/core/certificates/request-form";
import { japanDate } from "@ichimado/core/common/dates";
import { formatWareki } from "@ichimado/core/common/wareki";
import type { StepActor } from "../cases/steps.ts";
import { loadCaseForPrint } from "../documents/case-data.ts";
import { documentFonts } from "../documents/fonts.ts";
import { printGenerated } from "../documents/generated.ts";
import { city } from "../documents/guide-sheet.ts";
import type { Printed } from "../documents/print.ts";
import { assertPrintable } from "../documents/record.ts";
import { renderRequestForm, requestFormProblems, requestFormTitle } from "../documents/request-form.ts";
import type { AppContext } from "../platform/context.ts";
import { HttpError } from "../platform/errors.ts";
import { caseRequests } from "./requests.ts";
import { certificateSettingsAt } from "./settings.ts";

/**
 * Prints the 証明書交付請求書 of one request in a case (J36) with the shared renderer, recorded in
 * the case's print history (so it can be reprinted as it was) and audited with the persons on it.
 * Names no font can draw stop the print unless the clerk acknowledged them.
 */
export async function printRequestForm(
  ctx: AppContext,
  actor: StepActor,
  caseId: number,
  requestId: number,
  acknowledgeMissingGlyphs: boolean,
): Promise<Printed> {
  const c = await loadCaseForPrint(ctx.db, caseId);
  assertPrintable(c.status);
  const request = (await caseRequests(ctx.db, caseId)).find((r) => r.id === requestId);
  if (!request) throw new HttpError(404, "NOT_FOUND", "指定された証明書交付請求はこの対応にありません");
  const personIds = [...new Set(request.lines.map((l) => l.personId))];
  const names = new Map(
    (await ctx.db.selectFrom("person").select(["id", "name"]).where("id", "in", personIds).execute()).map(
      (p) => [p.id, p.name],
    ),
  );
  const { settings } = await certificateSettingsAt(ctx.db, new Date(request.created.at));
  const content = requestFormContent(request, settings, names, {
    city,
    date: formatWareki(japanDate(new Date(request.created.at))),
    visitorName: c.visitor?.input.name ?? null,
  });
  const fonts = await documentFonts(ctx.config);
  return printGenerated(
    ctx,
    actor,
    caseId,
    { kind: "certificateRequestForm", name: requestFormTitle, personIds, content, reprintOf: null },
    { problems: requestFormProblems(content, fonts), render: () => renderRequestForm(content, fonts) },
    acknowledgeMissingGlyphs,
  );
}
