import { parse } from "csv-parse/sync";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withOwner } from "../db/owner.ts";
import { replacedHeader } from "../platform/csv-file.ts";
import { createTestApp, type TestApp } from "../testing/test-app.ts";

/**
 * 統計 (N44) on a real database: the cases and procedures of a period, exported as CSV in both
 * encodings, read back and compared with what was made; the figures for the screen; who may ask.
 */
let t: TestApp;
let clerk: string;
let insurance: string;
let supervisor: string;

const period = "from=2026-11-01&to=2026-11-29";

/** What the database should hold once made, by case: [opened, …] in Japan time. */
const made: { id: number; label: string }[] = [];

beforeAll(async () => {
  t = await createTestApp();
  clerk = await t.loginAt("statclerk", "shimin", "residentClerk");
  insurance = await t.loginAt("statins", "hokennenkin", "insuranceClerk");
  supervisor = await t.loginAt("statboss", "shimin", "supervisor");
  // A name CP932 cannot hold: the CP932 file shows it as 〓.
  await withOwner(t.database.ownerUrl, (db) =>
    sql`update staff_user set name = '𠮷田 保険' where login_id = 'statins'`.execute(db),
  );

  const ok = async (method: "POST" | "PUT", url: string, cookie: string, body: object = {}) => {
    const res = await t.call(method, url, { cookie, body });
    expect(res.statusCode, res.body).toBeLessThan(300);
    return res.json() as { id: number };
  };
  const open = async () => (await ok("POST", "/api/v1/cases", clerk, { channel: "visit" })).id;

  // The one-stop visit: two procedures, 保留 at 市民課, taken up at 保険年金課, 完了 there.
  const oneStop = await open();
  const certificate = await ok("POST", `/api/v1/cases/${oneStop}/procedures`, clerk, {
    key: "certificate-resident-record",
  });
  await ok("PUT", `/api/v1/cases/${oneStop}/procedures/${certificate.id}/status`, clerk, {
    status: "received",
  });
  const nhi = await ok("POST", `/api/v1/cases/${oneStop}/procedures`, clerk, { key: "nhi-enrolment" });
  await ok("POST", `/api/v1/cases/${oneStop}/suspend`, clerk);
  await ok("POST", `/api/v1/cases/${oneStop}/resume`, insurance);
  await ok("PUT", `/api/v1/cases/${oneStop}/procedures/${nhi.id}/status`, insurance, { status: "received" });
  await ok("POST", `/api/v1/cases/${oneStop}/close`, insurance);
  // Cancelled the next day, late in the evening of the period's last day, and outside on both sides.
  const cancelled = await open();
  await ok("POST", `/api/v1/cases/${cancelled}/cancel`, clerk);
  const lastEvening = await open();
  const before = await open();
  await ok("POST", `/api/v1/cases/${before}/procedures`, clerk, { key: "certificate-seal" });
  const after = await open();
  made.push(
    { id: oneStop, label: "oneStop" },
    { id: cancelled, label: "cancelled" },
    { id: lastEvening, label: "lastEvening" },
    { id: before, label: "before" },
    { id: after, label: "after" },
  );

  // The clock of each case, set as the owner: the app role may not rewrite history.
  await withOwner(t.database.ownerUrl, async (db) => {
    const setCase = async (id: number, opened: string, closed: string | null, times: string[]) => {
      await sql`update reception_case set opened_at = ${opened}::timestamptz, updated_at = ${closed ?? opened}::timestamptz,
        closed_at = ${closed}::timestamptz where id = ${id}`.execute(db);
      // the steps in the order they were taken, at the given times (the last repeats)
      const steps = await sql<{
        id: number;
      }>`select id from case_event where case_id = ${id} order by id`.execute(db);
      for (const [i, step] of steps.rows.entries()) {
        const at = times[Math.min(i, times.length - 1)] ?? opened;
        await sql`update case_event set at = ${at}::timestamptz where id = ${step.id}`.execute(db);
      }
      await sql`update case_procedure set updated_at = ${closed ?? opened}::timestamptz where case_id = ${id}`.execute(
        db,
      );
    };
    // steps: opened, procedure, status, procedure, suspend, resume, status, close
    await setCase(oneStop, "2026-11-02T09:00:00+09:00", "2026-11-02T10:00:00+09:00", [
      "2026-11-02T09:00:00+09:00",
      "2026-11-02T09:02:00+09:00",
      "2026-11-02T09:05:00+09:00",
      "2026-11-02T09:08:00+09:00",
      "2026-11-02T09:10:00+09:00",
      "2026-11-02T09:40:00+09:00",
      "2026-11-02T09:55:00+09:00",
      "2026-11-02T10:00:00+09:00",
    ]);
    await setCase(cancelled, "2026-11-03T14:30:00+09:00", "2026-11-03T14:35:00+09:00", [
      "2026-11-03T14:30:00+09:00",
      "2026-11-03T14:35:00+09:00",
    ]);
    await setCase(lastEvening, "2026-11-29T23:59:59+09:00", null, ["2026-11-29T23:59:59+09:00"]);
    await setCase(before, "2026-10-31T23:59:59+09:00", null, ["2026-10-31T23:59:59+09:00"]);
    await setCase(after, "2026-11-30T00:00:00+09:00", null, ["2026-11-30T00:00:00+09:00"]);
  });
}, 180_000);
afterAll(async () => {
  await t?.close();
});

const idOf = (label: string) => String(made.find((m) => m.label === label)?.id);

/** The CSV as records keyed by header, after checking its bytes decode as the encoding says. */
function records(body: Buffer, encoding: "utf8" | "cp932"): Record<string, string>[] {
  let text: string;
  if (encoding === "utf8") {
    expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    text = body.subarray(3).toString("utf-8");
  } else {
    text = new TextDecoder("shift_jis", { fatal: true }).decode(body);
  }
  expect(text.endsWith("\r\n")).toBe(true);
  return parse(text, { columns: true, bom: false }) as Record<string, string>[];
}

describe("statistics", () => {
  it("exports exactly the period's cases, in UTF-8 with BOM and in CP932, and audits each export", async () => {
    for (const encoding of ["utf8", "cp932"] as const) {
      const res = await t.call("GET", `/api/v1/statistics/cases.csv?${period}&encoding=${encoding}`, {
        cookie: supervisor,
      });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers["content-type"]).toBe(
        `text/csv; charset=${encoding === "utf8" ? "UTF-8" : "Shift_JIS"}`,
      );
      expect(res.headers["content-disposition"]).toBe(
        `attachment; filename="statistics-cases_2026-11-01_2026-11-29${encoding === "cp932" ? "_sjis" : ""}.csv"; ` +
          `filename*=UTF-8''${encodeURIComponent(`対応統計_2026-11-01_2026-11-29${encoding === "cp932" ? "_sjis" : ""}.csv`)}`,
      );
      const rows = records(res.rawPayload, encoding);
      expect(rows.map((r) => r.対応番号)).toEqual([idOf("oneStop"), idOf("cancelled"), idOf("lastEvening")]);
      const staffName = encoding === "utf8" ? "𠮷田 保険" : "〓田 保険";
      expect(res.headers[replacedHeader]).toBe(encoding === "utf8" ? "0" : "1");
      expect(rows[0]).toEqual({
        対応番号: idOf("oneStop"),
        経路: "来庁",
        状態: "完了",
        受付日時: "2026-11-02 09:00:00",
        受付窓口: "市民課",
        受付職員: "テスト statclerk",
        "完了・取消日時": "2026-11-02 10:00:00",
        最終更新日時: "2026-11-02 10:00:00",
        最終更新窓口: "保険年金課",
        最終更新職員: staffName,
        関わった窓口: "市民課・保険年金課",
        手続き件数: "2",
        保留回数: "1",
        "待ち時間(分)": "30",
        "対応時間(分)": "30",
      });
      expect(rows[1]).toMatchObject({
        状態: "取消",
        "完了・取消日時": "2026-11-03 14:35:00",
        "対応時間(分)": "",
      });
      expect(rows[2]).toMatchObject({
        状態: "対応中",
        受付日時: "2026-11-29 23:59:59",
        "完了・取消日時": "",
      });
    }
    const audit = await t.database.db
      .selectFrom("audit_log")
      .select(["login_id", "target", "detail"])
      .where("action", "=", "data.export")
      .where("target", "=", "statistics:cases")
      .execute();
    expect(audit).toEqual([
      {
        login_id: "statboss",
        target: "statistics:cases",
        detail: { from: "2026-11-01", to: "2026-11-29", encoding: "utf8", rows: 3, replaced: 0 },
      },
      {
        login_id: "statboss",
        target: "statistics:cases",
        detail: { from: "2026-11-01", to: "2026-11-29", encoding: "cp932", rows: 3, replaced: 1 },
      },
    ]);
  });

  it("exports exactly the period's procedures", async () => {
    for (const encoding of ["utf8", "cp932"] as const) {
      const res = await t.call("GET", `/api/v1/statistics/procedures.csv?${period}&encoding=${encoding}`, {
        cookie: supervisor,
      });
      expect(res.statusCode, res.body).toBe(200);
      const rows = records(res.rawPayload, encoding);
      expect(rows).toEqual([
        {
          対応番号: idOf("oneStop"),
          対応受付日時: "2026-11-02 09:00:00",
          手続きキー: "certificate-resident-record",
          手続き名: "住民票の写し",
          担当窓口: "市民課",
          区分: "追加",
          状態: "受付済",
          最終更新日時: "2026-11-02 10:00:00",
          最終更新窓口: "市民課",
          最終更新職員: "テスト statclerk",
        },
        expect.objectContaining({
          対応番号: idOf("oneStop"),
          手続きキー: "nhi-enrolment",
          担当窓口: "保険年金課",
          状態: "受付済",
        }),
      ]);
    }
    const audit = await t.database.db
      .selectFrom("audit_log")
      .select(["detail"])
      .where("action", "=", "data.export")
      .where("target", "=", "statistics:procedures")
      .execute();
    expect(audit.map((a) => a.detail)).toEqual([
      { from: "2026-11-01", to: "2026-11-29", encoding: "utf8", rows: 2, replaced: 0 },
      { from: "2026-11-01", to: "2026-11-29", encoding: "cp932", rows: 2, replaced: 1 },
    ]);
  });

  it("gives the screen the same cases counted per day, hour, procedure and counter", async () => {
    const res = await t.call("GET", `/api/v1/statistics/summary?${period}`, { cookie: supervisor });
    expect(res.statusCode, res.body).toBe(200);
    const summary = res.json();
    expect(summary.cases).toBe(3);
    expect(summary.perDay).toHaveLength(29);
    expect(summary.perDay.filter((d: { cases: number }) => d.cases > 0)).toEqual([
      { date: "2026-11-02", cases: 1 },
      { date: "2026-11-03", cases: 1 },
      { date: "2026-11-29", cases: 1 },
    ]);
    expect(summary.perHour.filter((h: { cases: number }) => h.cases > 0)).toEqual([
      { hour: 9, cases: 1 },
      { hour: 14, cases: 1 },
      { hour: 23, cases: 1 },
    ]);
    expect(summary).toMatchObject({ averageHandlingMinutes: 30, averageWaitingMinutes: 30, waitedCases: 1 });
    expect(summary.perProcedure).toEqual([
      {
        procedureKey: "certificate-resident-record",
        procedureName: "住民票の写し",
        procedures: 1,
        settled: 1,
      },
      { procedureKey: "nhi-enrolment", procedureName: expect.any(String), procedures: 1, settled: 1 },
    ]);
    expect(summary.perCounter).toEqual([
      {
        counterId: "shimin",
        counter: "市民課",
        opened: 3,
        handled: 3,
        resumed: 0,
        averageWaitingMinutes: null,
      },
      {
        counterId: "hokennenkin",
        counter: "保険年金課",
        opened: 0,
        handled: 1,
        resumed: 1,
        averageWaitingMinutes: 30,
      },
    ]);
  });

  it("refuses a bad period in Japanese, and a role without 統計", async () => {
    const cases: [string, string][] = [
      ["from=2026-11-30&to=2026-11-01", "期間の末日は初日と同じ日か後の日にしてください"],
      ["from=2025-01-01&to=2026-01-02", "期間は366日 (1年) 以内にしてください (指定は367日間です)"],
      ["from=2026-11-01", "期間の末日を指定してください"],
      ["from=2026-11-31&to=2026-12-01", "期間の初日は YYYY-MM-DD の形の日付で指定してください"],
      [`${period}&encoding=sjis`, "文字コードは utf8 か cp932 を指定してください"],
    ];
    for (const [query, message] of cases) {
      const res = await t.call("GET", `/api/v1/statistics/cases.csv?${query}`, { cookie: supervisor });
      expect(res.statusCode, query).toBe(400);
      expect(res.json().error.message, query).toContain(message);
    }
    const summary = await t.call("GET", "/api/v1/statistics/summary?from=2026-11-02&to=2026-11-01", {
      cookie: supervisor,
    });
    expect(summary.statusCode).toBe(400);
    for (const url of [`/api/v1/statistics/cases.csv?${period}`, `/api/v1/statistics/summary?${period}`]) {
      expect((await t.call("GET", url, { cookie: clerk })).statusCode).toBe(403);
    }
  });
});
