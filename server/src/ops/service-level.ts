import os from "node:os";
import { japanDate } from "@ichimado/core/common/dates";
import { dueMinutes, type ServiceLevelReport, serviceLevelReport } from "@ichimado/core/ops/service-level";
import { type Kysely, sql } from "kysely";
import type { Database } from "../db/schema.ts";

/**
 * 「複雑な検索や分析処理機能を除く」 (spec D): file deliveries, statistics, exports and
 * bulk imports are counted apart and left out of the 3-second share.
 */
const excludedRoutePrefixes = [
  "/api/v1/feeds/",
  "/api/v1/statistics/",
  "/api/v1/admin/catalog/export",
  "/api/v1/admin/catalog/import",
  "/api/v1/audit/export",
  "/api/v1/audit/verify",
  "/api/v1/admin/staff/import",
];

function excludedFromResponseGoal(route: string): boolean {
  return excludedRoutePrefixes.some((p) => route.startsWith(p));
}

interface Tally {
  requests: number;
  withinGoal: number;
  serverErrors: number;
  excluded: number;
}

const emptyTally = (): Tally => ({ requests: 0, withinGoal: 0, serverErrors: 0, excluded: 0 });

/**
 * Counts requests per Japan day in memory and adds them to the database every few seconds, with a
 * heartbeat for the minute. A flush the database refuses keeps its counts for the next one, so an
 * outage loses no requests from the report — only its minutes, which is what availability measures.
 */
export class ServiceLevelRecorder {
  private pending = new Map<string, Tally>();
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> | undefined;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly goalSeconds: number,
    private readonly instance = os.hostname(),
    private readonly now: () => Date = () => new Date(),
  ) {}

  observe(route: string, seconds: number, status: number): void {
    const day = japanDate(this.now());
    const tally = this.pending.get(day) ?? emptyTally();
    tally.requests += 1;
    if (status >= 500) tally.serverErrors += 1;
    if (excludedFromResponseGoal(route)) tally.excluded += 1;
    // A 503 while the database is away is an answer in time but not a service: it counts against.
    else if (seconds <= this.goalSeconds && status < 500) tally.withinGoal += 1;
    this.pending.set(day, tally);
  }

  start(intervalMs = 20_000): void {
    this.timer = setInterval(() => void this.flush().catch(() => {}), intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.flush().catch(() => {});
  }

  /** One flush at a time: two at once would both add the same counts. */
  flush(): Promise<void> {
    this.flushing ??= this.write().finally(() => {
      this.flushing = undefined;
    });
    return this.flushing;
  }

  private async write(): Promise<void> {
    const taken = this.pending;
    this.pending = new Map();
    try {
      await this.db.transaction().execute(async (trx) => {
        await sql`insert into service_heartbeat (minute) values (date_trunc('minute', now()))
          on conflict do nothing`.execute(trx);
        for (const [day, t] of taken) {
          await trx
            .insertInto("service_level_daily")
            .values({ day, instance: this.instance, ...columns(t) })
            .onConflict((oc) =>
              oc.columns(["day", "instance"]).doUpdateSet({
                requests: sql`service_level_daily.requests + excluded.requests`,
                within_goal: sql`service_level_daily.within_goal + excluded.within_goal`,
                server_errors: sql`service_level_daily.server_errors + excluded.server_errors`,
                excluded: sql`service_level_daily.excluded + excluded.excluded`,
              }),
            )
            .execute();
        }
      });
    } catch (error) {
      for (const [day, t] of taken) {
        const now = this.pending.get(day) ?? emptyTally();
        this.pending.set(day, {
          requests: now.requests + t.requests,
          withinGoal: now.withinGoal + t.withinGoal,
          serverErrors: now.serverErrors + t.serverErrors,
          excluded: now.excluded + t.excluded,
        });
      }
      throw error;
    }
  }
}

const columns = (t: Tally) => ({
  requests: t.requests,
  within_goal: t.withinGoal,
  server_errors: t.serverErrors,
  excluded: t.excluded,
});

const dayMs = 24 * 60 * 60 * 1000;
const japanMidnight = (day: string) => Date.parse(`${day}T00:00:00+09:00`);

/**
 * The report for Japan days [from, to]. Days before the first heartbeat (the system was not yet
 * installed) and after now are left out; today counts up to now.
 */
export async function readServiceLevel(
  db: Kysely<Database>,
  from: string,
  to: string,
  now = new Date(),
): Promise<ServiceLevelReport> {
  const start = japanMidnight(from);
  const end = Math.min(japanMidnight(to) + dayMs, now.getTime());
  const first = await db
    .selectFrom("service_heartbeat")
    .select((eb) => eb.fn.min("minute").as("first"))
    .executeTakeFirst();
  const firstBeat = first?.first ? new Date(first.first).getTime() : null;
  if (firstBeat === null || end <= start) return serviceLevelReport([]);

  const [counts, beats, stops] = await Promise.all([
    db
      .selectFrom("service_level_daily")
      .select((eb) => [
        "day",
        eb.fn.sum<number>("requests").as("requests"),
        eb.fn.sum<number>("within_goal").as("withinGoal"),
        eb.fn.sum<number>("server_errors").as("serverErrors"),
        eb.fn.sum<number>("excluded").as("excluded"),
      ])
      .where("day", ">=", from)
      .where("day", "<=", to)
      .groupBy("day")
      .execute(),
    sql<{ day: string; minutes: number }>`
      select to_char(minute at time zone 'Asia/Tokyo', 'YYYY-MM-DD') as day, count(*)::int as minutes
      from service_heartbeat h
      where minute >= ${new Date(start)} and minute < ${new Date(end)}
        -- a minute inside a planned stop is neither due nor up
        and not exists (select 1 from planned_outage p where h.minute >= p.starts_at and h.minute < p.ends_at)
      group by 1`.execute(db),
    db
      .selectFrom("planned_outage")
      .select(["starts_at", "ends_at"])
      .where("ends_at", ">", new Date(start))
      .where("starts_at", "<", new Date(end))
      .execute(),
  ]);
  const countOf = new Map(counts.map((c) => [c.day, c]));
  const beatsOf = new Map(beats.rows.map((b) => [b.day, b.minutes]));
  const plannedStops = stops.map((s) => ({
    startsAt: new Date(s.starts_at).getTime(),
    endsAt: new Date(s.ends_at).getTime(),
  }));

  const days = [];
  for (let dayStart = start; dayStart < end; dayStart += dayMs) {
    const from = Math.max(dayStart, firstBeat - (firstBeat % 60_000));
    const until = Math.min(dayStart + dayMs, end);
    if (until <= from) continue;
    const day = japanDate(new Date(dayStart));
    const c = countOf.get(day);
    days.push({
      day,
      requests: Number(c?.requests ?? 0),
      withinGoal: Number(c?.withinGoal ?? 0),
      serverErrors: Number(c?.serverErrors ?? 0),
      excluded: Number(c?.excluded ?? 0),
      upMinutes: beatsOf.get(day) ?? 0,
      dueMinutes: dueMinutes(from, until, plannedStops),
    });
  }
  return serviceLevelReport(days);
}
