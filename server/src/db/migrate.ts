import { type Migration, Migrator, sql } from "kysely";
import { migrations } from "./migrations/index.ts";
import type { MigrationDb } from "./migrations/types.ts";

/**
 * Migrations are plain functions of (db, appRole): they create tables as the owner and grant the
 * app role only what it needs. They run at start and from `npm run cli -- migrate`.
 */
export async function migrateToLatest(db: MigrationDb, appRole: string): Promise<string[]> {
  await ensureAppRole(db, appRole);
  const provider = {
    async getMigrations(): Promise<Record<string, Migration>> {
      return Object.fromEntries(
        Object.entries(migrations).map(([name, m]) => [
          name,
          { up: (d: MigrationDb) => m.up(d, appRole) } satisfies Migration,
        ]),
      );
    },
  };
  const migrator = new Migrator({
    db,
    provider,
    migrationTableName: "schema_migration",
    migrationLockTableName: "schema_migration_lock",
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === "Error")?.migrationName ?? "?";
    throw new Error(
      `マイグレーション ${failed} に失敗しました: ${String((error as Error).message ?? error)}`,
    );
  }
  return (results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName);
}

async function ensureAppRole(db: MigrationDb, role: string): Promise<void> {
  const ident = sql.id(role);
  const exists = await sql<{
    n: number;
  }>`select count(*)::int as n from pg_roles where rolname = ${role}`.execute(db);
  if ((exists.rows[0]?.n ?? 0) === 0) {
    try {
      await sql`create role ${ident} nologin`.execute(db);
    } catch (error) {
      // Another database on the same cluster may have created it concurrently.
      if (!/already exists/.test(String((error as Error).message))) throw error;
    }
  }
  // Needed for SET ROLE when the owner is not a superuser (managed PostgreSQL).
  await sql`grant ${ident} to current_user`.execute(db).catch(() => undefined);
}
