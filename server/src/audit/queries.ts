import type { AuditEntry, AuditQuery } from "@ichimado/core/audit/actions";
import type { Kysely } from "kysely";
import type { Database } from "../db/schema.ts";

export async function queryAuditLog(db: Kysely<Database>, q: AuditQuery): Promise<AuditEntry[]> {
  let query = db.selectFrom("audit_log").selectAll().orderBy("seq", "desc").limit(q.limit);
  if (q.from) query = query.where("at", ">=", new Date(q.from));
  if (q.to) query = query.where("at", "<", new Date(q.to));
  if (q.loginId) query = query.where("login_id", "=", q.loginId);
  if (q.action) query = query.where("action", "=", q.action);
  if (q.personId) query = query.where("person_ids", "@>", [q.personId]);
  if (q.beforeSeq) query = query.where("seq", "<", q.beforeSeq);
  const rows = await query.execute();
  return rows.map((r) => ({
    seq: r.seq,
    at: new Date(r.at).toISOString(),
    staffId: r.staff_id,
    loginId: r.login_id,
    counterId: r.counter_id,
    action: r.action,
    target: r.target,
    personIds: r.person_ids,
    detail: r.detail,
    outcome: r.outcome,
    clientIp: r.client_ip,
  }));
}
