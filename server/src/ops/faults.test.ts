import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { startPgCluster } from "../testing/pg-cluster.ts";
import { startServerProcess } from "../testing/server-process.ts";
import { createTestApp } from "../testing/test-app.ts";
import { adminQuery } from "../testing/test-database.ts";

/**
 * Faults done for real: a PostgreSQL server stopped and started under load, and the server process
 * killed with SIGKILL in the middle of a case. Nothing here is simulated.
 */
const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("PostgreSQL restarted while requests run", () => {
  it("answers 503 meanwhile, recovers by itself, and loses nothing it accepted", async () => {
    const cluster = await startPgCluster();
    cleanups.push(() => cluster.destroy());
    const shared = process.env.DATABASE_URL;
    process.env.DATABASE_URL = cluster.url;
    const t = await createTestApp().finally(() => {
      if (shared === undefined) delete process.env.DATABASE_URL;
      else process.env.DATABASE_URL = shared;
    });
    cleanups.push(() => t.close().catch(() => {}));
    await t.createStaff({ loginId: "faultclerk", assignments: [["shimin", "residentClerk"]] });
    const cookie = await t.login("faultclerk");
    await t.call("POST", "/api/v1/auth/counter", { cookie, body: { counterId: "shimin" } });

    const accepted: number[] = [];
    const statuses = new Map<number, number>();
    let phase: "before" | "down" | "after" = "before";
    const acceptedAfter: number[] = [];
    let running = true;
    const worker = async () => {
      while (running) {
        const res = await t.call("POST", "/api/v1/cases", { cookie, body: { channel: "visit" } });
        statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
        if (res.statusCode === 201) {
          const { id } = res.json() as { id: number };
          accepted.push(id);
          if (phase === "after") acceptedAfter.push(id);
        } else if (res.statusCode === 503) {
          expect(res.headers["retry-after"]).toBe("5");
          expect(res.json()).toMatchObject({ error: { code: "UNAVAILABLE" } });
          await sleep(50);
        }
      }
    };
    const workers = Array.from({ length: 4 }, worker);
    await sleep(1_000);
    phase = "down";
    cluster.stop();
    const readyWhileDown = await t.call("GET", "/readyz");
    await sleep(2_000);
    cluster.start();
    phase = "after";
    const deadline = Date.now() + 60_000;
    while (acceptedAfter.length < 20 && Date.now() < deadline) await sleep(100);
    running = false;
    await Promise.all(workers);

    expect(readyWhileDown.statusCode).toBe(503);
    expect((await t.call("GET", "/readyz")).statusCode).toBe(200);
    expect([...statuses.keys()].sort()).toEqual([201, 503]);
    expect(acceptedAfter.length).toBeGreaterThanOrEqual(20);
    const stored = await t.database.db
      .selectFrom("reception_case")
      .select("id")
      .where("id", "in", accepted)
      .execute();
    expect(stored.map((r) => r.id).sort((a, b) => a - b)).toEqual([...accepted].sort((a, b) => a - b));
  }, 180_000);
});

describe("the server killed with SIGKILL during a case", () => {
  it("resumes the case intact after a restart, with every accepted memo and a sound audit chain", async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "ichimado-kill-"));
    cleanups.push(() => fs.rmSync(dataDir, { recursive: true, force: true }));
    const env: Record<string, string> = {
      ICHIMADO_DATA_DIR: dataDir,
      DEMO_RESIDENTS: "100",
      FEED_POLL_SECONDS: "0",
      WEB_DIST: path.join(dataDir, "no-web"),
    };
    const shared = process.env.DATABASE_URL;
    if (shared) {
      const name = `ichimado_test_${randomBytes(6).toString("hex")}`;
      await adminQuery(shared, `create database ${name}`);
      cleanups.push(() => adminQuery(shared, `drop database if exists ${name} with (force)`));
      const url = new URL(shared);
      url.pathname = `/${name}`;
      env.DATABASE_URL = url.toString();
    }

    let server = await startServerProcess(env, ["--demo"]);
    cleanups.push(() => void server.child.kill("SIGKILL"));
    const post = (cookie: string, url: string, body: unknown) =>
      fetch(`${server.url}${url}`, {
        method: "POST",
        headers: { cookie, "content-type": "application/json", "x-requested-with": "ichimado" },
        body: JSON.stringify(body),
      });
    const login = await post("", "/api/v1/auth/login", { loginId: "shimin01", password: "ichimado-demo-1" });
    expect(login.status, server.output()).toBe(200);
    const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
    expect((await post(cookie, "/api/v1/auth/counter", { counterId: "shimin" })).status).toBe(200);
    const created = await post(cookie, "/api/v1/cases", { channel: "visit" });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: number };
    expect((await post(cookie, `/api/v1/cases/${id}/memos`, { text: "来庁目的: 転入" })).status).toBe(201);

    // A burst of memos, and the process killed while some are in flight.
    const texts = Array.from({ length: 30 }, (_, i) => `メモ ${i + 1}`);
    const sent = texts.map((text) =>
      post(cookie, `/api/v1/cases/${id}/memos`, { text }).then(
        (r) => ({ text, status: r.status }),
        () => ({ text, status: 0 }),
      ),
    );
    await sleep(150);
    server.child.kill("SIGKILL");
    const answers = await Promise.all(sent);
    await server.exited;
    const acceptedMemos = answers.filter((a) => a.status === 201).map((a) => a.text);
    if (process.env.FAULTS_VERBOSE)
      console.log("accepted before the kill", acceptedMemos.length, "of", texts.length);
    expect(answers.every((a) => a.status === 201 || a.status === 0)).toBe(true);
    // the kill fell in the middle of the burst, not after it
    expect(acceptedMemos.length).toBeLessThan(texts.length);

    server = await startServerProcess(env, ["--demo"]);
    // The session lives in the database, so the clerk carries on without logging in again.
    const detail = await fetch(`${server.url}/api/v1/cases/${id}`, { headers: { cookie } });
    expect(detail.status, server.output()).toBe(200);
    const body = (await detail.json()) as { status: string; memos: { text: string }[] };
    const memoTexts = body.memos.map((m) => m.text);
    expect(memoTexts).toContain("来庁目的: 転入");
    for (const text of acceptedMemos) expect(memoTexts).toContain(text);
    // what was not acknowledged may or may not have landed, but never twice
    expect(new Set(memoTexts).size).toBe(memoTexts.length);
    expect(body.status).toBe("open");
    expect((await post(cookie, `/api/v1/cases/${id}/memos`, { text: "再開後のメモ" })).status).toBe(201);

    // Graceful shutdown: SIGTERM closes the server and its database and exits 0.
    server.child.kill("SIGTERM");
    expect(await server.exited).toBe(0);
    const verify = spawnSync(process.execPath, ["--import", "tsx", "server/src/cli.ts", "audit", "verify"], {
      cwd: path.resolve(import.meta.dirname, "../../.."),
      env: { ...process.env, ...env, ICHIMADO_MODE: "demo" },
      encoding: "utf8",
    });
    expect(verify.stdout + verify.stderr).toContain("監査証跡は正常です");
    expect(verify.status).toBe(0);
  }, 300_000);
});
