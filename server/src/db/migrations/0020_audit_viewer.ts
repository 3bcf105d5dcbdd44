import { sql } from "kysely";
import type { AppMigration } from "./types.ts";

/**
 * The audit viewer pages the log newest first by seq under a filter. With one index per filter that
 * ends in seq, "the latest 50 of this staff member / login ID / action" reads 50 index entries
 * instead of sorting every match; persons already have their GIN index (0001). Only indexes: the
 * rows and their hashed content stay as they are.
 */
export const auditViewer: AppMigration = {
  async up(db) {
    await sql`create index audit_log_staff_seq on audit_log (staff_id, seq)`.execute(db);
    await sql`create index audit_log_login_seq on audit_log (login_id, seq)`.execute(db);
    await sql`create index audit_log_action_seq on audit_log (action, seq)`.execute(db);
  },
};
