import { Kysely, PostgresDialect, sql } from "kysely";
import { createPool } from "./pool.ts";

// biome-ignore lint/suspicious/noExplicitAny: owner work (loading, maintenance) spans tables the app types do not cover
export type OwnerDb = Kysely<any>;

/**
 * Runs maintenance as the database owner on its own connection. On PGlite every connection shares
 * one backend session, so the app pool's SET ROLE may be in force here too: reset it for the work
 * and put it back afterwards, so the app keeps acting as its restricted role.
 */
export async function withOwner<T>(url: string, work: (db: OwnerDb) => Promise<T>): Promise<T> {
  const db: OwnerDb = new Kysely({ dialect: new PostgresDialect({ pool: createPool({ url, max: 1 }) }) });
  try {
    const { rows } = await sql<{
      role: string;
      login: string;
    }>`select current_user as role, session_user as login`.execute(db);
    const previous = rows[0];
    await sql`reset role`.execute(db);
    try {
      return await work(db);
    } finally {
      if (previous && previous.role !== previous.login)
        await sql`set role ${sql.id(previous.role)}`.execute(db);
    }
  } finally {
    await db.destroy();
  }
}
