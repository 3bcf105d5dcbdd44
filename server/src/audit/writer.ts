import type { AuditAction, AuditOutcome } from "@ichimado/core/audit/actions";
import { type Kysely, sql } from "kysely";
import type { Database } from "../db/schema.ts";
import { chainHash, genesisHash } from "./chain.ts";

/** Who did it, from where; taken from the session by the route layer. */
export interface AuditActor {
  staffId: number | null;
  loginId: string | null;
  counterId: string | null;
  clientIp: string | null;
}

export interface AuditRecord {
  action: AuditAction;
  /** What was touched, e.g. "staff_user:12" or the route's resource name. */
  target: string;
  personIds?: readonly string[];
  /** Criteria and identifiers, never whole payloads of personal data. */
  detail?: Record<string, unknown>;
  outcome: AuditOutcome;
}

// Any constant will do; it only has to be the same for every writer of this database.
const chainLockId = 7_265_019_931;

export class AuditWriter {
  constructor(private readonly key: string) {}

  /**
   * Appends one row, in the caller's transaction when given one, so the record commits or rolls
   * back with the change it describes. The advisory lock orders writers so the chain stays linear.
   */
  async write(db: Kysely<Database>, actor: AuditActor, record: AuditRecord): Promise<void> {
    if (!db.isTransaction) {
      await db.transaction().execute((trx) => this.write(trx, actor, record));
      return;
    }
    await sql`select pg_advisory_xact_lock(${chainLockId})`.execute(db);
    const last = await db
      .selectFrom("audit_log")
      .select("hash")
      .orderBy("seq", "desc")
      .limit(1)
      .executeTakeFirst();
    const row = {
      at: new Date().toISOString(),
      staffId: actor.staffId,
      loginId: actor.loginId,
      counterId: actor.counterId,
      action: record.action,
      target: record.target,
      personIds: [...(record.personIds ?? [])],
      detail: record.detail ?? {},
      outcome: record.outcome,
      clientIp: actor.clientIp,
      prevHash: last?.hash ?? genesisHash,
    };
    await db
      .insertInto("audit_log")
      .values({
        seq: sql<number>`nextval('audit_log_seq')`,
        at: row.at,
        staff_id: row.staffId,
        login_id: row.loginId,
        counter_id: row.counterId,
        action: row.action,
        target: row.target,
        person_ids: row.personIds,
        detail: JSON.stringify(row.detail),
        outcome: row.outcome,
        client_ip: row.clientIp,
        prev_hash: row.prevHash,
        hash: chainHash(this.key, row),
      })
      .execute();
  }
}
