import type { AuditEntry } from "@ichimado/core/audit/actions";
import { auditAnalysisSchema } from "@ichimado/core/audit/analysis";
import { auditPageSchema, isAfterHours } from "@ichimado/core/audit/filter";
import { parse } from "csv-parse/sync";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { withOwner } from "../db/owner.ts";
import { replacedHeader } from "../platform/csv-file.ts";
import { createTestApp, type TestApp } from "../testing/test-app.ts";
import { exportEntries } from "./queries.ts";
import type { AuditActor, AuditRecord } from "./writer.ts";

/**
 * The 監査証跡 viewer on a real database: filters, keyset pages, the 時間外 rule in SQL against
 * core's, the CSV export and its own audit row, the analysis, and who may ask.
 */
let t: TestApp;
let auditor: string;
let clerkCookie: string;
let clerkId: number;
let otherId: number;

const person = "0000000042";
const pagedPerson = "0000000077";
/** Japan-time instants of the fixture rows: a Monday, a Saturday and a Sunday of November 2026. */
const jst = (text: string) => new Date(`${text}+09:00`);
const written: { at: Date; action: string; loginId: string | null; target: string }[] = [];

async function writeAt(at: Date, actor: AuditActor, record: AuditRecord): Promise<void> {
  vi.setSystemTime(at);
  await t.ctx.audit.write(t.database.db, actor, record);
  written.push({ at, action: record.action, loginId: actor.loginId, target: record.target });
}

async function page(query: string, cookie = auditor) {
  const res = await t.call("GET", `/api/v1/audit/entries?${query}`, { cookie });
  expect(res.statusCode, res.body).toBe(200);
  return auditPageSchema.parse(res.json());
}

const fixtureOnly = (entries: AuditEntry[]) => entries.filter((e) => e.target.includes("fixture:"));

beforeAll(async () => {
  t = await createTestApp();
  await t.createStaff({ loginId: "vauditor", assignments: [["johoseisaku", "auditor"]] });
  clerkId = await t.createStaff({ loginId: "vclerk", assignments: [["shimin", "residentClerk"]] });
  otherId = await t.createStaff({ loginId: "vother", assignments: [["hokennenkin", "insuranceClerk"]] });
  // A name CP932 cannot hold: the CP932 export writes it as 〓 and says so.
  await withOwner(t.database.ownerUrl, (db) =>
    sql`update staff_user set name = '𠮷田 次郎' where login_id = 'vother'`.execute(db),
  );
  const clerk = { staffId: clerkId, loginId: "vclerk", counterId: "shimin", clientIp: "10.0.0.1" };
  const other = { staffId: otherId, loginId: "vother", counterId: "hokennenkin", clientIp: "10.0.0.2" };

  // The clock is set for each row so the chain holds rows of known times; only Date is faked.
  vi.useFakeTimers({ toFake: ["Date"] });
  try {
    const read = (id: string, n: number) =>
      ({ action: "person.read", target: `fixture:read:${n}`, personIds: [id], outcome: "success" }) as const;
    // Around the opening and closing minutes of Monday 2 November, and at the weekend.
    await writeAt(jst("2026-11-02T08:29:59"), clerk, read(person, 1));
    await writeAt(jst("2026-11-02T08:30:00"), clerk, read(person, 2));
    await writeAt(jst("2026-11-02T17:14:59"), clerk, read(person, 3));
    await writeAt(jst("2026-11-02T17:15:00"), clerk, {
      action: "document.print",
      target: "=fixture:print",
      personIds: [person],
      detail: { note: '=HYPERLINK("x")' },
      outcome: "success",
    });
    await writeAt(jst("2026-11-02T23:59:59"), other, {
      action: "auth.denied",
      target: "fixture:denied",
      outcome: "denied",
    });
    await writeAt(jst("2026-11-03T00:00:00"), other, read("0000000099", 4));
    await writeAt(jst("2026-11-07T10:00:00"), other, {
      action: "person.search",
      target: "fixture:search",
      personIds: [person, "0000000099"],
      outcome: "success",
    });
    await writeAt(jst("2026-11-08T12:00:00"), clerk, {
      action: "data.import",
      target: "fixture:import",
      outcome: "failure",
    });
    // 大量照会: six views by vclerk from 10:50 to 11:10 on Tuesday (over a threshold of 5 in 60
    // minutes, though no clock hour has more than 3); vother's six are spread over the day.
    for (const [i, minute] of ["10:50", "10:55", "10:59", "11:01", "11:05", "11:10"].entries())
      await writeAt(jst(`2026-11-10T${minute}:00`), clerk, read(pagedPerson, 100 + i));
    for (const [i, hour] of ["09", "10", "11", "13", "14", "15"].entries())
      await writeAt(jst(`2026-11-10T${hour}:30:00`), other, read(pagedPerson, 200 + i));
    // More rows about one person, for paging (in December, outside the analysis' period).
    for (let i = 0; i < 13; i++)
      await writeAt(
        jst(`2026-12-01T09:${String(10 + i).padStart(2, "0")}:00`),
        clerk,
        read(pagedPerson, 300 + i),
      );
    // Written last but dated first: the viewer orders by time, not by when the row reached the log.
    await writeAt(jst("2026-10-30T10:00:00"), clerk, {
      action: "case.read",
      target: "fixture:early",
      personIds: [person],
      outcome: "success",
    });
  } finally {
    vi.useRealTimers();
  }
  auditor = await t.login("vauditor");
  await t.call("POST", "/api/v1/auth/counter", { cookie: auditor, body: { counterId: "johoseisaku" } });
  clerkCookie = await t.login("vclerk");
  await t.call("POST", "/api/v1/auth/counter", { cookie: clerkCookie, body: { counterId: "shimin" } });
});
afterAll(async () => {
  await t?.close();
});

describe("audit log viewer", () => {
  it("filters by person, staff (login ID or part of the name), actions, outcome and period", async () => {
    const byPerson = await page(`personId=${person}`);
    expect(byPerson.entries.map((e) => e.target)).toEqual([
      "fixture:search",
      "=fixture:print",
      "fixture:read:3",
      "fixture:read:2",
      "fixture:read:1",
      "fixture:early",
    ]);
    expect(byPerson.entries[0]).toMatchObject({
      loginId: "vother",
      staffName: "𠮷田 次郎",
      counterName: "保険年金課",
      personIds: [person, "0000000099"],
    });

    const byLogin = fixtureOnly((await page("staff=vother&limit=200")).entries);
    expect(byLogin).toHaveLength(3 + 6);
    expect(byLogin.every((e) => e.staffId === otherId)).toBe(true);
    // 「𠮷田次郎」 without the space finds 「𠮷田 次郎」
    expect(fixtureOnly((await page(`staff=${encodeURIComponent("𠮷田次郎")}&limit=200`)).entries)).toEqual(
      byLogin,
    );
    expect((await page(`staff=${encodeURIComponent("%")}`)).entries).toEqual([]);

    const twoActions = fixtureOnly((await page("action=auth.denied&action=document.print")).entries);
    expect(twoActions.map((e) => e.target)).toEqual(["fixture:denied", "=fixture:print"]);
    const oneAction = await page("action=data.import");
    expect(oneAction.entries.map((e) => e.target)).toEqual(["fixture:import"]);

    const denied = fixtureOnly((await page("outcome=denied")).entries);
    expect(denied.map((e) => e.target)).toEqual(["fixture:denied"]);

    // Japan days: 23:59:59 on the 2nd is in, 0:00 on the 3rd is out, and the other way round.
    const second = fixtureOnly((await page("from=2026-11-02&to=2026-11-02")).entries);
    expect(second.map((e) => e.target)).toContain("fixture:denied");
    expect(second).toHaveLength(5);
    const third = fixtureOnly((await page("from=2026-11-03&to=2026-11-03")).entries);
    expect(third.map((e) => e.target)).toEqual(["fixture:read:4"]);
  });

  it("keeps after-hours to the same rule as core: before 8:30, from 17:15, and weekends", async () => {
    const found = fixtureOnly((await page("afterHours=true&limit=200")).entries).map((e) => e.target);
    const expected = written.filter((w) => isAfterHours(w.at)).map((w) => w.target);
    expect([...found].sort()).toEqual([...expected].sort());
    expect(found).toEqual(
      expect.arrayContaining(["fixture:read:1", "=fixture:print", "fixture:search", "fixture:import"]),
    );
    expect(found).not.toContain("fixture:read:2");
    expect(found).not.toContain("fixture:read:3");
  });

  it("pages by seq without gaps or repeats, forward and back, while rows are written", async () => {
    const all = (await page(`personId=${pagedPerson}&limit=200`)).entries.map((e) => e.seq);
    expect(all).toHaveLength(6 + 6 + 13);
    const pages: number[][] = [];
    let cursor: number | null = null;
    for (;;) {
      const p = await page(`personId=${pagedPerson}&limit=7${cursor ? `&before=${cursor}` : ""}`);
      pages.push(p.entries.map((e) => e.seq));
      expect(p.newer === null).toBe(pages.length === 1);
      // Someone reads the person meanwhile: a new row is newer than every page and changes none.
      await t.ctx.audit.write(
        t.database.db,
        { staffId: clerkId, loginId: "vclerk", counterId: "shimin", clientIp: null },
        { action: "person.read", target: "later", personIds: [pagedPerson], outcome: "success" },
      );
      cursor = p.older;
      if (cursor === null) break;
    }
    expect(pages.map((p) => p.length)).toEqual([7, 7, 7, 4]);
    expect(pages.flat()).toEqual(all);
    // Back from the last page with the newer cursors: the same pages, in the same order.
    const seqsOf = (p: { entries: AuditEntry[] }) => p.entries.map((e) => e.seq);
    const last = pages.length - 1;
    let back = await page(`personId=${pagedPerson}&limit=7&before=${pages[last - 1]?.at(-1)}`);
    expect(seqsOf(back)).toEqual(pages[last]);
    for (let i = last - 1; i >= 0; i--) {
      back = await page(`personId=${pagedPerson}&limit=7&after=${back.newer}`);
      expect(seqsOf(back)).toEqual(pages[i]);
    }
    // Rows were written after the first page was read: going back from it finds them, and only them.
    expect(back.newer).toBe(pages[0]?.[0]);
    const later = await page(`personId=${pagedPerson}&limit=7&after=${back.newer}`);
    expect(later.entries.map((e) => e.target)).toEqual(["later", "later", "later", "later"]);
    expect(later.newer).toBeNull();
    expect(later.older).toBe(later.entries.at(-1)?.seq);
  });

  it("records each view with its filter", async () => {
    await page(`personId=${person}&action=person.read&afterHours=true`);
    const { entries } = await page("action=audit.read&limit=1");
    expect(entries[0]).toMatchObject({ loginId: "vauditor", target: "audit_log" });
    expect(entries[0]?.detail).toEqual({
      filter: { personId: person, action: "person.read", afterHours: "true" },
      returned: 1,
    });
  });

  it("exports the filtered entries as UTF-8 CSV with a BOM, neutralising formulas, and audits it", async () => {
    const res = await t.call("GET", `/api/v1/audit/entries.csv?personId=${person}&to=2026-11-02`, {
      cookie: auditor,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers["content-type"]).toBe("text/csv; charset=UTF-8");
    expect(res.headers["content-disposition"]).toMatch(
      /filename\*=UTF-8''%E7%9B%A3%E6%9F%BB%E8%A8%BC%E8%B7%A1_/,
    );
    const bytes = res.rawPayload;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parse(bytes.subarray(3).toString("utf-8")) as string[][];
    expect(rows[0]).toEqual([
      "番号",
      "日時",
      "ログインID",
      "職員名",
      "窓口",
      "操作",
      "操作キー",
      "対象",
      "宛名番号",
      "結果",
      "詳細",
      "端末IPアドレス",
    ]);
    expect(rows).toHaveLength(1 + 5);
    const print = rows[1] as string[];
    expect(print.slice(1)).toEqual([
      "2026-11-02 17:15:00",
      "vclerk",
      "テスト vclerk",
      "市民課",
      "帳票印刷",
      "document.print",
      "'=fixture:print",
      person,
      "成功",
      '{"note":"=HYPERLINK(\\"x\\")"}',
      "10.0.0.1",
    ]);
    expect(rows.slice(2).map((r) => r[7])).toEqual([
      "fixture:read:3",
      "fixture:read:2",
      "fixture:read:1",
      "fixture:early",
    ]);

    const { entries } = await page("action=data.export&limit=1");
    expect(entries[0]).toMatchObject({ loginId: "vauditor", target: "audit_log" });
    expect(entries[0]?.detail).toEqual({
      filter: { personId: person, to: "2026-11-02" },
      encoding: "utf8",
      rows: 5,
      replaced: 0,
    });
  });

  it("reads one row past the export's limit, so that more than it may hold is refused, not cut", async () => {
    const rows = await exportEntries(t.database.db, { personId: person }, 3);
    expect(rows.map((r) => r.target)).toEqual([
      "fixture:search",
      "=fixture:print",
      "fixture:read:3",
      "fixture:read:2",
    ]);
    expect(await exportEntries(t.database.db, { personId: person }, 6)).toHaveLength(6);
  });

  it("exports as CP932 with 〓 for what it cannot hold, and says how many", async () => {
    const res = await t.call("GET", "/api/v1/audit/entries.csv?staff=vother&to=2026-11-30&encoding=cp932", {
      cookie: auditor,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers["content-type"]).toBe("text/csv; charset=Shift_JIS");
    const rows = parse(new TextDecoder("shift_jis", { fatal: true }).decode(res.rawPayload)) as string[][];
    expect(rows).toHaveLength(1 + 9);
    expect(rows.slice(1).every((r) => r[3] === "〓田 次郎")).toBe(true);
    expect(res.headers[replacedHeader]).toBe("9");
  });

  it("finds 大量照会 in any 60 minutes and counts 時間外アクセス per staff member", async () => {
    const res = await t.call("GET", "/api/v1/audit/analysis?from=2026-11-01&to=2026-11-30&threshold=5", {
      cookie: auditor,
    });
    expect(res.statusCode, res.body).toBe(200);
    const analysis = auditAnalysisSchema.parse(res.json());
    expect(analysis.massAccess).toEqual([
      {
        staffId: clerkId,
        loginId: "vclerk",
        staffName: "テスト vclerk",
        peak: 6,
        peakEndedAt: jst("2026-11-10T11:10:00").toISOString(),
        total: 3 + 6,
      },
    ]);
    const late = (loginId: string) => analysis.afterHours.find((a) => a.loginId === loginId);
    expect(late("vclerk")).toMatchObject({ entries: 3, personAccess: 1 });
    expect(late("vclerk")?.firstAt).toBe(jst("2026-11-02T08:29:59").toISOString());
    expect(late("vother")).toMatchObject({ entries: 3, personAccess: 2 });

    const higher = await t.call("GET", "/api/v1/audit/analysis?from=2026-11-01&to=2026-11-30&threshold=6", {
      cookie: auditor,
    });
    expect(auditAnalysisSchema.parse(higher.json()).massAccess).toEqual([]);
    const { entries } = await page("action=audit.read&limit=1");
    expect(entries[0]).toMatchObject({ target: "audit_log:analysis" });
    expect(entries[0]?.detail).toMatchObject({ threshold: 6, massAccess: 0 });
  });

  it("refuses bad conditions with a Japanese message", async () => {
    const bad = async (query: string, message: RegExp) => {
      const res = await t.call("GET", `/api/v1/audit/entries?${query}`, { cookie: auditor });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.message).toMatch(message);
    };
    await bad("personId=123", /宛名番号は10桁/);
    await bad("from=2026-11-05&to=2026-11-01", /末日は初日/);
    await bad("action=person.peek", /操作/);
    await bad("before=3&after=1", /同時に指定できません/);
    await bad("staff=a%00b", /制御文字/);
    // the calendar's ends are days like any other, not a server error
    for (const edge of ["from=0000-01-01", "to=9999-12-31", "before=9007199254740991"])
      expect(
        (await t.call("GET", `/api/v1/audit/entries?${edge}`, { cookie: auditor })).statusCode,
        edge,
      ).toBe(200);
    const analysis = await t.call("GET", "/api/v1/audit/analysis?from=2025-01-01&to=2026-11-30", {
      cookie: auditor,
    });
    expect(analysis.statusCode).toBe(400);
  });

  it("answers 403 to staff without auditView, and records the refusal", async () => {
    for (const url of [
      "/api/v1/audit/entries",
      "/api/v1/audit/entries.csv",
      "/api/v1/audit/analysis?from=2026-11-01&to=2026-11-30",
      "/api/v1/audit/verify",
    ]) {
      const res = await t.call("GET", url, { cookie: clerkCookie });
      expect(res.statusCode, url).toBe(403);
    }
    const { entries } = await page("staff=vclerk&action=auth.denied&limit=10");
    expect(entries.map((e) => e.target)).toEqual(
      expect.arrayContaining(["GET /api/v1/audit/entries.csv", "GET /api/v1/audit/verify"]),
    );
  });

  // Last: its rows fall in January 2027, after every other test's period.
  it("counts a national holiday as 時間外 all day, as core does, and the next working day not", async () => {
    const clerk = { staffId: clerkId, loginId: "vclerk", counterId: "shimin", clientIp: "10.0.0.1" };
    const read = (target: string) =>
      ({ action: "person.read", target, personIds: ["0000000098"], outcome: "success" }) as const;
    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      await writeAt(jst("2027-01-11T10:00:00"), clerk, read("fixture:holiday")); // 成人の日
      await writeAt(jst("2027-01-12T10:00:00"), clerk, read("fixture:workday"));
    } finally {
      vi.useRealTimers();
    }
    const found = (await page("afterHours=true&from=2027-01-11&to=2027-01-12")).entries.map((e) => e.target);
    expect(found).toEqual(["fixture:holiday"]);
    expect(isAfterHours(jst("2027-01-11T10:00:00"))).toBe(true);
  });
});
