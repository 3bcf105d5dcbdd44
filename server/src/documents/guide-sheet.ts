import { formatWareki } from "@ichimado/core/common/wareki";
import { type GuideSheetContent, guideItems } from "@ichimado/core/documents/guide-sheet";
import type { AuthContext } from "../auth/context.ts";
import { caseDetail } from "../cases/present.ts";
import type { StepActor } from "../cases/steps.ts";
import type { AppContext } from "../platform/context.ts";
import { HttpError } from "../platform/errors.ts";
import { type DocumentFonts, documentFonts } from "./fonts.ts";
import { printGenerated } from "./generated.ts";
import { missingGlyphs } from "./glyph-check.ts";
import { guideSheetBase, guideSheetTexts } from "./guide-layout.ts";
import type { Printed } from "./print.ts";
import { assertPrintable } from "./record.ts";
import { renderPdf } from "./render.ts";

/** The city the counter serves; addresses are written the same way (search/present.ts). */
export const city = "出雲市";
export const guideSheetTitle = "手続き案内書";
const title = "手続きのご案内";

export function guideSheetProblems(content: GuideSheetContent, fonts: DocumentFonts): string[] {
  return missingGlyphs(
    guideSheetTexts(content).map((t) => ({ who: t.who, where: title, role: t.role, value: t.value })),
    fonts,
  );
}

export function renderGuideSheet(content: GuideSheetContent, fonts: DocumentFonts): Promise<Uint8Array> {
  const texts = guideSheetTexts(content);
  return renderPdf({ base: guideSheetBase(content.city), pageCount: 1, texts, fonts, title });
}

/**
 * 手続き案内書 (H30) for the visitor: the case's procedures as the reception screen shows them to
 * this counter (where to go depends on what this counter may accept), laid out on blank A4.
 */
export async function printGuideSheet(
  ctx: AppContext,
  auth: AuthContext,
  actor: StepActor,
  caseId: number,
  acknowledgeMissingGlyphs: boolean,
  today: string,
): Promise<Printed> {
  const detail = await caseDetail(ctx.db, auth, caseId, today);
  if (!detail) throw new HttpError(404, "NOT_FOUND", "指定された対応はありません");
  assertPrintable(detail.status);
  const content: GuideSheetContent = {
    city,
    date: formatWareki(today),
    visitorName: detail.visitor?.input.name ?? null,
    items: guideItems(detail.procedures),
  };
  const fonts = await documentFonts(ctx.config);
  const personIds = [
    ...new Set([
      ...(detail.visitor?.input.personId ? [detail.visitor.input.personId] : []),
      ...detail.procedures.flatMap((p) => (p.personId && p.status !== "notNeeded" ? [p.personId] : [])),
    ]),
  ];
  return printGenerated(
    ctx,
    actor,
    caseId,
    { kind: "guideSheet", name: guideSheetTitle, personIds, content, reprintOf: null },
    { problems: guideSheetProblems(content, fonts), render: () => renderGuideSheet(content, fonts) },
    acknowledgeMissingGlyphs,
  );
}
