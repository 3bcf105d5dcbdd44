import {
  type CaseChannel,
  type CaseStatus,
  type ProcedureStatus,
  procedureStatusSchema,
} from "@ichimado/core/cases/schemas";
import { type Period, periodRange } from "@ichimado/core/statistics/period";
import type { CaseStatRow, CaseStepRow, ProcedureStatRow } from "@ichimado/core/statistics/summary";
import { type Kysely, sql } from "kysely";
import type { Database } from "../db/schema.ts";

/**
 * The cases opened in the period with their history, names resolved. The visitor and identity
 * columns are never read: statistics need staff and counters, not residents.
 */
export async function casesIn(db: Kysely<Database>, period: Period): Promise<CaseStatRow[]> {
  const { start, end } = periodRange(period);
  const [cases, steps] = await Promise.all([
    sql<{
      id: number;
      channel: CaseChannel;
      status: CaseStatus;
      opened_at: Date;
      opened_counter_id: string;
      opened_counter: string;
      opened_staff: string;
      closed_at: Date | null;
      updated_at: Date;
      updated_counter: string;
      updated_staff: string;
      procedures: number;
    }>`
      select c.id, c.channel, c.status, c.opened_at, c.opened_counter as opened_counter_id,
        oc.name as opened_counter, os.name as opened_staff, c.closed_at, c.updated_at,
        uc.name as updated_counter, us.name as updated_staff,
        (select count(*)::int from case_procedure p where p.case_id = c.id) as procedures
      from reception_case c
        join counter oc on oc.id = c.opened_counter join staff_user os on os.id = c.opened_by
        join counter uc on uc.id = c.updated_counter join staff_user us on us.id = c.updated_by
      where c.opened_at >= ${start} and c.opened_at < ${end}
      order by c.id`.execute(db),
    sql<{ case_id: number; kind: string; at: Date; counter_id: string; counter: string }>`
      select e.case_id, e.kind, e.at, e.counter_id, k.name as counter
      from case_event e join reception_case c on c.id = e.case_id join counter k on k.id = e.counter_id
      where c.opened_at >= ${start} and c.opened_at < ${end}
      order by e.case_id, e.id`.execute(db),
  ]);
  const stepsOf = new Map<number, CaseStepRow[]>();
  for (const s of steps.rows) {
    const list = stepsOf.get(s.case_id) ?? [];
    list.push({ kind: s.kind, at: s.at, counterId: s.counter_id, counter: s.counter });
    stepsOf.set(s.case_id, list);
  }
  return cases.rows.map((c) => ({
    id: c.id,
    channel: c.channel,
    status: c.status,
    openedAt: c.opened_at,
    openedCounterId: c.opened_counter_id,
    openedCounter: c.opened_counter,
    openedStaff: c.opened_staff,
    closedAt: c.closed_at,
    updatedAt: c.updated_at,
    updatedCounter: c.updated_counter,
    updatedStaff: c.updated_staff,
    procedures: c.procedures,
    steps: stepsOf.get(c.id) ?? [],
  }));
}

/** The procedures of the cases opened in the period; name and counter from the kept definition. */
export async function proceduresIn(db: Kysely<Database>, period: Period): Promise<ProcedureStatRow[]> {
  const { start, end } = periodRange(period);
  const rows = await sql<{
    case_id: number;
    case_opened_at: Date;
    procedure_key: string;
    procedure_name: string | null;
    counter: string | null;
    source: "derived" | "manual";
    status: string;
    updated_at: Date;
    updated_counter: string;
    updated_staff: string;
  }>`
    select p.case_id, c.opened_at as case_opened_at, p.procedure_key, p.definition->>'name' as procedure_name,
      coalesce(k.name, p.definition->>'counterId') as counter, p.source, p.status, p.updated_at,
      uc.name as updated_counter, us.name as updated_staff
    from case_procedure p join reception_case c on c.id = p.case_id
      left join counter k on k.id = p.definition->>'counterId'
      join counter uc on uc.id = p.updated_counter join staff_user us on us.id = p.updated_by
    where c.opened_at >= ${start} and c.opened_at < ${end}
    order by p.case_id, p.id`.execute(db);
  return rows.rows.map((p) => ({
    caseId: p.case_id,
    caseOpenedAt: p.case_opened_at,
    procedureKey: p.procedure_key,
    procedureName: p.procedure_name ?? p.procedure_key,
    counter: p.counter ?? "",
    source: p.source,
    status: statusOf(p.status),
    updatedAt: p.updated_at,
    updatedCounter: p.updated_counter,
    updatedStaff: p.updated_staff,
  }));
}

function statusOf(status: string): ProcedureStatus {
  const parsed = procedureStatusSchema.safeParse(status);
  if (!parsed.success) throw new Error(`case_procedure has an unknown status: ${status}`);
  return parsed.data;
}
