import type { AuditEntry } from "@ichimado/core/audit/actions";
import {
  type AuditFilter,
  type AuditPage,
  type AuditQuery,
  actionList,
  japanDaysRange,
  officeCloseMinute,
  officeOpenMinute,
} from "@ichimado/core/audit/filter";
import { closedWeekdays, holidayYears } from "@ichimado/core/common/holidays";
import { type ExpressionBuilder, type Kysely, type Selectable, type SelectQueryBuilder, sql } from "kysely";
import type { Database } from "../db/schema.ts";

type Row = Selectable<Database["audit_log"]> & { staff_name: string | null; counter_name: string | null };
type Builder = SelectQueryBuilder<Database & { a: Database["audit_log"] }, "a", Row>;
type Eb = ExpressionBuilder<Database & { a: Database["audit_log"] }, "a">;

/** Spaces, half or full width, are left out: staff type 「市民花子」 for 「市民 花子」. */
const spaceless = (text: string) => text.replace(/[\s\u3000]/g, "");

/** The weekdays the counters are closed (holidays, 年末年始) in every year core has rules for. */
const closedWeekdayDates = Array.from({ length: holidayYears.last - holidayYears.first + 1 }, (_, i) =>
  closedWeekdays(holidayYears.first + i),
).flat();

/**
 * Outside 開庁時間 in Japan time (UTC+9 all year, so no time zone database is needed): a Saturday or
 * Sunday, a holiday or 年末年始 (core's calendar, sent as one array), or a minute of the day before
 * opening or from closing on. The same rule as core's isAfterHours, which the tests hold it to.
 */
export const afterHoursSql = (at: ReturnType<typeof sql.ref>) => {
  const japan = sql`(${at} at time zone 'UTC' + interval '9 hours')`;
  const minute = sql`(extract(hour from ${japan}) * 60 + extract(minute from ${japan}))`;
  return sql<boolean>`(extract(isodow from ${japan}) in (6, 7)
    or ${japan}::date = any(${closedWeekdayDates}::date[])
    or ${minute} < ${officeOpenMinute} or ${minute} >= ${officeCloseMinute})`;
};

function selectEntries(db: Kysely<Database>): Builder {
  return db
    .selectFrom("audit_log as a")
    .leftJoin("staff_user as s", "s.id", "a.staff_id")
    .leftJoin("counter as c", "c.id", "a.counter_id")
    .selectAll("a")
    .select(["s.name as staff_name", "c.name as counter_name"]);
}

function conditions(eb: Eb, filter: AuditFilter) {
  const all = [];
  if (filter.staff) {
    const text = filter.staff;
    // a login ID as it was typed at the time (also failed logins and api: tokens), or a staff
    // member found by login ID or by part of the name
    all.push(
      eb.or([
        eb("a.login_id", "=", text),
        eb(
          "a.staff_id",
          "in",
          eb
            .selectFrom("staff_user")
            .select("id")
            .where((w) =>
              w.or([
                w("login_id", "=", text),
                w(
                  sql`replace(replace(name, ' ', ''), '　', '')`,
                  "like",
                  `%${spaceless(text).replace(/[\\%_]/g, (c) => `\\${c}`)}%`,
                ),
              ]),
            ),
        ),
      ]),
    );
  }
  if (filter.personId) all.push(eb("a.person_ids", "@>", sql<string[]>`array[${filter.personId}]::text[]`));
  const actions = actionList(filter.action);
  if (actions.length > 0) all.push(eb("a.action", "in", actions));
  if (filter.outcome) all.push(eb("a.outcome", "=", filter.outcome));
  const { start, end } = japanDaysRange(filter.from, filter.to);
  if (start) all.push(eb("a.at", ">=", start));
  if (end) all.push(eb("a.at", "<", end));
  if (filter.afterHours === "true") all.push(eb(afterHoursSql(sql.ref("a.at")), "=", true));
  return eb.and(all);
}

function toEntry(r: Row): AuditEntry {
  return {
    seq: r.seq,
    at: new Date(r.at).toISOString(),
    staffId: r.staff_id,
    loginId: r.login_id,
    staffName: r.staff_name,
    counterId: r.counter_id,
    counterName: r.counter_name,
    action: r.action,
    target: r.target,
    personIds: r.person_ids,
    detail: r.detail,
    outcome: r.outcome,
    clientIp: r.client_ip,
  };
}

/**
 * Where an entry stands in the viewer's order, newest first: by time, and by seq among rows of the
 * same instant. Compared as a row, so an index ending in (at, seq) both finds and orders the rows
 * (a page of a week two years back reads that week, not everything since). The entry is named by
 * its seq alone; the subquery reads its time once.
 */
const position = sql`(a.at, a.seq)`;
const positionOf = (seq: number) => sql`(select b.at, b.seq from audit_log b where b.seq = ${seq})`;
const olderThan = (seq: number) => sql<boolean>`${position} < ${positionOf(seq)}`;
const newerThan = (seq: number) => sql<boolean>`${position} > ${positionOf(seq)}`;

/**
 * One page, newest first, keyed by the entry at its edge: `before` reads older entries, `after`
 * newer ones (read oldest first and turned round). One row more than the page tells whether there
 * is a further page that way; a one-row look the other way tells whether there is one back. Rows
 * written meanwhile are newer than every page already read, so pages neither repeat nor skip.
 */
export async function queryAuditLog(db: Kysely<Database>, q: AuditQuery): Promise<AuditPage> {
  const forward = q.after === undefined;
  const direction = forward ? "desc" : "asc";
  const rows = await selectEntries(db)
    .where((eb) => conditions(eb, q))
    .$if(q.before !== undefined, (b) => b.where(olderThan(q.before as number)))
    .$if(q.after !== undefined, (b) => b.where(newerThan(q.after as number)))
    .orderBy("a.at", direction)
    .orderBy("a.seq", direction)
    .limit(q.limit + 1)
    .execute();
  const more = rows.length > q.limit;
  const page = rows.slice(0, q.limit);
  if (!forward) page.reverse();
  const first = page[0];
  const last = page.at(-1);
  if (!first || !last) return { entries: [], older: null, newer: null };
  // ordered from the edge outwards, so the index reads from the edge rather than the table from its start
  const beyond = async (edge: ReturnType<typeof olderThan>, order: "asc" | "desc") => {
    const found = await db
      .selectFrom("audit_log as a")
      .select("a.seq")
      .where((eb) => conditions(eb, q))
      .where(edge)
      .orderBy("a.at", order)
      .orderBy("a.seq", order)
      .limit(1)
      .executeTakeFirst();
    return found !== undefined;
  };
  const older = forward ? more : await beyond(olderThan(last.seq), "desc");
  // the first page is the newest: nothing is newer than what was just read
  const newer = forward ? q.before !== undefined && (await beyond(newerThan(first.seq), "asc")) : more;
  return {
    entries: page.map(toEntry),
    older: older ? last.seq : null,
    newer: newer ? first.seq : null,
  };
}

/**
 * Every entry of the filter for an export, newest first, at most `max` + 1 so the caller can tell
 * that there were more than it may export.
 */
export async function exportEntries(
  db: Kysely<Database>,
  filter: AuditFilter,
  max: number,
): Promise<AuditEntry[]> {
  const rows = await selectEntries(db)
    .where((eb) => conditions(eb, filter))
    .orderBy("a.at", "desc")
    .orderBy("a.seq", "desc")
    .limit(max + 1)
    .execute();
  return rows.map(toEntry);
}
