import type { StepActor } from "../cases/steps.ts";
import type { AppContext } from "../platform/context.ts";
import { refuseMissingGlyphs } from "./glyph-check.ts";
import type { Printed } from "./print.ts";
import { type NewPrinted, recordPrint } from "./record.ts";

/**
 * A document generated from its content rather than filled into a template (the 手続き案内書, the
 * 証明書交付請求書): refused when a name holds a character no font draws (unless the clerk saw which),
 * rendered, and recorded with its content, so a reprint renders the same content again.
 */
export async function printGenerated(
  ctx: AppContext,
  actor: StepActor,
  caseId: number,
  document: {
    kind: Exclude<NewPrinted["kind"], "form">;
    name: string;
    personIds: readonly string[];
    content: unknown;
    reprintOf: number | null;
  },
  output: { problems: readonly string[]; render: () => Promise<Uint8Array> },
  acknowledgeMissingGlyphs: boolean,
): Promise<Printed> {
  if (!acknowledgeMissingGlyphs) refuseMissingGlyphs(output.problems);
  const pdf = await output.render();
  const ids = await recordPrint(
    ctx,
    actor,
    caseId,
    [
      {
        kind: document.kind,
        templateKey: null,
        templateVersion: null,
        procedureId: null,
        procedureName: null,
        personIds: document.personIds,
        inputs: document.content,
        addressOwners: {},
        reprintOf: document.reprintOf,
        name: document.name,
      },
    ],
    { missingGlyphsAcknowledged: output.problems.length > 0, markPrinted: [] },
  );
  return { pdf, ids };
}
