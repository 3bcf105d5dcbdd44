import { japanDate } from "@ichimado/core/common/dates";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withOwner } from "../db/owner.ts";
import { createTestApp, type TestApp } from "../testing/test-app.ts";
import { describeExport, dictionary } from "./export.ts";
import { exportedTables } from "./tables.ts";

/**
 * データ出力 (N44, E②, C③) on a real database: the period's 対応履歴 through the route 統計 shares,
 * the data dictionary without the data, who may ask, and the audit row of every download.
 */
let t: TestApp;
let supervisor: string;
let exporter: string;
let clerk: string;
let auditor: string;
let caseId: number;
const today = japanDate(new Date());
const period = `from=${today}&to=${today}`;

async function staffAt(loginId: string, roleId: string): Promise<string> {
  await t.createStaff({ loginId, assignments: [["shimin", roleId]] });
  const cookie = await t.login(loginId);
  const chosen = await t.call("POST", "/api/v1/auth/counter", { cookie, body: { counterId: "shimin" } });
  expect(chosen.statusCode, chosen.body).toBe(200);
  return cookie;
}

const csvRows = (payload: Buffer): Record<string, string>[] =>
  parse(payload.toString("utf-8").replace(/^\uFEFF/, ""), { columns: true });

const exportRows = (loginId: string) =>
  t.database.db
    .selectFrom("audit_log")
    .select(["target", "detail"])
    .where("action", "=", "data.export")
    .where("login_id", "=", loginId)
    .orderBy("seq")
    .execute();

beforeAll(async () => {
  t = await createTestApp();
  // データ出力 without 統計: what the export screen's downloads need, and nothing of the figures.
  await t.database.db
    .insertInto("role")
    .values({
      id: "exportOnly",
      name: "データ出力のみ",
      functions: ["export"],
      visible_programmes: [],
      accepted_programmes: [],
    })
    .execute();
  supervisor = await staffAt("outboss", "supervisor");
  exporter = await staffAt("outonly", "exportOnly");
  clerk = await staffAt("outclerk", "residentClerk");
  auditor = await staffAt("outaudit", "auditor");
  const opened = await t.call("POST", "/api/v1/cases", { cookie: clerk, body: { channel: "visit" } });
  expect(opened.statusCode, opened.body).toBe(201);
  caseId = (opened.json() as { id: number }).id;
  const added = await t.call("POST", `/api/v1/cases/${caseId}/procedures`, {
    cookie: clerk,
    body: { key: "certificate-seal" },
  });
  expect(added.statusCode, added.body).toBeLessThan(300);
}, 180_000);
afterAll(() => t?.close());

describe("データ出力: 対応履歴", () => {
  it("gives a supervisor the period's cases and procedures, in both encodings", async () => {
    for (const encoding of ["utf8", "cp932"] as const) {
      const res = await t.call("GET", `/api/v1/statistics/cases.csv?${period}&encoding=${encoding}`, {
        cookie: supervisor,
      });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers["content-type"]).toContain(encoding === "utf8" ? "UTF-8" : "Shift_JIS");
      if (encoding === "utf8") {
        expect(csvRows(res.rawPayload).map((r) => r.対応番号)).toEqual([String(caseId)]);
      }
    }
    const procedures = await t.call("GET", `/api/v1/statistics/procedures.csv?${period}`, {
      cookie: supervisor,
    });
    expect(procedures.statusCode, procedures.body).toBe(200);
    expect(csvRows(procedures.rawPayload)).toEqual([
      expect.objectContaining({ 対応番号: String(caseId), 手続きキー: "certificate-seal" }),
    ]);
    expect(await exportRows("outboss")).toEqual([
      {
        target: "statistics:cases",
        detail: { from: today, to: today, encoding: "utf8", rows: 1, replaced: 0 },
      },
      {
        target: "statistics:cases",
        detail: { from: today, to: today, encoding: "cp932", rows: 1, replaced: 0 },
      },
      {
        target: "statistics:procedures",
        detail: { from: today, to: today, encoding: "utf8", rows: 1, replaced: 0 },
      },
    ]);
  });

  it("lets データ出力 alone download the history but not see 統計's figures", async () => {
    const res = await t.call("GET", `/api/v1/statistics/cases.csv?${period}`, { cookie: exporter });
    expect(res.statusCode, res.body).toBe(200);
    expect(csvRows(res.rawPayload)).toHaveLength(1);
    const summary = await t.call("GET", `/api/v1/statistics/summary?${period}`, { cookie: exporter });
    expect(summary.statusCode).toBe(403);
    expect(await exportRows("outonly")).toEqual([
      {
        target: "statistics:cases",
        detail: { from: today, to: today, encoding: "utf8", rows: 1, replaced: 0 },
      },
    ]);
  });

  it("refuses a clerk without 統計 or データ出力, and writes the refusal to the log", async () => {
    for (const url of [
      `/api/v1/statistics/cases.csv?${period}`,
      `/api/v1/statistics/procedures.csv?${period}`,
      "/api/v1/export/data-dictionary.md",
      "/api/v1/export/data-dictionary.csv",
    ]) {
      const res = await t.call("GET", url, { cookie: clerk });
      expect(res.statusCode, url).toBe(403);
      expect(res.json().error.message, url).toBe("現在の窓口ではこの操作を行う権限がありません");
    }
    const denied = await t.database.db
      .selectFrom("audit_log")
      .select(["target", "detail"])
      .where("action", "=", "auth.denied")
      .where("login_id", "=", "outclerk")
      .execute();
    expect(denied).toContainEqual({
      target: "GET /api/v1/statistics/cases.csv",
      detail: { permission: ["statistics", "export"] },
    });
    expect(denied).toContainEqual({
      target: "GET /api/v1/export/data-dictionary.md",
      detail: { permission: "export" },
    });
    expect(await exportRows("outclerk")).toEqual([]);
  });

  it("says in Japanese what is wrong with a period, and exports nothing", async () => {
    for (const [query, message] of [
      ["from=2026-11-30&to=2026-11-01", "期間の末日は初日と同じ日か後の日にしてください"],
      ["from=2025-01-01&to=2026-11-01", "期間は366日 (1年) 以内にしてください"],
      ["from=2026-11-31&to=2026-12-01", "期間の初日は YYYY-MM-DD の形の日付で指定してください"],
      ["to=2026-12-01", "期間の初日を指定してください"],
      ["from=2026-11-01&to=2026-11-02&encoding=latin1", "文字コードは utf8 か cp932 を指定してください"],
    ]) {
      const res = await t.call("GET", `/api/v1/statistics/cases.csv?${query}`, { cookie: exporter });
      expect(res.statusCode, query).toBe(400);
      expect(res.json().error.message, query).toContain(message);
    }
    expect(await exportRows("outonly")).toHaveLength(1);
  });
});

describe("データ出力: データ辞書", () => {
  it("names every exported table and its columns, with no rows", async () => {
    const res = await t.call("GET", "/api/v1/export/data-dictionary.md", { cookie: supervisor });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers["content-type"]).toContain("text/markdown");
    expect(res.headers["content-disposition"]).toContain(encodeURIComponent("データ辞書.md"));
    const text = res.body;
    for (const table of exportedTables) expect(text).toContain(`## ${table.title}（${table.name}.csv）`);
    expect(text).toContain("| ~~password_hash~~ | 出力しない |");
    expect(text).not.toContain("行数");
  });

  it("is the CLI's dictionary: the app's connection sees every column the owner exports", async () => {
    const asOwner = await withOwner(t.database.ownerUrl, (db) => describeExport(db));
    const asApp = await describeExport(t.database.db);
    expect(asApp).toEqual(asOwner);
    for (const table of asApp) expect(table.columns.length, table.table).toBeGreaterThan(0);
    const res = await t.call("GET", "/api/v1/export/data-dictionary.md", { cookie: exporter });
    expect(res.body).toBe(dictionary(asOwner));
  });

  it("comes as CSV for a spreadsheet, a row per column", async () => {
    const res = await t.call("GET", "/api/v1/export/data-dictionary.csv", { cookie: exporter });
    expect(res.statusCode, res.body).toBe(200);
    expect([...res.rawPayload.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = csvRows(res.rawPayload);
    expect(new Set(rows.map((r) => r.ファイル))).toEqual(new Set(exportedTables.map((e) => `${e.name}.csv`)));
    expect(rows).toContainEqual(
      expect.objectContaining({ ファイル: "person.csv", 表: "宛名", 列: "name", 型: "text" }),
    );
    expect(rows).toContainEqual(
      expect.objectContaining({ ファイル: "staff_user.csv", 列: "password_hash", 型: "" }),
    );
  });

  it("writes each download to the audit log, where the audit viewer finds it", async () => {
    const rows = (await exportRows("outboss")).filter((r) => r.target === "city:dictionary");
    expect(rows).toEqual([
      { target: "city:dictionary", detail: { format: "md", tables: exportedTables.length } },
    ]);
    expect((await exportRows("outonly")).filter((r) => r.target === "city:dictionary")).toEqual([
      { target: "city:dictionary", detail: { format: "md", tables: exportedTables.length } },
      { target: "city:dictionary", detail: { format: "csv", tables: exportedTables.length } },
    ]);
    const viewer = await t.call("GET", "/api/v1/audit/entries?action=data.export&staff=outonly", {
      cookie: auditor,
    });
    expect(viewer.statusCode, viewer.body).toBe(200);
    expect(
      (viewer.json() as { entries: { target: string; loginId: string }[] }).entries.map((e) => e.target),
    ).toEqual(["city:dictionary", "city:dictionary", "statistics:cases"]);
  });
});
