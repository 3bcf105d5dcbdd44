import type { AuditProblem, AuditVerifyResult } from "@ichimado/core/audit/actions";
import type { Kysely } from "kysely";
import type { Database } from "../db/schema.ts";
import { chainHash, genesisHash } from "./chain.ts";

const batchSize = 5_000;
const maxProblems = 100;

/**
 * Recomputes every row's HMAC and follows the chain in seq order. Names each row whose content
 * no longer matches its hash (altered), each place where rows are missing (removedBefore), and
 * each row that links to a row placed after it (outOfOrder).
 */
export async function verifyAuditChain(db: Kysely<Database>, key: string): Promise<AuditVerifyResult> {
  const problems: AuditProblem[] = [];
  let expectedPrev = genesisHash;
  let afterSeq = -1;
  let checkedRows = 0;
  for (;;) {
    const rows = await db
      .selectFrom("audit_log")
      .selectAll()
      .where("seq", ">", afterSeq)
      .orderBy("seq")
      .limit(batchSize)
      .execute();
    if (rows.length === 0) break;
    for (const r of rows) {
      checkedRows++;
      const recomputed = chainHash(key, {
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
        prevHash: r.prev_hash,
      });
      if (recomputed !== r.hash) {
        problems.push({
          seq: r.seq,
          kind: "altered",
          message: `seq ${r.seq}: 記録内容がハッシュと一致しません (改ざんされています)`,
        });
      } else if (r.prev_hash !== expectedPrev) {
        problems.push(await classifyBreak(db, r.seq, r.prev_hash));
      }
      expectedPrev = r.hash;
      afterSeq = r.seq;
      if (problems.length >= maxProblems) return { ok: false, checkedRows, problems };
    }
  }
  return { ok: problems.length === 0, checkedRows, problems };
}

async function classifyBreak(db: Kysely<Database>, seq: number, prevHash: string): Promise<AuditProblem> {
  const predecessor = await db
    .selectFrom("audit_log")
    .select("seq")
    .where("hash", "=", prevHash)
    .executeTakeFirst();
  if (predecessor) {
    return {
      seq,
      kind: "outOfOrder",
      message: `seq ${seq}: 直前ではなく seq ${predecessor.seq} の記録に続いています (順序が入れ替えられています)`,
    };
  }
  return {
    seq,
    kind: "removedBefore",
    message: `seq ${seq}: 直前の記録が見つかりません (この行の前の記録が削除されています)`,
  };
}
