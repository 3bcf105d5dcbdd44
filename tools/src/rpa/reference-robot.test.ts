import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { ClaimedJob } from "@ichimado/core/rpa/jobs";
import type { ResidenceEntryPayload } from "@ichimado/core/rpa/scenarios";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runRobot } from "./reference-robot.ts";
import {
  coreSystemEntryListSchema,
  type SampleCoreSystem,
  startSampleCoreSystem,
} from "./sample-core-system.ts";

/**
 * The robot against the sample core system and a stand-in for Ichimado's robot API (the real API
 * is driven end to end in e2e/rpa.spec.ts): what it types, and how it reports a refusal.
 */
const moveOut = (id: number, more: Partial<ResidenceEntryPayload>): ClaimedJob => ({
  id,
  scenario: "moveOutEntry",
  attempt: 1,
  leaseUntil: new Date(Date.now() + 300_000).toISOString(),
  payload: {
    caseId: 100 + id,
    acceptedOn: "2026-10-05",
    counterId: "shimin",
    residenceChangeId: 200 + id,
    reason: "転出",
    occurredOn: "2026-10-10",
    notifiedOn: "2026-10-05",
    notifier: { name: "出雲　太郎", relation: "本人" },
    householdId: "H1",
    persons: [{ personId: "0000000019", name: "出雲　太郎" }],
    newPersons: [],
    newAddress: null,
    outsideAddress: "島根県松江市殿町1番地",
    moveOutCertificate: null,
    newHeadId: null,
    newHouseholdHeadId: null,
    targetHouseholdId: null,
    note: "",
    ...more,
  },
});

let core: SampleCoreSystem;
let api: Server;
let apiBase: string;
let queue: ClaimedJob[] = [];
const reports: { id: number; outcome: string; body: unknown }[] = [];

beforeAll(async () => {
  core = await startSampleCoreSystem();
  api = createServer(async (request, response) => {
    let text = "";
    for await (const chunk of request) text += String(chunk);
    const body: unknown = text ? JSON.parse(text) : null;
    response.setHeader("content-type", "application/json");
    if (request.headers.authorization !== "Bearer ichimado_test") {
      response.statusCode = 401;
      return response.end(
        JSON.stringify({ error: { code: "UNAUTHENTICATED", message: "トークンが無効です" } }),
      );
    }
    if (request.url === "/api/v1/rpa/jobs/claim")
      return response.end(JSON.stringify({ jobs: queue.splice(0, 1) }));
    const report = /^\/api\/v1\/rpa\/jobs\/(\d+)\/(done|failed)$/.exec(request.url ?? "");
    if (!report) {
      response.statusCode = 404;
      return response.end("{}");
    }
    reports.push({ id: Number(report[1]), outcome: report[2] ?? "", body });
    response.end(JSON.stringify({ id: Number(report[1]), status: report[2] === "done" ? "done" : "dead" }));
  });
  await new Promise<void>((resolve) => api.listen(0, "127.0.0.1", resolve));
  apiBase = `http://127.0.0.1:${(api.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await core?.close();
  await new Promise((resolve) => api?.close(resolve));
});

const executablePath = "/usr/bin/chromium";
const lines: string[] = [];
const robot = (coreSystemUrl = core.url) =>
  runRobot({
    apiBase,
    token: "ichimado_test",
    coreSystemUrl,
    once: true,
    executablePath,
    log: (l) => lines.push(l),
  });

describe("the reference robot", () => {
  it("types each person of a 転出 with 和暦 dates, and a screen's refusal stops the job", async () => {
    queue = [
      moveOut(1, {
        persons: [
          { personId: "0000000019", name: "出雲　太郎" },
          { personId: "0000000027", name: "出雲　花子" },
        ],
      }),
      moveOut(2, { notifier: null }),
    ];
    const outcomes = await robot();
    expect(outcomes.map((o) => [o.id, o.status, o.entryNumbers, o.error])).toEqual([
      [1, "done", ["T-0001", "T-0002"], null],
      [2, "dead", [], "出雲　太郎: 入力エラー: 届出人を入力してください"],
    ]);
    expect(reports).toEqual([
      { id: 1, outcome: "done", body: null },
      {
        id: 2,
        outcome: "failed",
        body: { message: "出雲　太郎: 入力エラー: 届出人を入力してください", retryable: false },
      },
    ]);
    const { entries } = coreSystemEntryListSchema.parse(
      await (await fetch(`${core.url}/api/entries`)).json(),
    );
    expect(entries).toEqual([
      {
        number: "T-0001",
        personId: "0000000019",
        name: "出雲　太郎",
        occurredOn: "2026-10-10",
        notifiedOn: "2026-10-05",
        destination: "島根県松江市殿町1番地",
        notifier: "出雲　太郎（本人）",
      },
      expect.objectContaining({ number: "T-0002", personId: "0000000027", name: "出雲　花子" }),
    ]);
    expect(lines[0]).toBe("ジョブ 1 転出入力（1回目）: 登録しました T-0001、T-0002");
  });

  it("reports a core system it cannot reach as a failure worth retrying", async () => {
    reports.length = 0;
    queue = [moveOut(3, {})];
    const closed = await startSampleCoreSystem();
    await closed.close();
    const [outcome] = await robot(closed.url);
    expect(outcome?.error).toMatch(/^基幹システムの画面を操作できませんでした: /);
    expect(reports).toMatchObject([{ id: 3, outcome: "failed", body: { retryable: true } }]);
  });

  it("says which scenarios it cannot type, before taking any job", async () => {
    await expect(
      runRobot({ apiBase, token: "ichimado_test", coreSystemUrl: core.url, scenarios: ["birthEntry"] }),
    ).rejects.toThrow("このロボットは 出生入力 を入力できません");
  });

  it("stops with Ichimado's message when the token is refused", async () => {
    await expect(
      runRobot({ apiBase, token: "wrong", coreSystemUrl: core.url, once: true, executablePath }),
    ).rejects.toThrow("いちまどが /claim を断りました (401): トークンが無効です");
  });
});
