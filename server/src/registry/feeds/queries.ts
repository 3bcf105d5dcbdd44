import type { FeedSetting, ImportRun, ImportRunDetail } from "@ichimado/core/feeds/schemas";
import type { Db } from "../../db/database.ts";

const runColumns = [
  "id",
  "feed",
  "mode",
  "source",
  "file_name",
  "encoding",
  "started_at",
  "finished_at",
  "status",
  "rows_total",
  "rows_loaded",
  "rows_rejected",
  "problem_count",
  "message",
] as const;

type RunRow = {
  id: number;
  feed: string;
  mode: ImportRun["mode"];
  source: ImportRun["source"];
  file_name: string;
  encoding: string | null;
  started_at: Date;
  finished_at: Date | null;
  status: ImportRun["status"];
  rows_total: number;
  rows_loaded: number;
  rows_rejected: number;
  problem_count: number;
  message: string | null;
};

function present(r: RunRow): ImportRun {
  return {
    id: r.id,
    feed: r.feed,
    mode: r.mode,
    source: r.source,
    fileName: r.file_name,
    encoding: r.encoding,
    startedAt: r.started_at.toISOString(),
    finishedAt: r.finished_at?.toISOString() ?? null,
    status: r.status,
    rowsTotal: r.rows_total,
    rowsLoaded: r.rows_loaded,
    rowsRejected: r.rows_rejected,
    problemCount: r.problem_count,
    message: r.message,
  };
}

/** The latest run of every feed, and when each feed's live data was loaded. */
export async function feedOverview(
  db: Db,
): Promise<{ latest: Map<string, ImportRun>; loadedAt: Map<string, string> }> {
  const latest = await db
    .selectFrom("import_run")
    .distinctOn("feed")
    .select(runColumns)
    .orderBy("feed")
    .orderBy("id", "desc")
    .execute();
  const loaded = await db
    .selectFrom("import_run")
    .select(["feed", (eb) => eb.fn.max("finished_at").as("at")])
    .where("status", "=", "succeeded")
    .where("mode", "=", "full")
    .groupBy("feed")
    .execute();
  return {
    latest: new Map(latest.map((r) => [r.feed, present(r)])),
    loadedAt: new Map(loaded.filter((r) => r.at).map((r) => [r.feed, new Date(r.at as Date).toISOString()])),
  };
}

export async function listRuns(db: Db, feed: string | undefined, limit: number): Promise<ImportRun[]> {
  let query = db.selectFrom("import_run").select(runColumns).orderBy("id", "desc").limit(limit);
  if (feed) query = query.where("feed", "=", feed);
  return (await query.execute()).map(present);
}

export async function runDetail(db: Db, id: number): Promise<ImportRunDetail | undefined> {
  const row = await db
    .selectFrom("import_run")
    .select([...runColumns, "problems", "warnings"])
    .where("id", "=", id)
    .executeTakeFirst();
  return row ? { ...present(row), problems: row.problems, warnings: row.warnings } : undefined;
}

export async function readSetting(db: Db, feed: string): Promise<FeedSetting> {
  const row = await db
    .selectFrom("feed_setting")
    .select(["header_map", "encoding", "reject_threshold"])
    .where("feed", "=", feed)
    .executeTakeFirst();
  return {
    headerMap: row?.header_map ?? {},
    encoding: row?.encoding ?? "auto",
    rejectThreshold: row ? Number(row.reject_threshold) : 0.01,
  };
}

export async function writeSetting(
  db: Db,
  feed: string,
  setting: FeedSetting,
  staffId: number,
): Promise<void> {
  const values = {
    header_map: JSON.stringify(setting.headerMap),
    encoding: setting.encoding,
    reject_threshold: setting.rejectThreshold,
    updated_by: staffId,
    updated_at: new Date(),
  };
  await db
    .insertInto("feed_setting")
    .values({ feed, ...values })
    .onConflict((oc) => oc.column("feed").doUpdateSet(values))
    .execute();
}
