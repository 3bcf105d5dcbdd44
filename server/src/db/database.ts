import { Kysely, PostgresDialect } from "kysely";
import type pg from "pg";
import { startEmbeddedDatabase } from "./embedded.ts";
import { migrateToLatest } from "./migrate.ts";
import { createPool } from "./pool.ts";
import type { Database } from "./schema.ts";

export type Db = Kysely<Database>;

export interface DatabaseHandle {
  /** Kysely on the app role: cannot UPDATE or DELETE the audit log. */
  db: Db;
  pool: pg.Pool;
  /** URL of the owner connection (migrations, CLI maintenance). */
  ownerUrl: string;
  embedded: boolean;
  close(): Promise<void>;
}

export interface OpenOptions {
  databaseUrl: string | undefined;
  dataDir: string | "memory:";
  role: string;
  poolSize: number;
  migrate?: boolean;
}

export async function openDatabase(options: OpenOptions): Promise<DatabaseHandle> {
  const embedded = options.databaseUrl ? undefined : await startEmbeddedDatabase(options.dataDir);
  const ownerUrl = options.databaseUrl ?? (embedded as { url: string }).url;
  try {
    if (options.migrate !== false) await runMigrations(ownerUrl, options.role);
    // The embedded database gives each connection the role of the user it connects as (see
    // embedded-sessions.ts), so the app connects as its role there; PostgreSQL sets it per connection.
    const url = embedded ? withUser(ownerUrl, options.role) : ownerUrl;
    const pool = createPool({ url, max: options.poolSize, role: options.role });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return {
      db,
      pool,
      ownerUrl,
      embedded: Boolean(embedded),
      async close() {
        await db.destroy();
        await embedded?.stop();
      },
    };
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
}

function withUser(url: string, user: string): string {
  const u = new URL(url);
  u.username = user;
  return u.toString();
}

export async function runMigrations(ownerUrl: string, role: string): Promise<string[]> {
  const owner = new Kysely<Database>({
    dialect: new PostgresDialect({ pool: createPool({ url: ownerUrl, max: 1 }) }),
  });
  try {
    return await migrateToLatest(owner, role);
  } finally {
    await owner.destroy();
  }
}
