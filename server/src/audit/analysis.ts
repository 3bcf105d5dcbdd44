import {
  type AuditAnalysis,
  type AuditAnalysisQuery,
  personAccessActions,
} from "@ichimado/core/audit/analysis";
import { japanDaysRange } from "@ichimado/core/audit/filter";
import { type Kysely, sql } from "kysely";
import type { Database } from "../db/schema.ts";
import { afterHoursSql } from "./queries.ts";

interface StaffRow {
  staff_id: number | null;
  login_id: string | null;
  staff_name: string | null;
}

const staffOf = (r: StaffRow) => ({ staffId: r.staff_id, loginId: r.login_id, staffName: r.staff_name });
const iso = (at: Date | string) => new Date(at).toISOString();

/**
 * 大量照会 and 時間外アクセス for a period, counted in the database: a year of the log is far more
 * than the server should read row by row.
 *
 * 大量照会 looks at every 60 minutes that end at one of the staff member's searches or person views
 * (a window function over their rows in time order), not at clock hours, so 60 views from 10:50 to
 * 11:10 count as 60 and not as two hours of 30.
 */
export async function analyseAuditLog(db: Kysely<Database>, q: AuditAnalysisQuery): Promise<AuditAnalysis> {
  const { start, end } = japanDaysRange(q.from, q.to);
  const actions = sql.join(personAccessActions.map((a) => sql`${a}`));
  const inPeriod = sql`a.at >= ${start} and a.at < ${end}`;

  // Two scans of the period, independent: on PostgreSQL they run side by side.
  const massQuery = sql<StaffRow & { peak: string; peak_ended_at: Date; total: string }>`
    with access as (
      select a.staff_id, a.login_id, a.at,
        count(*) over (partition by a.staff_id, a.login_id order by a.at
          range between interval '1 hour' preceding and current row) as in_hour
      from audit_log a
      where ${inPeriod} and a.action in (${actions})
    ), per_staff as (
      select staff_id, login_id, max(in_hour) as peak,
        (array_agg(at order by in_hour desc, at))[1] as peak_ended_at, count(*) as total
      from access group by staff_id, login_id
    )
    select p.*, s.name as staff_name from per_staff p left join staff_user s on s.id = p.staff_id
    where p.peak > ${q.threshold}
    order by p.peak desc, p.login_id`.execute(db);

  const lateQuery = sql<StaffRow & { entries: string; person_access: string; first_at: Date; last_at: Date }>`
    select a.staff_id, a.login_id, s.name as staff_name, count(*) as entries,
      count(*) filter (where a.action in (${actions})) as person_access,
      min(a.at) as first_at, max(a.at) as last_at
    from audit_log a left join staff_user s on s.id = a.staff_id
    where ${inPeriod} and ${afterHoursSql(sql.ref("a.at"))}
    group by a.staff_id, a.login_id, s.name
    order by count(*) desc, a.login_id`.execute(db);
  const [mass, late] = await Promise.all([massQuery, lateQuery]);

  return {
    from: q.from,
    to: q.to,
    threshold: q.threshold,
    massAccess: mass.rows.map((r) => ({
      ...staffOf(r),
      peak: Number(r.peak),
      peakEndedAt: iso(r.peak_ended_at),
      total: Number(r.total),
    })),
    afterHours: late.rows.map((r) => ({
      ...staffOf(r),
      entries: Number(r.entries),
      personAccess: Number(r.person_access),
      firstAt: iso(r.first_at),
      lastAt: iso(r.last_at),
    })),
  };
}
