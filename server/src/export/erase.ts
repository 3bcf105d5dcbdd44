import { sql } from "kysely";
import type { OwnerDb } from "../db/owner.ts";

/**
 * What the erasure (E③) empties, children before parents: the register, every case and what hangs
 * from it, the robots' jobs, the import history (its problems quote rows), sessions, staff's read
 * marks and the audit log (it names persons and staff). Configuration stays: counters, roles, the address master, the
 * catalog, certificate settings, forms and leaflets, the gaiji map, the feed settings.
 */
export const erasedTables = [
  "rpa_job",
  "printed_document",
  "case_certificate_request",
  "case_event",
  "case_memo",
  "case_procedure",
  "case_residence_change",
  "case_subject",
  "reception_case",
  "support_measure_ack",
  "related_person",
  "registry_memo",
  "move_out_certificate",
  "arrears",
  "issuance_ban",
  "support_measure",
  "enrollment",
  "residence_change",
  "person",
  "household",
  "import_run",
  "staff_session",
  "staff_assignment",
  "notice_read",
  "audit_log",
] as const;

export interface ErasureReport {
  at: string;
  /** rows deleted, by table */
  deleted: Record<string, number>;
  /** staff accounts kept as anonymous rows (configuration names who made it) */
  staffAnonymised: number;
  /** the audit chain's last hash before it was erased, to tie this report to the old log */
  lastAuditHash: string | null;
}

/**
 * Erases all personal data in one transaction, then rewrites the emptied tables so the deleted
 * rows leave the data files too. Staff accounts are not deleted (the catalog's and the forms'
 * versions name who made them) but made anonymous and unusable. The audit log's guard against
 * deletion is lifted for this transaction only.
 */
export async function erasePersonalData(db: OwnerDb): Promise<ErasureReport> {
  const report = await db.transaction().execute(async (trx) => {
    const last = await sql<{ hash: string }>`select hash from audit_log order by seq desc limit 1`.execute(
      trx,
    );
    const deleted: Record<string, number> = {};
    await sql`alter table audit_log disable trigger user`.execute(trx);
    for (const table of erasedTables) {
      const result = await sql`delete from ${sql.id(table)}`.execute(trx);
      deleted[table] = Number(result.numAffectedRows ?? 0);
    }
    await sql`alter table audit_log enable trigger user`.execute(trx);
    const anonymised = await sql`update staff_user set
        login_id = 'erased-' || id, name = '消去済みの職員', password_hash = '!',
        must_change_password = true, valid_to = least(coalesce(valid_to, current_date), current_date)`.execute(
      trx,
    );
    await sql`update api_token set created_by = null`.execute(trx);
    return {
      at: new Date().toISOString(),
      deleted,
      staffAnonymised: Number(anonymised.numAffectedRows ?? 0),
      lastAuditHash: last.rows[0]?.hash ?? null,
    };
  });
  // Deleted rows stay in the data files until they are rewritten.
  for (const table of [...erasedTables, "staff_user"]) await sql`vacuum full ${sql.id(table)}`.execute(db);
  return report;
}
