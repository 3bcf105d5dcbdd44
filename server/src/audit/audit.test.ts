import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { auditVerifyResultSchema } from "@ichimado/core/audit/actions";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp, testAuditKey } from "../testing/test-app.ts";
import { verifyAuditChain } from "./verify.ts";
import { AuditWriter } from "./writer.ts";

const run = promisify(execFile);
let t: TestApp;
let owner: pg.Client;

beforeAll(async () => {
  t = await createTestApp();
  await t.createStaff({ loginId: "chain", assignments: [["shimin", "residentClerk"]] });
  await t.createStaff({ loginId: "chainaudit", assignments: [["johoseisaku", "auditor"]] });
  // 24 rows: the three tamperings below touch rows far enough apart not to overlap.
  for (let i = 0; i < 12; i++) {
    const cookie = await t.login("chain");
    await t.call("POST", "/api/v1/auth/counter", { cookie, body: { counterId: "shimin" } });
  }
  owner = new pg.Client({ connectionString: t.database.ownerUrl });
  await owner.connect();
});
afterAll(async () => {
  await owner?.end();
  await t?.close();
});

/**
 * Runs SQL as the owner. On PGlite every connection shares one backend session, so the app pool's
 * SET ROLE applies to this client too: reset it for the duration and put it back after.
 */
async function asOwner(statements: string): Promise<void> {
  const { rows } = await owner.query<{ role: string; login: string }>(
    "select current_user as role, session_user as login",
  );
  const previous = rows[0] as { role: string; login: string };
  try {
    await owner.query(`reset role; ${statements}`);
  } finally {
    if (previous.role !== previous.login) await owner.query(`set role "${previous.role}"`);
  }
}

/** Tampering as someone with direct database access would: as the owner, with the guard trigger off. */
async function tamper(statements: string): Promise<void> {
  await asOwner(
    `alter table audit_log disable trigger user; ${statements}; alter table audit_log enable trigger user`,
  );
}

async function seqs(): Promise<number[]> {
  const res = await owner.query<{ seq: string }>("select seq from audit_log order by seq");
  return res.rows.map((r) => Number(r.seq));
}

async function cliVerify(): Promise<{ code: number; out: string }> {
  try {
    const { stdout } = await run("node", ["--import", "tsx", "server/src/cli.ts", "audit", "verify"], {
      env: { ...process.env, DATABASE_URL: t.database.ownerUrl, ICHIMADO_AUDIT_KEY: testAuditKey },
    });
    return { code: 0, out: stdout };
  } catch (error) {
    const e = error as { code: number; stdout: string };
    return { code: e.code, out: e.stdout };
  }
}

/** 改ざん検査 as the viewer asks for it: an auditor at 情報政策課. */
async function verifyByApi() {
  const cookie = await t.login("chainaudit");
  await t.call("POST", "/api/v1/auth/counter", { cookie, body: { counterId: "johoseisaku" } });
  const res = await t.call("GET", "/api/v1/audit/verify", { cookie });
  expect(res.statusCode, res.body).toBe(200);
  return auditVerifyResultSchema.parse(res.json());
}

describe("audit log", () => {
  it("verifies an untouched chain, from the API and from the CLI", async () => {
    const result = await verifyAuditChain(t.database.db, testAuditKey);
    expect(result.ok).toBe(true);
    expect(result.checkedRows).toBeGreaterThanOrEqual(8);
    const cli = await cliVerify();
    expect(cli.code).toBe(0);
    expect(cli.out).toMatch(/正常/);
    const api = await verifyByApi();
    expect(api).toMatchObject({ ok: true, problems: [] });
    expect(api.checkedRows).toBeGreaterThan(result.checkedRows);
  });

  it("takes a crowd of reads' records from one process without a retry storm", async () => {
    // Two attempts at most: racing each other, 200 appends would need up to 200 rounds; in turn,
    // each links to the row before it at the first try (the first may meet the others' rows once).
    const writer = new AuditWriter(testAuditKey, 2);
    const actor = { staffId: null, loginId: "crowd", counterId: null, clientIp: null };
    const before = (await verifyAuditChain(t.database.db, testAuditKey)).checkedRows;
    await Promise.all(
      Array.from({ length: 200 }, (_, n) =>
        writer.write(t.database.db, actor, {
          action: "person.read",
          target: `crowd:${n}`,
          outcome: "success",
        }),
      ),
    );
    const after = await verifyAuditChain(t.database.db, testAuditKey);
    expect(after).toMatchObject({ ok: true, problems: [] });
    expect(after.checkedRows).toBe(before + 200);
  });

  it("stays one linear chain with concurrent writers that share no lock, and survives rollbacks", async () => {
    const before = (await verifyAuditChain(t.database.db, testAuditKey)).checkedRows;
    // Three writers with their own idea of the chain's end, as three server instances would have.
    const writers = [1, 2, 3].map(() => new AuditWriter(testAuditKey));
    const actor = { staffId: null, loginId: "race", counterId: null, clientIp: null };
    const record = (n: number) =>
      ({ action: "person.search", target: `race:${n}`, outcome: "success" }) as const;
    const pause = () => new Promise((resolve) => setTimeout(resolve, 5));
    let n = 0;
    let committed = 0;
    const inTransaction = (writer: AuditWriter, commit: boolean) =>
      t.database.db
        .transaction()
        .execute(async (trx) => {
          await writer.write(trx, actor, record(n++));
          // Left open a moment: a writer linking to the same row must wait for it, then relink.
          await pause();
          if (!commit) throw new Error("rolled back");
        })
        .then(
          () => void committed++,
          () => undefined,
        );
    const autocommit = (writer: AuditWriter) =>
      writer.write(t.database.db, actor, record(n++)).then(() => void committed++);
    for (let round = 0; round < 4; round++) {
      await Promise.all(
        writers.flatMap((writer, w) => [
          autocommit(writer),
          autocommit(writer),
          inTransaction(writer, (round + w) % 2 === 0),
        ]),
      );
    }
    // A writer whose last row was rolled back links its next row to the real end of the chain.
    for (const writer of writers) await autocommit(writer);
    const result = await verifyAuditChain(t.database.db, testAuditKey);
    expect(result.problems).toEqual([]);
    expect(result.checkedRows).toBe(before + committed);
    const { rows } = await owner.query<{ n: string }>(
      "select count(*) as n from audit_log where login_id = 'race'",
    );
    expect(Number(rows[0]?.n)).toBe(committed);
    expect(committed).toBe(3 * 4 * 2 + 3 * 2 + 3);
  });

  it("cannot be changed by the application's role", async () => {
    await expect(
      t.database.db.updateTable("audit_log").set({ outcome: "success" }).execute(),
    ).rejects.toThrow(/permission denied/);
    await expect(t.database.db.deleteFrom("audit_log").execute()).rejects.toThrow(/permission denied/);
  });

  it("refuses UPDATE, DELETE and TRUNCATE by the owner through the trigger", async () => {
    await expect(asOwner("update audit_log set outcome = 'x'")).rejects.toThrow(/append-only/);
    await expect(asOwner("delete from audit_log")).rejects.toThrow(/append-only/);
    await expect(asOwner("truncate audit_log")).rejects.toThrow(/append-only/);
  });

  it("names an edited row", async () => {
    const [, , third] = await seqs();
    await tamper(`update audit_log set detail = '{"reason":"edited"}' where seq = ${third}`);
    const result = await verifyAuditChain(t.database.db, testAuditKey);
    expect(result.ok).toBe(false);
    expect(result.problems[0]).toMatchObject({ seq: third, kind: "altered" });
    const cli = await cliVerify();
    expect(cli.code).toBe(1);
    expect(cli.out).toContain(`seq ${third}`);
    expect(cli.out).toMatch(/改ざん/);
    // The viewer's 改ざん検査 gives the same answer, and records that it was asked and what it found.
    const api = await verifyByApi();
    expect(api.ok).toBe(false);
    expect(api.problems[0]).toMatchObject({ seq: third, kind: "altered" });
    const { rows } = await owner.query<{ detail: { ok: boolean; problemSeqs: number[] } }>(
      "select detail from audit_log where action = 'audit.verify' order by seq desc limit 1",
    );
    expect(rows[0]?.detail).toMatchObject({ ok: false, problemSeqs: [third] });
  });

  it("names where a row was removed", async () => {
    const before = await seqs();
    const victim = before[8] as number;
    const next = before[9] as number;
    await tamper(`delete from audit_log where seq = ${victim}`);
    const result = await verifyAuditChain(t.database.db, testAuditKey);
    expect(result.problems).toContainEqual(expect.objectContaining({ seq: next, kind: "removedBefore" }));
    const cli = await cliVerify();
    expect(cli.code).toBe(1);
    expect(cli.out).toContain(`seq ${next}: 直前の記録が見つかりません`);
  });

  it("names rows swapped out of order", async () => {
    const all = await seqs();
    const a = all[15] as number;
    const b = all[16] as number;
    await tamper(`update audit_log set seq = -1 where seq = ${a};
      update audit_log set seq = ${a} where seq = ${b};
      update audit_log set seq = ${b} where seq = -1`);
    const result = await verifyAuditChain(t.database.db, testAuditKey);
    expect(result.problems).toContainEqual(expect.objectContaining({ seq: a, kind: "outOfOrder" }));
    const cli = await cliVerify();
    expect(cli.code).toBe(1);
    expect(cli.out).toContain(`seq ${a}:`);
    expect(cli.out).toMatch(/順序が入れ替えられています/);
  });

  it("cannot be forged without the key: a recomputed plain hash still fails", async () => {
    const result = await verifyAuditChain(t.database.db, "some-other-key-some-other-key-xx");
    expect(result.problems[0]?.kind).toBe("altered");
  });
});
