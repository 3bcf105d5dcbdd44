import { type RawBuilder, sql } from "kysely";
import type { OwnerDb } from "../../db/owner.ts";
import type { FeedTables, OwnedRows } from "./targets.ts";

const batchSize = 5_000;
const stagePrefix = "feed_stage_";

/** Rows of a full delivery staged piece by piece, then swapped in whole (or dropped). */
export interface StagedDelivery {
  /** Loads a piece's rows into the stage tables (created at the first piece that names them). */
  add(tables: FeedTables): Promise<void>;
  /** Builds the stages' indexes and statistics, then swaps them in in one short transaction. */
  commit(): Promise<void>;
  /** Drops whatever was staged; the live tables were never touched. */
  abandon(): Promise<void>;
}

/** A history table's stage: the delivered columns, appended by the table's unique key. */
interface AppendedStage {
  table: string;
  conflict: readonly string[];
  columns: string[];
}

interface OwnedStage {
  owned: Pick<OwnedRows, "table" | "partition">;
  stage: string;
  /** Secondary indexes of the live table, built on the stage after the load. */
  indexes: { name: string; definition: string }[];
}

/**
 * Full delivery: every owned table or partition is rebuilt beside the live one (in autocommit
 * batches, so nothing is locked while loading), then swapped in by renames and partition
 * attach/detach in one short transaction. Until that commits the counter reads the previous data;
 * if the process dies before, the live tables are untouched and the stage tables are dropped at the
 * next start (`dropAbandonedStages`). The rows arrive piece by piece, so a delivery of millions of
 * rows is never held in memory whole.
 */
export function stageFeedData(db: OwnerDb, runId: number, appRole: string): StagedDelivery {
  const owned = new Map<string, OwnedStage>();
  const appended = new Map<string, { rows: AppendedStage; stage: string }>();
  const created: string[] = [];
  let n = 0;
  const nextStage = () => {
    const stage = `${stagePrefix}${runId}_${n++}`;
    created.push(stage);
    return stage;
  };
  const openOwned = async (target: Pick<OwnedRows, "table" | "partition">): Promise<OwnedStage> => {
    const key = target.partition?.name ?? target.table;
    let staged = owned.get(key);
    if (!staged) {
      const stage = nextStage();
      staged = { owned: target, stage, indexes: await createStage(db, stage, target) };
      owned.set(key, staged);
    }
    return staged;
  };
  return {
    async add(tables) {
      for (const rows of tables.owned) await insertBatches(db, (await openOwned(rows)).stage, rows.rows);
      for (const rows of tables.appended) {
        const columns = columnList(rows.rows);
        if (!columns) continue;
        const asOwned = owned.get(rows.table);
        if (asOwned) {
          await insertBatches(db, asOwned.stage, rows.rows);
          continue;
        }
        let staged = appended.get(rows.table);
        if (!staged) {
          const { rows: live } = await sql<{ empty: boolean }>`
            select not exists (select from ${sql.id(rows.table)}) as empty`.execute(db);
          if (live[0]?.empty) {
            // Nothing to keep yet (a city's first delivery): the table is built and swapped in like
            // an owned one, its indexes built once instead of kept up to date row by row.
            await insertBatches(db, (await openOwned({ table: rows.table })).stage, rows.rows);
            continue;
          }
          // Only the delivered columns: the live table's identity fills the rest when appending.
          const stage = nextStage();
          await sql`create table ${sql.id(stage)} as select ${columns} from ${sql.id(rows.table)} limit 0`.execute(
            db,
          );
          staged = {
            rows: { table: rows.table, conflict: rows.conflict, columns: Object.keys(rows.rows[0] ?? {}) },
            stage,
          };
          appended.set(rows.table, staged);
        }
        await insertBatches(db, staged.stage, rows.rows);
      }
    },
    async commit() {
      for (const { owned: target, stage, indexes } of owned.values()) {
        for (const index of indexes) await sql.raw(index.definition).execute(db);
        await analyzeStage(db, stage, await statisticsTargets(db, target.table));
      }
      // Rows the table already holds (a full delivery repeats the whole history) are dropped from
      // the stage now, so the swap transaction appends only new ones.
      for (const { rows, stage } of appended.values()) await removeKnownRows(db, rows, stage);
      // The swap holds exclusive locks on the live tables, and the counter's queries wait for them
      // until it commits: appends (which lock no reader out) go first, the renames last, and the
      // old tables, renamed aside, are dropped after the commit.
      const retired: string[] = [];
      await db.transaction().execute(async (trx) => {
        for (const { rows, stage } of appended.values()) await appendFromStage(trx, rows, stage);
        for (const { owned: target, stage } of owned.values()) {
          const old = target.partition
            ? await swapPartition(trx, target, target.partition, stage, runId)
            : await swapTable(trx, target.table, stage, runId, appRole);
          if (old) retired.push(old);
        }
      });
      created.length = 0;
      for (const name of [...retired, ...[...appended.values()].map((a) => a.stage)])
        await sql`drop table ${sql.id(name)}`.execute(db);
      // Rows appended to a live table wait in its GIN indexes' pending lists, which every search
      // through those indexes reads in full until they are merged (PGlite has no autovacuum to do it).
      for (const { rows } of appended.values()) await mergeGinPendingLists(db, rows.table);
    },
    async abandon() {
      for (const name of created.splice(0)) await sql`drop table if exists ${sql.id(name)}`.execute(db);
    },
  };
}

async function removeKnownRows(db: OwnerDb, rows: AppendedStage, stage: string): Promise<void> {
  const key = (alias: string) => sql.join(rows.conflict.map((c) => sql`${sql.ref(`${alias}.${c}`)}`));
  await sql`delete from ${sql.id(stage)} s using ${sql.id(rows.table)} t
    where (${key("s")}) = (${key("t")})`.execute(db);
}

/** Columns of the live table with their own statistics target (e.g. the person's search keys). */
async function statisticsTargets(db: OwnerDb, table: string): Promise<{ column: string; target: number }[]> {
  const { rows } = await sql<{ column: string; target: number }>`
    select attname as column, attstattarget::int as target from pg_attribute
    where attrelid = ${table}::regclass and attnum > 0 and not attisdropped and attstattarget > 0`.execute(
    db,
  );
  return rows;
}

/**
 * Statistics for the stage, keeping the live table's finer targets. The table at the default
 * first, then only the columns with a higher target: one ANALYZE would sample as many rows for
 * every column as the finest target needs.
 */
async function analyzeStage(
  db: OwnerDb,
  stage: string,
  targets: readonly { column: string; target: number }[],
): Promise<void> {
  await sql`analyze ${sql.id(stage)}`.execute(db);
  if (targets.length === 0) return;
  for (const { column, target } of targets)
    await sql`alter table ${sql.id(stage)} alter column ${sql.id(column)} set statistics ${sql.lit(target)}`.execute(
      db,
    );
  await sql`analyze ${sql.id(stage)} (${sql.join(targets.map((t) => sql.id(t.column)))})`.execute(db);
}

async function mergeGinPendingLists(db: OwnerDb, table: string): Promise<void> {
  await sql`
    select gin_clean_pending_list(i.indexrelid) from pg_index i
    join pg_class c on c.oid = i.indexrelid join pg_am a on a.oid = c.relam
    where i.indrelid = ${table}::regclass and a.amname = 'gin'`.execute(db);
}

/**
 * A table beside the live one, like it but without its secondary indexes: building them once after
 * the load is several times faster than keeping them (trigram GIN above all) up to date row by
 * row. They must exist before the swap, so ATTACH and the renamed table need no index build inside
 * the swap transaction; they are returned to be built then.
 */
async function createStage(
  db: OwnerDb,
  stage: string,
  owned: Pick<OwnedRows, "table" | "partition">,
): Promise<{ name: string; definition: string }[]> {
  await sql`create table ${sql.id(stage)} (like ${sql.id(owned.table)} including all)`.execute(db);
  if (owned.partition) {
    // A matching CHECK lets ATTACH skip its validation scan.
    const { column, value } = owned.partition;
    await sql`alter table ${sql.id(stage)} add check (${sql.id(column)} is not null and ${sql.id(column)} = ${sql.lit(value)})`.execute(
      db,
    );
  }
  const indexes = await secondaryIndexes(db, stage);
  for (const index of indexes) await sql`drop index ${sql.id(index.name)}`.execute(db);
  return indexes;
}

async function secondaryIndexes(db: OwnerDb, table: string): Promise<{ name: string; definition: string }[]> {
  const { rows } = await sql<{ name: string; definition: string }>`
    select indexname as name, indexdef as definition from pg_indexes
    where schemaname = current_schema() and tablename = ${table}
      and indexname not in (select conname from pg_constraint)`.execute(db);
  return rows;
}

async function swapTable(
  db: OwnerDb,
  table: string,
  stage: string,
  runId: number,
  appRole: string,
): Promise<string> {
  const old = `${stagePrefix}${runId}_old_${table}`;
  await sql`alter table ${sql.id(table)} rename to ${sql.id(old)}`.execute(db);
  await sql`alter table ${sql.id(stage)} rename to ${sql.id(table)}`.execute(db);
  await sql`grant select on ${sql.id(table)} to ${sql.id(appRole)}`.execute(db);
  return old;
}

async function swapPartition(
  db: OwnerDb,
  owned: Pick<OwnedRows, "table">,
  partition: NonNullable<OwnedRows["partition"]>,
  stage: string,
  runId: number,
): Promise<string | undefined> {
  const old = `${stagePrefix}${runId}_old_${partition.name}`;
  const { rows } = await sql<{
    n: number;
  }>`select count(*)::int as n from pg_class where relname = ${partition.name}`.execute(db);
  if (rows[0]?.n) {
    await sql`alter table ${sql.id(owned.table)} detach partition ${sql.id(partition.name)}`.execute(db);
    await sql`alter table ${sql.id(partition.name)} rename to ${sql.id(old)}`.execute(db);
  }
  await sql`alter table ${sql.id(stage)} rename to ${sql.id(partition.name)}`.execute(db);
  await sql`alter table ${sql.id(owned.table)} attach partition ${sql.id(partition.name)} for values in (${sql.lit(partition.value)})`.execute(
    db,
  );
  return rows[0]?.n ? old : undefined;
}

async function appendFromStage(db: OwnerDb, rows: AppendedStage, stage: string): Promise<void> {
  const columns = sql.join(rows.columns.map((c) => sql.id(c)));
  await sql`insert into ${sql.id(rows.table)} (${columns}) select ${columns} from ${sql.id(stage)}
    on conflict (${sql.join(rows.conflict.map((c) => sql.id(c)))}) do nothing`.execute(db);
}

/**
 * Differential delivery: one transaction applies each row by its key (delete, then insert the new
 * version), so a half-applied delivery is never visible.
 */
export async function applyFeedChanges(
  db: OwnerDb,
  tables: FeedTables,
  deletions: FeedTables,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    for (const owned of [...deletions.owned, ...tables.owned]) await deleteByKeys(trx, owned);
    for (const owned of tables.owned) await insertBatches(trx, owned.table, owned.rows);
    for (const rows of tables.appended) {
      const columns = columnList(rows.rows);
      if (!columns) continue;
      for (let i = 0; i < rows.rows.length; i += batchSize) {
        const json = JSON.stringify(rows.rows.slice(i, i + batchSize));
        await sql`insert into ${sql.id(rows.table)} (${columns})
          select ${columns} from json_populate_recordset(null::${sql.id(rows.table)}, ${json})
          on conflict (${sql.join(rows.conflict.map((c) => sql.id(c)))}) do nothing`.execute(trx);
      }
    }
  });
}

async function deleteByKeys(db: OwnerDb, owned: OwnedRows): Promise<void> {
  if (owned.rows.length === 0) return;
  const scope = owned.partition
    ? sql`and t.${sql.id(owned.partition.column)} = ${owned.partition.value}`
    : sql``;
  for (let i = 0; i < owned.rows.length; i += batchSize) {
    const json = JSON.stringify(owned.rows.slice(i, i + batchSize).map((r) => pick(r, owned.keys)));
    await sql`delete from ${sql.id(owned.table)} t
      using json_populate_recordset(null::${sql.id(owned.table)}, ${json}) d
      where (${sql.join(owned.keys.map((k) => sql`t.${sql.id(k)}`))}) = (${sql.join(owned.keys.map((k) => sql`d.${sql.id(k)}`))}) ${scope}`.execute(
      db,
    );
  }
}

/**
 * Loads rows into a stage table, one batch per autocommitted statement. The next batch is turned
 * into JSON while the database inserts the current one. On the embedded database, which runs one
 * statement at a time for everyone, batches are small enough that a counter's query never waits
 * long behind one (see `stageBatchRows`).
 */
async function insertBatches(
  db: OwnerDb,
  table: string,
  rows: readonly Record<string, unknown>[],
): Promise<void> {
  const columns = columnList(rows);
  if (!columns) return;
  const size = await stageBatchRows(db);
  const batch = (from: number) => JSON.stringify(rows.slice(from, from + size));
  let json = batch(0);
  for (let i = 0; i < rows.length; i += size) {
    const inserting =
      sql`insert into ${sql.id(table)} (${columns}) select ${columns} from json_populate_recordset(null::${sql.id(table)}, ${json})`.execute(
        db,
      );
    // Let the statement go out before building the next batch.
    await new Promise<void>((resolve) => setImmediate(resolve));
    if (i + size < rows.length) json = batch(i + size);
    await inserting;
  }
}

/**
 * Rows per stage batch: 5,000 on PostgreSQL, where a batch blocks no one. PGlite is a single
 * backend session that queues everyone's statements; at 500 rows an insert takes about 20 ms
 * there (a person batch), so a counter search waits at most that long behind one. (Sizing each
 * batch from the last one's time, to about 10 ms, made the import slower and the counter no faster.)
 */
const batchRows = new WeakMap<OwnerDb, Promise<number>>();
function stageBatchRows(db: OwnerDb): Promise<number> {
  let rows = batchRows.get(db);
  if (!rows) {
    rows = sql<{ version: string }>`select version()`
      .execute(db)
      .then((r) => (/PGlite/.test(r.rows[0]?.version ?? "") ? 500 : batchSize));
    batchRows.set(db, rows);
  }
  return rows;
}

function columnList(rows: readonly Record<string, unknown>[]): RawBuilder<unknown> | undefined {
  const first = rows[0];
  return first ? sql.join(Object.keys(first).map((c) => sql.id(c))) : undefined;
}

function pick(row: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(keys.map((k) => [k, row[k]]));
}

/** Stage tables of an import that died (killed, power cut) are dropped at the next start. */
export async function dropAbandonedStages(db: OwnerDb): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`
    select tablename as name from pg_tables where schemaname = current_schema() and tablename like ${`${stagePrefix}%`}`.execute(
    db,
  );
  for (const { name } of rows) await sql`drop table if exists ${sql.id(name)}`.execute(db);
  return rows.map((r) => r.name);
}
