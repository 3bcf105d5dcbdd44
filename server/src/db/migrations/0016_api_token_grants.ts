import { sql } from "kysely";
import type { AppMigration } from "./types.ts";

/**
 * Administrators issue API tokens from the app (P50), so the app role may now insert them.
 *
 * Chosen over an owner connection: the token row must commit in one transaction with its audit row,
 * which the app role writes; an owner connection is a second connection (its own transaction) and
 * the app holds the owner's URL only for imports. The grant stays narrow: no delete, so a revoked
 * token remains for the audit log. The identity column needs no grant on its sequence: PostgreSQL
 * does not check privileges on an identity's own sequence (as for rpa_job).
 */
export const apiTokenGrants: AppMigration = {
  async up(db, appRole) {
    await sql`grant insert on api_token to ${sql.id(appRole)}`.execute(db);
  },
};
