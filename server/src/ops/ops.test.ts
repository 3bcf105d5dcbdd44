import { PassThrough } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../app.ts";
import { createApiToken } from "../auth/api-tokens.ts";
import { createTestApp, type TestApp } from "../testing/test-app.ts";
import { slaSeconds } from "./metrics.ts";
import { readServiceLevel, ServiceLevelRecorder } from "./service-level.ts";

/** Metrics and the SLA figures on a real database. */
let t: TestApp;
let metricsToken: string;
let rpaToken: string;
let clerk: string;

beforeAll(async () => {
  t = await createTestApp();
  metricsToken = await createApiToken(t.database.db, {
    name: "prometheus",
    scopes: ["metrics"],
    createdBy: null,
  });
  rpaToken = await createApiToken(t.database.db, { name: "robot", scopes: ["rpa"], createdBy: null });
  clerk = await t.loginAt("opsclerk", "shimin", "residentClerk");
}, 180_000);
afterAll(async () => {
  await t?.close();
});

describe("/metrics", () => {
  it("answers only a token with the metrics scope", async () => {
    expect((await t.call("GET", "/metrics", { csrf: false })).statusCode).toBe(401);
    expect((await t.call("GET", "/metrics", { token: rpaToken, csrf: false })).statusCode).toBe(403);
    expect((await t.call("GET", "/metrics", { cookie: clerk })).statusCode).toBe(401);
  });

  it("has latency per route template, never the query string that names a person", async () => {
    const searched = await t.call("GET", `/api/v1/search/persons?name=${encodeURIComponent("出雲太郎")}`, {
      cookie: clerk,
    });
    expect(searched.statusCode).toBeLessThan(500);
    await t.call("GET", "/api/v1/no-such-route-9f2", { cookie: clerk });
    const res = await t.call("GET", "/metrics", { token: metricsToken, csrf: false });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toMatch(/^text\/plain/);
    expect(res.body).toMatch(
      /ichimado_http_request_duration_seconds_bucket\{le="3",method="POST",route="\/api\/v1\/auth\/counter",status="200"\} 1/,
    );
    expect(res.body).toContain('method="GET",route="/api/v1/search/persons",status="');
    expect(res.body).toContain('route="(unmatched)"');
    expect(res.body).not.toContain("no-such-route");
    expect(res.body).not.toContain("出雲");
    expect(res.body).not.toContain(encodeURIComponent("出雲"));
    expect(res.body).toContain("process_cpu_seconds_total");
  });
});

describe("the access log", () => {
  it("is one JSON line a request with the route template, status and staff, and no resident's data", async () => {
    const stream = new PassThrough();
    let written = "";
    stream.on("data", (chunk) => {
      written += String(chunk);
    });
    const logged = await buildApp(
      { ...t.ctx, config: { ...t.ctx.config, logLevel: "info" } },
      { logStream: stream },
    );
    try {
      const name = "出雲　太郎";
      const res = await logged.inject({
        method: "GET",
        url: `/api/v1/search/persons?name=${encodeURIComponent(name)}`,
        headers: { cookie: clerk },
      });
      expect(res.statusCode).toBe(200);
      await logged.inject({ method: "GET", url: "/api/v1/persons/0001000001", headers: { cookie: clerk } });
    } finally {
      await logged.close();
    }
    const lines = written
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .filter((l) => l.msg === "request");
    expect(lines.map((l) => l.route)).toEqual(["/api/v1/search/persons", "/api/v1/persons/:id"]);
    expect(lines[0]).toMatchObject({ method: "GET", status: 200, counter: "shimin" });
    expect(typeof lines[0]?.staff).toBe("number");
    expect(written).not.toContain("出雲");
    expect(written).not.toContain(encodeURIComponent("出雲"));
    expect(written).not.toContain("0001000001");
    expect(written).not.toContain("ichimado_session");
  });
});

describe("service level", () => {
  it("adds each instance's counts per day, keeps heartbeats, and judges the goals", async () => {
    const db = t.database.db;
    const at = new Date("2026-12-01T10:00:00+09:00");
    const a = new ServiceLevelRecorder(db, slaSeconds, "app-1", () => at);
    const b = new ServiceLevelRecorder(db, slaSeconds, "app-2", () => at);
    for (let i = 0; i < 998; i++) a.observe("/api/v1/search/persons", 0.05, 200);
    a.observe("/api/v1/cases/:id", 3.5, 200);
    a.observe("/api/v1/cases/:id", 0.01, 503);
    b.observe("/api/v1/statistics/summary", 12, 200);
    await Promise.all([a.flush(), a.flush(), b.flush()]);
    // a second flush with nothing new adds nothing
    await a.flush();
    const rows = await db.selectFrom("service_level_daily").selectAll().orderBy("instance").execute();
    expect(rows).toEqual([
      {
        day: "2026-12-01",
        instance: "app-1",
        requests: 1000,
        within_goal: 998,
        server_errors: 1,
        excluded: 0,
      },
      { day: "2026-12-01", instance: "app-2", requests: 1, within_goal: 0, server_errors: 0, excluded: 1 },
    ]);

    const report = await readServiceLevel(db, "2026-12-01", "2026-12-01", new Date());
    // the heartbeats were written now, not on 2026-12-01: that day precedes the first one
    expect(report.days).toEqual([]);

    const today = new Date();
    const todayReport = await readServiceLevel(db, "2026-01-01", "2099-12-31", today);
    expect(todayReport.days.length).toBeGreaterThanOrEqual(1);
    expect(todayReport.total.upMinutes).toBeGreaterThanOrEqual(1);
  });

  it("reads a day's figures, planned stops and missing minutes", async () => {
    const db = t.database.db;
    const day = "2026-11-02";
    const midnight = Date.parse(`${day}T00:00:00+09:00`);
    const beats = [];
    // up all day but 6 minutes, of which 2 fall inside a 60-minute planned stop
    const down = new Set([100, 101, 102, 103, 130, 131]);
    for (let m = 0; m < 1440; m++) if (!down.has(m)) beats.push({ minute: new Date(midnight + m * 60_000) });
    await db.insertInto("service_heartbeat").values(beats).execute();
    await db
      .insertInto("planned_outage")
      .values({
        starts_at: new Date(midnight + 120 * 60_000),
        ends_at: new Date(midnight + 180 * 60_000),
        reason: "バージョンアップ",
        created_by: "test",
      })
      .execute();
    await db
      .insertInto("service_level_daily")
      .values({
        day,
        instance: "app-1",
        requests: 10_000,
        within_goal: 9_995,
        server_errors: 2,
        excluded: 40,
      })
      .execute();
    const report = await readServiceLevel(db, day, day, new Date("2026-11-03T12:00:00+09:00"));
    expect(report.days).toHaveLength(1);
    const [d] = report.days;
    expect(d).toMatchObject({ day, requests: 10_000, withinGoal: 9_995, dueMinutes: 1380, upMinutes: 1376 });
    expect(d?.withinGoalShare).toBeCloseTo(0.9995, 6);
    expect(d?.meetsResponseGoal).toBe(true);
    // the four minutes down outside the planned stop are lost: 1376 of 1380 due
    expect(d?.availability).toBeCloseTo(1376 / 1380, 9);
    expect(d?.meetsAvailabilityGoal).toBe(true);
  });
});
