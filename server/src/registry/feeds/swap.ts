import { type RawBuilder, sql } from "kysely";
import type { OwnerDb } from "../../db/owner.ts";
import type { AppendedRows, FeedTables, OwnedRows } from "./targets.ts";

const batchSize = 5_000;
const stagePrefix = "feed_stage_";

/**
 * Full delivery: every owned table or partition is rebuilt beside the live one (in autocommit
 * batches, so nothing is locked while loading), then swapped in by renames and partition
 * attach/detach in one short transaction. Until that commits the counter reads the previous data;
 * if the process dies before, the live tables are untouched and the stage tables are dropped at the
 * next start (`dropAbandonedStages`).
 */
export async function replaceFeedData(
  db: OwnerDb,
  runId: number,
  tables: FeedTables,
  appRole: string,
): Promise<void> {
  const stages: { owned: OwnedRows; stage: string }[] = [];
  const appended: { rows: AppendedRows; stage: string }[] = [];
  let n = 0;
  for (const owned of tables.owned) {
    const stage = `${stagePrefix}${runId}_${n++}`;
    await sql`create table ${sql.id(stage)} (like ${sql.id(owned.table)} including all)`.execute(db);
    if (owned.partition) {
      // A matching CHECK lets ATTACH skip its validation scan.
      const { column, value } = owned.partition;
      await sql`alter table ${sql.id(stage)} add check (${sql.id(column)} is not null and ${sql.id(column)} = ${sql.lit(value)})`.execute(
        db,
      );
    }
    // Building secondary indexes once after the load is several times faster than keeping them
    // (trigram GIN above all) up to date row by row; they must exist before the swap so ATTACH and
    // the renamed table need no index build inside the swap transaction.
    const indexes = await secondaryIndexes(db, stage);
    for (const index of indexes) await sql`drop index ${sql.id(index.name)}`.execute(db);
    await insertBatches(db, stage, owned.rows);
    for (const index of indexes) await sql.raw(index.definition).execute(db);
    await sql`analyze ${sql.id(stage)}`.execute(db);
    stages.push({ owned, stage });
  }
  for (const rows of tables.appended) {
    const stage = `${stagePrefix}${runId}_${n++}`;
    const columns = columnList(rows.rows);
    if (!columns) continue;
    // Only the delivered columns: the live table's identity fills the rest when appending.
    await sql`create table ${sql.id(stage)} as select ${columns} from ${sql.id(rows.table)} limit 0`.execute(
      db,
    );
    await insertBatches(db, stage, rows.rows);
    appended.push({ rows, stage });
  }
  await db.transaction().execute(async (trx) => {
    for (const { owned, stage } of stages) {
      if (owned.partition) await swapPartition(trx, owned, owned.partition, stage, runId);
      else await swapTable(trx, owned.table, stage, runId, appRole);
    }
    for (const { rows, stage } of appended) {
      await appendFromStage(trx, rows, stage);
      await sql`drop table ${sql.id(stage)}`.execute(trx);
    }
  });
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
): Promise<void> {
  const old = `${stagePrefix}${runId}_old_${table}`;
  await sql`alter table ${sql.id(table)} rename to ${sql.id(old)}`.execute(db);
  await sql`alter table ${sql.id(stage)} rename to ${sql.id(table)}`.execute(db);
  await sql`grant select on ${sql.id(table)} to ${sql.id(appRole)}`.execute(db);
  await sql`drop table ${sql.id(old)}`.execute(db);
}

async function swapPartition(
  db: OwnerDb,
  owned: OwnedRows,
  partition: NonNullable<OwnedRows["partition"]>,
  stage: string,
  runId: number,
): Promise<void> {
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
  if (rows[0]?.n) await sql`drop table ${sql.id(old)}`.execute(db);
}

async function appendFromStage(db: OwnerDb, rows: AppendedRows, stage: string): Promise<void> {
  const columns = columnList(rows.rows);
  if (!columns) return;
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

async function insertBatches(
  db: OwnerDb,
  table: string,
  rows: readonly Record<string, unknown>[],
): Promise<void> {
  const columns = columnList(rows);
  if (!columns) return;
  for (let i = 0; i < rows.length; i += batchSize) {
    const json = JSON.stringify(rows.slice(i, i + batchSize));
    await sql`insert into ${sql.id(table)} (${columns}) select ${columns} from json_populate_recordset(null::${sql.id(table)}, ${json})`.execute(
      db,
    );
  }
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
