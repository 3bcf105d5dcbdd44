import type { CaseStatus } from "@ichimado/core/cases/schemas";
import type { Transaction } from "kysely";
import type { AuditActor } from "../audit/writer.ts";
import type { AuthContext } from "../auth/context.ts";
import type { Database } from "../db/schema.ts";
import { type AppContext, requireCounter } from "../platform/context.ts";
import { HttpError } from "../platform/errors.ts";

/** The staff member and counter a step is recorded under. */
export interface StepActor {
  auth: AuthContext & { counterId: string };
  audit: AuditActor;
}

export function stepActor(auth: AuthContext, audit: AuditActor): StepActor {
  return { auth: { ...auth, counterId: requireCounter(auth) }, audit };
}

export interface StepResult<T> {
  /** history kind, e.g. "visitor" */
  kind: string;
  /** one line for the case history, without personal data beyond names staff see anyway */
  summary: string;
  /** persons the step touched, for the audit log */
  personIds: readonly string[];
  value: T;
}

export interface CaseRow {
  id: number;
  status: CaseStatus;
}

const statusRefusals: Partial<Record<CaseStatus, string>> = {
  suspended: "この対応は保留中です。再開してから入力してください",
  closed: "この対応は完了しています",
  cancelled: "この対応は取り消されています",
};

/**
 * Every change to a case goes through here: the case row is locked, its state checked, the step
 * runs, and the history line, the case's last-touched mark and the audit row commit with it — so
 * a step is saved the moment it is taken, and two staff members' steps never interleave halfway.
 */
export async function caseStep<T>(
  ctx: AppContext,
  actor: StepActor,
  caseId: number,
  allowed: readonly CaseStatus[],
  step: (trx: Transaction<Database>, row: CaseRow) => Promise<StepResult<T>>,
): Promise<T> {
  return ctx.db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom("reception_case")
      .select(["id", "status"])
      .where("id", "=", caseId)
      .forUpdate()
      .executeTakeFirst();
    if (!row) throw new HttpError(404, "NOT_FOUND", "指定された対応はありません");
    if (!allowed.includes(row.status)) {
      throw new HttpError(409, "CONFLICT", statusRefusals[row.status] ?? "この対応には入力できません");
    }
    const result = await step(trx, row);
    await recordStep(trx, ctx, actor, caseId, result);
    return result.value;
  });
}

export async function recordStep(
  trx: Transaction<Database>,
  ctx: AppContext,
  actor: StepActor,
  caseId: number,
  result: Omit<StepResult<unknown>, "value">,
): Promise<void> {
  const { staffId, counterId } = actor.auth;
  await trx
    .insertInto("case_event")
    .values({
      case_id: caseId,
      kind: result.kind,
      summary: result.summary,
      staff_id: staffId,
      counter_id: counterId,
    })
    .execute();
  await trx
    .updateTable("reception_case")
    .set({ updated_by: staffId, updated_counter: counterId, updated_at: new Date() })
    .where("id", "=", caseId)
    .execute();
  await ctx.audit.write(trx, actor.audit, {
    action: "case.change",
    target: `case:${caseId}`,
    personIds: [...new Set(result.personIds)],
    detail: { step: result.kind },
    outcome: "success",
  });
}
