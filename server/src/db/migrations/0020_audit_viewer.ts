import { sql } from "kysely";
import type { AppMigration } from "./types.ts";

/**
 * The audit viewer pages the log newest first by (at, seq) under a filter. With an index per filter
 * that ends in (at, seq), "the latest 50 of this staff member / login ID / action", or of a week two
 * years back, reads about 50 index entries instead of sorting or skipping every other row; persons
 * keep their GIN index (0001). The old (at) and (staff_id, at) indexes are prefixes of the new ones
 * and would only slow every audited request down. Only indexes: the rows and their hashed content
 * stay as they are.
 */
export const auditViewer: AppMigration = {
  async up(db) {
    await sql`create index audit_log_at_seq on audit_log (at, seq)`.execute(db);
    await sql`create index audit_log_staff_at_seq on audit_log (staff_id, at, seq)`.execute(db);
    await sql`create index audit_log_login_at_seq on audit_log (login_id, at, seq)`.execute(db);
    await sql`create index audit_log_action_at_seq on audit_log (action, at, seq)`.execute(db);
    await sql`drop index audit_log_at`.execute(db);
    await sql`drop index audit_log_staff`.execute(db);
  },
};
