import type { AuditAction, AuditOutcome } from "@ichimado/core/audit/actions";
import { type Kysely, sql } from "kysely";
import type { Database } from "../db/schema.ts";
import { type ChainedFields, chainHash, genesisHash } from "./chain.ts";

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

/**
 * Appends rows to the hash chain with one statement each, without a lock.
 *
 * The chain stays linear because the database refuses a fork: `prev_hash` is unique (migration
 * 0007), so at most one row can follow any row, and the INSERT only happens if the row it links to
 * exists and is committed (visible), so no row links to nothing. A writer links to the last row it
 * knows of; if someone has appended since (the unique index answers: nothing inserted, after
 * waiting for that writer's transaction to end) or its own last row was rolled back (the link
 * target is not there), it reads the tail and tries again. The row is hashed here, in the process
 * that holds the key, never in the database.
 *
 * Order: a row's successor can only be hashed once the row is committed and read (or written by
 * the same writer, after it), and takes its `seq` from the sequence then, so `seq` order is chain
 * order — what the verifier checks.
 */
export class AuditWriter {
  /** Hash of the last row this process wrote or read at the end of the chain. */
  private last: string | undefined;
  /** The end of the line of appends made outside a transaction (see write). */
  private turn: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly key: string,
    /** Each failed attempt means another writer succeeded, so this only bounds a pathological storm. */
    private readonly maxAttempts = 1_000,
  ) {}

  /**
   * Appends one row, in the caller's transaction when given one, so the record commits or rolls
   * back with the change it describes; otherwise as one autocommitted statement.
   */
  write(db: Kysely<Database>, actor: AuditActor, record: AuditRecord): Promise<void> {
    // The time of the act, not of its turn in the line below.
    const fields: Omit<ChainedFields, "prevHash"> = {
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
    };
    if (db.isTransaction) return this.append(db, fields);
    // Appends on their own (every read's record) take turns within the process. Left to race, N
    // of them all link to the same last row, one wins, the rest read the tail and race again: with
    // a few hundred staff searching at once that was minutes of retries for an unlucky one, and
    // errors after maxAttempts (measured: npm run bench -- load --think-ms 5000). In turn, each
    // links to the row the one before it wrote. Appends inside a transaction stay out of the line:
    // one may wait in the database for another transaction's commit, and that transaction may be
    // waiting to append.
    const mine = this.turn.then(() => this.append(db, fields));
    this.turn = mine.catch(() => undefined);
    return mine;
  }

  private async append(db: Kysely<Database>, fields: Omit<ChainedFields, "prevHash">): Promise<void> {
    const detail = JSON.stringify(fields.detail);
    for (let attempt = 0; ; attempt++) {
      const prevHash = this.last ?? (await this.tail(db));
      const hash = chainHash(this.key, { ...fields, prevHash } satisfies ChainedFields);
      const { rows } = await sql<{ seq: number }>`
        insert into audit_log (seq, at, staff_id, login_id, counter_id, action, target, person_ids, detail,
          outcome, client_ip, prev_hash, hash)
        select nextval('audit_log_seq'), ${fields.at}::timestamptz, ${fields.staffId}::bigint,
          ${fields.loginId}::text, ${fields.counterId}::text, ${fields.action}::text, ${fields.target}::text,
          ${fields.personIds}::text[], ${detail}::jsonb, ${fields.outcome}::text, ${fields.clientIp}::text,
          ${prevHash}::text, ${hash}::text
        where ${
          prevHash === genesisHash
            ? sql`not exists (select from audit_log)`
            : sql`exists (select from audit_log where hash = ${prevHash})`
        }
        on conflict (prev_hash) do nothing
        returning seq`.execute(db);
      if (rows.length > 0) {
        this.last = hash;
        return;
      }
      // Someone appended after our last row, or it was rolled back: start from the tail.
      this.last = undefined;
      if (attempt >= this.maxAttempts)
        throw new Error("監査証跡に記録できませんでした (他の書き込みと競合が続いています)");
    }
  }

  private async tail(db: Kysely<Database>): Promise<string> {
    const last = await db
      .selectFrom("audit_log")
      .select("hash")
      .orderBy("seq", "desc")
      .limit(1)
      .executeTakeFirst();
    return last?.hash ?? genesisHash;
  }
}
