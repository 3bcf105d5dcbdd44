import type { ClaimedJob, RpaJobView } from "@ichimado/core/rpa/jobs";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiToken, revokeApiToken } from "../auth/api-tokens.ts";
import { withOwner } from "../db/owner.ts";
import { insertHouseholds, plainMember as member } from "../testing/register-fixture.ts";
import { createTestApp, type TestApp } from "../testing/test-app.ts";

/** RPA連携: jobs made by the counter's steps, pulled by robots with tokens, seen by staff. */
let t: TestApp;
let clerk: string;
let admin: string;
let robotA: string;
let robotB: string;
let revoked: string;
let scopeless: string;

beforeAll(async () => {
  t = await createTestApp();
  await insertHouseholds(t.database.ownerUrl, [
    {
      id: "H800",
      townCode: "T001",
      lot: "8-1",
      members: [member("8000000001", "入力　一郎", "世帯主"), member("8000000002", "入力　花子", "妻")],
    },
    { id: "H801", townCode: "T001", lot: "8-2", members: [member("8000000011", "単身　三郎", "世帯主")] },
  ]);
  await withOwner(t.database.ownerUrl, async (db) => {
    robotA = await createApiToken(db, { name: "robot-a", scopes: ["rpa"], createdBy: null });
    robotB = await createApiToken(db, { name: "robot-b", scopes: ["rpa"], createdBy: null });
    revoked = await createApiToken(db, { name: "robot-old", scopes: ["rpa"], createdBy: null });
    scopeless = await createApiToken(db, { name: "viewer", scopes: [], createdBy: null });
    await revokeApiToken(db, "robot-old");
  });
  clerk = await t.loginAt("rpaclerk", "shimin", "residentClerk");
  admin = await t.loginAt("rpaadmin", "johoseisaku", "systemAdmin");
}, 180_000);
afterAll(async () => {
  await t?.close();
});

async function openCase(): Promise<number> {
  const opened = await t.call("POST", "/api/v1/cases", { cookie: clerk, body: { channel: "visit" } });
  expect(opened.statusCode).toBe(201);
  return (opened.json() as { id: number }).id;
}

const claim = async (token: string, body: object = {}) => {
  const res = await t.call("POST", "/api/v1/rpa/jobs/claim", { token, body, csrf: false });
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as { jobs: ClaimedJob[] }).jobs;
};
const caseJobs = async (caseId: number) =>
  (
    (await t.call("GET", `/api/v1/cases/${caseId}/rpa-jobs`, { cookie: clerk })).json() as {
      jobs: RpaJobView[];
    }
  ).jobs;
/** Time passes for a job: its lease or its wait ends now. */
const expire = (id: number) =>
  withOwner(t.database.ownerUrl, (db) =>
    sql`update rpa_job set lease_until = now() - interval '1 second', available_at = now() - interval '1 second' where id = ${id}`.execute(
      db,
    ),
  );

describe("RPA jobs", () => {
  it("hand a 転出 taken at the counter to a robot, which reports it typed in", async () => {
    const caseId = await openCase();
    const visitor = await t.call("PUT", `/api/v1/cases/${caseId}/visitor`, {
      cookie: clerk,
      body: { personId: "8000000011", name: "単身　三郎", relation: "self" },
    });
    expect(visitor.statusCode).toBe(200);
    const taken = await t.call("POST", `/api/v1/cases/${caseId}/residence-changes`, {
      cookie: clerk,
      body: {
        kind: "moveOut",
        householdId: "H801",
        occurredOn: new Intl.DateTimeFormat("sv-SE", { timeZone: "Asia/Tokyo" }).format(new Date()),
        movingPersonIds: ["8000000011"],
        outsideAddress: "島根県松江市殿町1番地",
      },
    });
    expect(taken.statusCode, taken.body).toBe(201);
    const residenceChangeId = (taken.json() as { residenceChangeId: number }).residenceChangeId;
    expect((await caseJobs(caseId)).map((j) => [j.scenarioLabel, j.subject, j.statusLabel])).toEqual([
      ["転出入力", "単身　三郎", "待機中"],
    ]);

    const [job, ...none] = await claim(robotA, { scenarios: ["moveOutEntry"] });
    expect(none).toEqual([]);
    expect(job).toMatchObject({
      scenario: "moveOutEntry",
      attempt: 1,
      payload: {
        caseId,
        residenceChangeId,
        reason: "転出",
        notifier: { name: "単身　三郎", relation: "本人" },
        householdId: "H801",
        persons: [{ personId: "8000000011", name: "単身　三郎" }],
        outsideAddress: "島根県松江市殿町1番地",
      },
    });
    expect(await claim(robotB, { scenarios: ["moveOutEntry"] })).toEqual([]);
    const running = await t.call("DELETE", `/api/v1/cases/${caseId}/residence-changes/${residenceChangeId}`, {
      cookie: clerk,
    });
    expect(running.statusCode).toBe(409);
    expect(running.json().error.message).toBe("ロボットが転出入力を処理中のため、いまは取り消せません");

    const done = await t.call("POST", `/api/v1/rpa/jobs/${job?.id}/done`, { token: robotA, csrf: false });
    expect(done.json()).toEqual({ id: job?.id, status: "done" });
    expect((await caseJobs(caseId))[0]).toMatchObject({ statusLabel: "入力済み", robot: "robot-a" });
    // What the case screen polls: when the jobs changed and how many are pending, no names.
    const change = await t.call("GET", `/api/v1/cases/${caseId}/rpa-jobs/change`, { cookie: clerk });
    expect(change.json()).toMatchObject({ pending: 0, changedAt: expect.any(String) });
    const reads = await t.database.db
      .selectFrom("audit_log")
      .select("person_ids")
      .where("target", "=", `case:${caseId}:rpa-jobs`)
      .execute();
    expect(reads.at(-1)?.person_ids).toEqual(["8000000011"]);
    const withdrawn = await t.call(
      "DELETE",
      `/api/v1/cases/${caseId}/residence-changes/${residenceChangeId}`,
      {
        cookie: clerk,
      },
    );
    expect(withdrawn.statusCode).toBe(409);
    expect(withdrawn.json().error.message).toBe(
      "基幹システムへの転出入力が済んでいるため取り消せません。基幹システムで訂正してください",
    );

    // The hand-over is in the audit log with the person, under the robot's name.
    const audit = await t.database.db
      .selectFrom("audit_log")
      .select(["action", "login_id", "person_ids"])
      .where("action", "=", "rpa.handOver")
      .execute();
    expect(audit).toContainEqual({
      action: "rpa.handOver",
      login_id: "api:robot-a",
      person_ids: ["8000000011"],
    });
  });

  it("never gives one job to two robots asking at once, and a certificate line is one job", async () => {
    const caseId = await openCase();
    const lines = ["8000000001", "8000000002"].flatMap((personId) =>
      ["certificate-resident-record", "certificate-seal", "certificate-income"].map((certificateKey) => ({
        certificateKey,
        personId,
        quantity: 1,
        purpose: "employment",
        years: certificateKey === "certificate-income" ? [2025] : [],
      })),
    );
    const accepted = await t.call("POST", `/api/v1/cases/${caseId}/certificate-requests`, {
      cookie: clerk,
      body: { requester: { kind: "self" }, lines },
    });
    expect(accepted.statusCode, accepted.body).toBe(201);
    const scenarios = ["residentRecordIssue", "sealCertificateIssue", "taxCertificateIssue"];
    const taken: number[][] = [[], []];
    for (let round = 0; round < 4; round++) {
      const [a, b] = await Promise.all([
        claim(robotA, { scenarios, max: 2 }),
        claim(robotB, { scenarios, max: 2 }),
      ]);
      taken[0]?.push(...a.map((j) => j.id));
      taken[1]?.push(...b.map((j) => j.id));
    }
    const all = [...(taken[0] ?? []), ...(taken[1] ?? [])];
    expect(all).toHaveLength(6);
    expect(new Set(all).size).toBe(6);
    expect((await caseJobs(caseId)).map((j) => j.scenarioLabel).sort()).toEqual(
      [
        "住民票発行",
        "住民票発行",
        "印鑑証明書発行",
        "印鑑証明書発行",
        "所得・課税証明書発行",
        "所得・課税証明書発行",
      ].sort(),
    );
    for (const id of taken[0] ?? [])
      await t.call("POST", `/api/v1/rpa/jobs/${id}/done`, { token: robotA, csrf: false });
    for (const id of taken[1] ?? [])
      await t.call("POST", `/api/v1/rpa/jobs/${id}/done`, { token: robotB, csrf: false });
  });

  it("hands a job out again when its robot's lease runs out, and shows a failure with its message", async () => {
    const caseId = await openCase();
    await t.call("POST", `/api/v1/cases/${caseId}/certificate-requests`, {
      cookie: clerk,
      body: {
        requester: { kind: "self" },
        lines: [{ certificateKey: "certificate-seal", personId: "8000000001", quantity: 1, purpose: "bank" }],
      },
    });
    const [first] = await claim(robotA, { scenarios: ["sealCertificateIssue"], leaseSeconds: 60 });
    expect(first?.attempt).toBe(1);
    expect(await claim(robotB, { scenarios: ["sealCertificateIssue"] })).toEqual([]);
    // robot A stops answering; its lease ends.
    await expire(first?.id ?? 0);
    const [again] = await claim(robotB, { scenarios: ["sealCertificateIssue"] });
    expect(again).toMatchObject({ id: first?.id, attempt: 2 });
    const late = await t.call("POST", `/api/v1/rpa/jobs/${first?.id}/done`, { token: robotA, csrf: false });
    expect(late.statusCode).toBe(409);

    const failed = await t.call("POST", `/api/v1/rpa/jobs/${again?.id}/failed`, {
      token: robotB,
      csrf: false,
      body: { message: "基幹システムの画面が応答しません" },
    });
    expect(failed.json()).toEqual({ id: again?.id, status: "failed" });
    expect((await caseJobs(caseId))[0]).toMatchObject({
      statusLabel: "再試行待ち",
      lastError: "基幹システムの画面が応答しません",
      attempts: 2,
    });
    // Not before its wait is over.
    expect(await claim(robotA, { scenarios: ["sealCertificateIssue"] })).toEqual([]);
    await expire(again?.id ?? 0);
    const [third] = await claim(robotA, { scenarios: ["sealCertificateIssue"] });
    expect(third?.attempt).toBe(3);
    const refused = await t.call("POST", `/api/v1/rpa/jobs/${third?.id}/failed`, {
      token: robotA,
      csrf: false,
      body: { message: "印鑑登録がありません", retryable: false },
    });
    expect(refused.json()).toEqual({ id: third?.id, status: "dead" });

    const stopped = await t.call("GET", "/api/v1/rpa/jobs?status=dead", { cookie: admin });
    expect(stopped.statusCode).toBe(200);
    expect((stopped.json() as { jobs: RpaJobView[] }).jobs).toContainEqual(
      expect.objectContaining({
        id: third?.id,
        statusLabel: "停止（要確認）",
        lastError: "印鑑登録がありません",
      }),
    );
    expect((await t.call("GET", "/api/v1/rpa/jobs?status=dead", { cookie: clerk })).statusCode).toBe(403);
    // Every member of staff sees the queue at a glance (system status).
    const queue = await t.call("GET", "/api/v1/rpa/queue", { cookie: clerk });
    expect(queue.json()).toMatchObject({
      counts: { queued: 0, running: 0, failed: 0, dead: 1 },
      oldestWaitingSince: null,
    });
    const retried = await t.call("POST", `/api/v1/rpa/jobs/${third?.id}/retry`, { cookie: admin });
    expect(retried.json()).toEqual({ id: third?.id, status: "queued" });
    const [fourth] = await claim(robotA, { scenarios: ["sealCertificateIssue"] });
    expect(fourth).toMatchObject({ id: third?.id, attempt: 1 });
    expect((await t.call("GET", "/api/v1/rpa/queue", { cookie: clerk })).json()).toMatchObject({
      counts: { queued: 0, running: 1, failed: 0, dead: 0 },
    });
  });

  it("cancels a cancelled case's jobs, and refuses to cancel a case a robot is typing in", async () => {
    const request = async () => {
      const caseId = await openCase();
      await t.call("POST", `/api/v1/cases/${caseId}/certificate-requests`, {
        cookie: clerk,
        body: {
          requester: { kind: "self" },
          lines: [
            { certificateKey: "certificate-seal", personId: "8000000002", quantity: 1, purpose: "bank" },
          ],
        },
      });
      return caseId;
    };
    const idle = await request();
    const cancelled = await t.call("POST", `/api/v1/cases/${idle}/cancel`, { cookie: clerk });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect((await caseJobs(idle)).map((j) => j.statusLabel)).toEqual(["取消"]);

    const busy = await request();
    const [held] = await claim(robotA, { scenarios: ["sealCertificateIssue"] });
    expect(held?.payload).toMatchObject({ caseId: busy });
    const refused = await t.call("POST", `/api/v1/cases/${busy}/cancel`, { cookie: clerk });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toBe("ロボットが印鑑証明書発行を処理中のため、いまは取り消せません");
    await t.call("POST", `/api/v1/rpa/jobs/${held?.id}/done`, { token: robotA, csrf: false });
  });

  it("answers robots without a valid token 401, a token without the scope 403, bad reports 4xx", async () => {
    for (const token of [undefined, revoked, "ichimado_not-a-token", "Basic abc"]) {
      const res = await t.call("POST", "/api/v1/rpa/jobs/claim", {
        ...(token ? { token } : {}),
        body: {},
        csrf: false,
      });
      expect(res.statusCode, String(token)).toBe(401);
    }
    // A staff session is not a robot.
    expect((await t.call("POST", "/api/v1/rpa/jobs/claim", { cookie: clerk, body: {} })).statusCode).toBe(
      401,
    );
    expect(
      (await t.call("POST", "/api/v1/rpa/jobs/claim", { token: scopeless, body: {}, csrf: false }))
        .statusCode,
    ).toBe(403);
    const odd = await t.call("POST", "/api/v1/rpa/jobs/claim", {
      token: robotA,
      body: { leaseSeconds: 5 },
      csrf: false,
    });
    expect(odd.statusCode).toBe(400);
    expect(odd.json().error.message).toContain("リース時間は10秒以上です");
    const missing = await t.call("POST", "/api/v1/rpa/jobs/999999/done", { token: robotA, csrf: false });
    expect(missing.statusCode).toBe(404);
    const empty = await t.call("POST", "/api/v1/rpa/jobs/1/failed", {
      token: robotA,
      csrf: false,
      body: { message: " " },
    });
    expect(empty.statusCode).toBe(400);
  });
});
