import { japanDaysRange } from "@ichimado/core/audit/filter";
import {
  daysWaiting,
  movedSinceListed,
  type ProgressList,
  type ProgressQuery,
  type ProgressStatus,
  type ProgressUpdateInput,
  type ProgressUpdateResult,
  progressLimit,
  progressRefusal,
  statusList,
} from "@ichimado/core/cases/progress";
import { type ProcedureStatus, procedureStatusLabels } from "@ichimado/core/cases/schemas";
import { mayHandle } from "@ichimado/core/catalog/handling";
import { japanDate } from "@ichimado/core/common/dates";
import { type ProgrammeKey, programmeLabels } from "@ichimado/core/programmes/programmes";
import { sql } from "kysely";
import { type AuthContext, staffOf } from "../auth/context.ts";
import { loadCatalog } from "../catalog/store.ts";
import type { Db } from "../db/database.ts";
import type { AppContext } from "../platform/context.ts";
import { HttpError } from "../platform/errors.ts";
import { personSummaries } from "../search/person-view.ts";
import type { ProcedureSnapshot } from "./residence-changes.ts";
import { setProcedureStatus } from "./residence-changes.ts";
import type { StepActor } from "./steps.ts";

interface ProgressDbRow {
  id: number;
  case_id: number;
  definition: ProcedureSnapshot;
  person_id: string | null;
  person_name: string | null;
  status: ProgressStatus;
  received_at: Date;
  staff_name: string;
  counter_name: string;
}

/**
 * The procedures this counter takes (the case screen's 「ここで受付」: core's `mayHandle`), in the
 * chosen statuses and period of receipt, oldest first. SQL narrows by the same programme and role
 * test so the limit counts only rows that will be shown; `mayHandle` has the last word.
 */
export async function progressList(
  db: Db,
  auth: AuthContext,
  query: ProgressQuery,
  now: Date,
): Promise<ProgressList> {
  const staff = staffOf(auth);
  const [{ rows: found }, catalog] = await Promise.all([
    staff.acceptedProgrammes.size === 0
      ? { rows: [] as ProgressDbRow[] }
      : progressRowsQuery(staff, query).execute(db),
    loadCatalog(db),
  ]);
  const rows = found.slice(0, progressLimit).filter((r) => mayHandle(r.definition, staff));
  const personIds = [...new Set(rows.flatMap((r) => (r.person_id ? [r.person_id] : [])))];
  const { summaries } = await personSummaries(db, auth, personIds, japanDate(now));
  return {
    rows: rows.map((r) => {
      const person = r.person_id ? summaries.get(r.person_id) : undefined;
      return {
        procedureId: r.id,
        caseId: r.case_id,
        key: r.definition.key,
        name: r.definition.name,
        programmeLabel: programmeLabels[r.definition.programme as ProgrammeKey] ?? r.definition.programme,
        status: r.status,
        received: { at: r.received_at.toISOString(), staffName: r.staff_name, counterName: r.counter_name },
        person:
          r.person_name === null && !person
            ? null
            : {
                id: r.person_id,
                name: person?.name ?? r.person_name ?? "",
                address: person?.address ?? null,
                supportMeasure: person?.flags.supportMeasure ?? false,
              },
        daysWaiting: daysWaiting(r.received_at, now),
      };
    }),
    truncated: found.length > progressLimit,
    limit: progressLimit,
    procedures: catalog.procedures
      .filter((p) => mayHandle(p, staff))
      .map((p) => ({ key: p.key, name: p.name })),
  };
}

/**
 * The list's rows, one more than the limit. Read per programme and status (a lateral subquery
 * each), so migration 0025's index (programme, status, received_at, id) returns each one's oldest
 * rows in order and stops at the limit, and the outer sort merges a few hundred rows. One scan over
 * them all at once (programme = any …) cannot use the index's order: it read every 完了 of the
 * counter's programmes and sorted them (0.7 s at 1.5 million procedures).
 */
export function progressRowsQuery(staff: ReturnType<typeof staffOf>, query: ProgressQuery) {
  const { start, end } = japanDaysRange(query.from, query.to);
  const where = [
    sql`p.definition->>'programme' = g.programme`,
    sql`p.status = st.status`,
    sql`p.received_at is not null`,
    sql`rc.status <> 'cancelled'`,
    sql`(coalesce(jsonb_array_length(p.definition->'handlingRoles'), 0) = 0
      or jsonb_exists_any(p.definition->'handlingRoles', ${staff.roleIds}::text[]))`,
  ];
  if (start) where.push(sql`p.received_at >= ${start}`);
  if (end) where.push(sql`p.received_at < ${end}`);
  if (query.procedure) where.push(sql`p.procedure_key = ${query.procedure}`);
  const limit = progressLimit + 1;
  return sql<ProgressDbRow>`
    select p.id, p.case_id, p.definition, p.person_id, p.person_name, p.status, p.received_at,
      s.name as staff_name, c.name as counter_name
    from unnest(${[...staff.acceptedProgrammes]}::text[]) as g(programme)
    cross join unnest(${statusList(query.status)}::text[]) as st(status)
    cross join lateral (
      select p.* from case_procedure p
      join reception_case rc on rc.id = p.case_id
      where ${sql.join(where, sql` and `)}
      order by p.received_at, p.id
      limit ${limit}
    ) p
    join staff_user s on s.id = p.received_by join counter c on c.id = p.received_counter
    order by p.received_at, p.id
    limit ${limit}`;
}

/**
 * Marks several procedures 審査済 or 完了, each through the case screen's own status change (its
 * case lock, permission check, history line and audit row), one after another so one refusal stops
 * no other. A row is refused when it has moved since the list showed it (looked at here, and again
 * under the case lock, where it counts) or when the move would skip 審査 or go back; every refusal
 * is reported with its reason.
 */
export async function updateProgress(
  ctx: AppContext,
  actor: StepActor,
  input: ProgressUpdateInput,
): Promise<ProgressUpdateResult> {
  const ids = input.items.map((i) => i.procedureId);
  const current = new Map(
    (
      await ctx.db
        .selectFrom("case_procedure")
        .select(["id", "case_id", "status", "definition"])
        .where("id", "in", ids)
        .execute()
    ).map((r) => [r.id, r]),
  );
  const results: ProgressUpdateResult["results"] = [];
  for (const item of input.items) {
    const found = current.get(item.procedureId);
    // a procedure of another case is not named: the caller sent the wrong pair
    const row = found?.case_id === item.caseId ? found : undefined;
    const name = row ? (row.definition as ProcedureSnapshot).name : "";
    const refuse = async (message: string) => {
      results.push({ procedureId: item.procedureId, name, ok: false, message });
      await ctx.audit.write(ctx.db, actor.audit, {
        action: "case.change",
        target: `case:${item.caseId}`,
        detail: {
          step: "procedureStatus",
          procedureId: item.procedureId,
          status: input.status,
          refused: message,
        },
        outcome: "failure",
      });
    };
    if (!row) {
      await refuse("指定された手続きはありません");
      continue;
    }
    const status = row.status as ProcedureStatus;
    if (status !== item.expected) {
      await refuse(movedSinceListed(status));
      continue;
    }
    const refusal = progressRefusal(status, input.status);
    if (refusal) {
      await refuse(refusal);
      continue;
    }
    try {
      // checked again under the case lock: another clerk may move it between here and there
      await setProcedureStatus(ctx, actor, item.caseId, item.procedureId, input.status, item.expected);
      results.push({
        procedureId: item.procedureId,
        name,
        ok: true,
        message: `${procedureStatusLabels[input.status]}にしました`,
      });
    } catch (error) {
      // setProcedureStatus audits nothing when it refuses; the refusal row says why
      if (!(error instanceof HttpError) || error.statusCode >= 500) throw error;
      await refuse(error.message);
    }
  }
  return { results };
}
