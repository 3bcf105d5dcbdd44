import { sql } from "kysely";
import type { AppMigration } from "./types.ts";

/**
 * At most one audit row may follow any row: with `prev_hash` unique the database itself refuses a
 * fork of the chain, so writers need no lock to keep it linear (audit/writer.ts).
 */
export const auditLink: AppMigration = {
  async up(db) {
    await sql`create unique index audit_log_prev_hash on audit_log (prev_hash)`.execute(db);
  },
};
