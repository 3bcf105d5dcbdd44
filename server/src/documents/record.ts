import { randomUUID } from "node:crypto";
import type { CaseStatus } from "@ichimado/core/cases/schemas";
import type { Transaction } from "kysely";
import type { StepActor } from "../cases/steps.ts";
import { caseStep } from "../cases/steps.ts";
import type { Database } from "../db/schema.ts";
import type { AppContext } from "../platform/context.ts";
import { HttpError } from "../platform/errors.ts";

/**
 * A print is a step of the case: the printed documents, their 申請書印刷済 marks, the history line
 * and the audit rows (`document.print` per document with the persons on it, and the case change)
 * commit together, after the PDF was made — a failed render leaves no trace of a print.
 */
export interface NewPrinted {
  kind: "form" | "guideSheet" | "certificateRequestForm";
  templateKey: string | null;
  templateVersion: number | null;
  procedureId: number | null;
  procedureName: string | null;
  personIds: readonly string[];
  inputs: unknown;
  addressOwners: Readonly<Record<string, string>>;
  reprintOf: number | null;
  /** the document's name in the history line */
  name: string;
}

/** A closed case still prints: the back office reprints after the visit. */
const printable: readonly CaseStatus[] = ["open", "closed"];

export function assertPrintable(status: CaseStatus): void {
  if (!printable.includes(status)) {
    throw new HttpError(
      409,
      "CONFLICT",
      "保留中・取消の対応では印刷できません。再開してから印刷してください",
    );
  }
}

export async function recordPrint(
  ctx: AppContext,
  actor: StepActor,
  caseId: number,
  documents: readonly NewPrinted[],
  options: { missingGlyphsAcknowledged: boolean; markPrinted: readonly number[] },
): Promise<number[]> {
  const job = randomUUID();
  return caseStep(ctx, actor, caseId, printable, async (trx) => {
    const ids: number[] = [];
    for (const d of documents) ids.push(await insertPrinted(trx, ctx, actor, caseId, job, d, options));
    if (options.markPrinted.length > 0) {
      await trx
        .updateTable("case_procedure")
        .set({
          status: "printed",
          updated_by: actor.auth.staffId,
          updated_counter: actor.auth.counterId,
          updated_at: new Date(),
        })
        .where("case_id", "=", caseId)
        .where("id", "in", [...options.markPrinted])
        .where("status", "=", "notStarted")
        .execute();
    }
    const names = documents.map((d) => d.name).join("・");
    const reprint = documents.some((d) => d.reprintOf !== null);
    return {
      kind: "print",
      summary: `${names}を${reprint ? "再印刷" : "印刷"}${documents.length > 1 ? ` (${documents.length}件)` : ""}`,
      personIds: documents.flatMap((d) => d.personIds),
      value: ids,
    };
  });
}

async function insertPrinted(
  trx: Transaction<Database>,
  ctx: AppContext,
  actor: StepActor,
  caseId: number,
  job: string,
  d: NewPrinted,
  options: { missingGlyphsAcknowledged: boolean },
): Promise<number> {
  const { id } = await trx
    .insertInto("printed_document")
    .values({
      case_id: caseId,
      job,
      kind: d.kind,
      template_key: d.templateKey,
      template_version: d.templateVersion,
      procedure_id: d.procedureId,
      procedure_name: d.procedureName,
      person_ids: [...d.personIds],
      inputs: JSON.stringify(d.inputs),
      address_owners: JSON.stringify(d.addressOwners),
      reprint_of: d.reprintOf,
      printed_by: actor.auth.staffId,
      printed_counter: actor.auth.counterId,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await ctx.audit.write(trx, actor.audit, {
    action: "document.print",
    target: `printed_document:${id}`,
    personIds: d.personIds,
    detail: {
      caseId,
      job,
      kind: d.kind,
      ...(d.templateKey ? { template: d.templateKey, version: d.templateVersion } : {}),
      ...(d.reprintOf !== null ? { reprintOf: d.reprintOf } : {}),
      ...(options.missingGlyphsAcknowledged ? { missingGlyphsAcknowledged: true } : {}),
    },
    outcome: "success",
  });
  return id;
}
