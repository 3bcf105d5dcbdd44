import { describe, expect, it } from "vitest";
import { caseExportColumns, exportTable, procedureExportColumns, spreadsheetText } from "./columns.ts";
import { exportQuerySchema, japanTime, periodRange, periodSchema } from "./period.ts";
import { type CaseStatRow, caseDurations, type ProcedureStatRow, summarise } from "./summary.ts";

const at = (text: string) => new Date(`${text}+09:00`);
const step = (kind: string, time: string, counterId = "shimin", counter = "市民課") => ({
  kind,
  at: at(time),
  counterId,
  counter,
});

function caseRow(overrides: Partial<CaseStatRow> & Pick<CaseStatRow, "id" | "openedAt">): CaseStatRow {
  return {
    channel: "visit",
    status: "open",
    openedCounterId: "shimin",
    openedCounter: "市民課",
    openedStaff: "市民 花子",
    closedAt: null,
    updatedAt: overrides.openedAt,
    updatedCounter: "市民課",
    updatedStaff: "市民 花子",
    procedures: 0,
    steps: [],
    ...overrides,
  };
}

/** Opened 9:00 at 市民課, 保留 9:10, 再開 at 保険年金課 9:40, 完了 10:00. */
const oneStop = caseRow({
  id: 1,
  status: "closed",
  openedAt: at("2026-11-02T09:00:00"),
  closedAt: at("2026-11-02T10:00:00"),
  procedures: 2,
  steps: [
    step("opened", "2026-11-02T09:00:00"),
    step("suspend", "2026-11-02T09:10:00"),
    step("resume", "2026-11-02T09:40:00", "hokennenkin", "保険年金課"),
    step("close", "2026-11-02T10:00:00", "hokennenkin", "保険年金課"),
  ],
});

describe("period", () => {
  it("accepts a day and a year, in Japan time", () => {
    expect(periodSchema.safeParse({ from: "2026-11-02", to: "2026-11-02" }).success).toBe(true);
    expect(periodSchema.safeParse({ from: "2024-01-01", to: "2024-12-31" }).success).toBe(true);
    const range = periodRange({ from: "2026-11-02", to: "2026-11-03" });
    expect(range.start.toISOString()).toBe("2026-11-01T15:00:00.000Z");
    expect(range.end.toISOString()).toBe("2026-11-03T15:00:00.000Z");
    expect(japanTime(new Date("2026-11-01T15:30:00Z"))).toEqual({
      date: "2026-11-02",
      hour: 0,
      text: "2026-11-02 00:30:00",
    });
  });

  it("refuses a reversed or too long period, and a bad date or encoding, in Japanese", () => {
    const messages = (input: object) => {
      const parsed = exportQuerySchema.safeParse(input);
      return parsed.success ? [] : parsed.error.issues.map((i) => i.message);
    };
    expect(messages({ from: "2026-11-03", to: "2026-11-02" })).toEqual([
      "期間の末日は初日と同じ日か後の日にしてください",
    ]);
    expect(messages({ from: "2025-01-01", to: "2026-01-02" })).toEqual([
      "期間は366日 (1年) 以内にしてください (指定は367日間です)",
    ]);
    expect(messages({ from: "2026-13-01", to: "2026-11-02" })).toEqual([
      "期間の初日は YYYY-MM-DD の形の日付で指定してください",
    ]);
    expect(messages({ from: "2026-11-01", to: "2026-11-02", encoding: "sjis" })).toEqual([
      "文字コードは utf8 か cp932 を指定してください",
    ]);
    expect(exportQuerySchema.parse({ from: "2026-11-01", to: "2026-11-02" }).encoding).toBe("utf8");
  });
});

describe("durations", () => {
  it("counts the 保留 as waiting and the rest of a 完了 case as handling", () => {
    expect(caseDurations(oneStop)).toEqual({
      waitingMs: 30 * 60_000,
      suspensions: 1,
      endedWaits: 1,
      handlingMs: 30 * 60_000,
    });
  });

  it("leaves out a 保留 still running, and has no handling time unless 完了", () => {
    const waiting = caseRow({
      id: 2,
      status: "suspended",
      openedAt: at("2026-11-02T09:00:00"),
      steps: [step("opened", "2026-11-02T09:00:00"), step("suspend", "2026-11-02T09:05:00")],
    });
    expect(caseDurations(waiting)).toEqual({ waitingMs: 0, suspensions: 1, endedWaits: 0, handlingMs: null });
    const cancelled = caseRow({
      ...waiting,
      status: "cancelled",
      closedAt: at("2026-11-02T09:20:00"),
      steps: [...waiting.steps, step("cancel", "2026-11-02T09:20:00")],
    });
    expect(caseDurations(cancelled)).toMatchObject({ waitingMs: 15 * 60_000, handlingMs: null });
  });
});

describe("summary", () => {
  const late = caseRow({
    id: 3,
    openedAt: at("2026-11-03T16:30:00"),
    openedCounterId: "hokennenkin",
    openedCounter: "保険年金課",
    steps: [step("opened", "2026-11-03T16:30:00", "hokennenkin", "保険年金課")],
  });
  const procedure = (key: string, status: ProcedureStatRow["status"]): ProcedureStatRow => ({
    caseId: 1,
    caseOpenedAt: oneStop.openedAt,
    procedureKey: key,
    procedureName: key === "nhi" ? "国民健康保険 加入" : "児童手当",
    counter: "保険年金課",
    source: "derived",
    status,
    updatedAt: at("2026-11-02T09:50:00"),
    updatedCounter: "保険年金課",
    updatedStaff: "保険 太郎",
  });

  it("counts per day (every day of the period), hour, procedure and counter", () => {
    const summary = summarise(
      { from: "2026-11-01", to: "2026-11-03" },
      [oneStop, late],
      [procedure("nhi", "received"), procedure("nhi", "notStarted"), procedure("child", "completed")],
    );
    expect(summary.cases).toBe(2);
    expect(summary.perDay).toEqual([
      { date: "2026-11-01", cases: 0 },
      { date: "2026-11-02", cases: 1 },
      { date: "2026-11-03", cases: 1 },
    ]);
    expect(summary.perHour.filter((h) => h.cases > 0)).toEqual([
      { hour: 9, cases: 1 },
      { hour: 16, cases: 1 },
    ]);
    expect(summary.byStatus).toContainEqual({ status: "closed", cases: 1 });
    expect(summary.averageHandlingMinutes).toBe(30);
    expect(summary.averageWaitingMinutes).toBe(30);
    expect(summary.waitedCases).toBe(1);
    expect(summary.perProcedure).toEqual([
      { procedureKey: "nhi", procedureName: "国民健康保険 加入", procedures: 2, settled: 1 },
      { procedureKey: "child", procedureName: "児童手当", procedures: 1, settled: 1 },
    ]);
    expect(summary.perCounter).toEqual([
      {
        counterId: "hokennenkin",
        counter: "保険年金課",
        opened: 1,
        handled: 2,
        resumed: 1,
        averageWaitingMinutes: 30,
      },
      {
        counterId: "shimin",
        counter: "市民課",
        opened: 1,
        handled: 1,
        resumed: 0,
        averageWaitingMinutes: null,
      },
    ]);
  });

  it("has no averages without cases", () => {
    const summary = summarise({ from: "2026-11-01", to: "2026-11-01" }, [], []);
    expect(summary).toMatchObject({ cases: 0, averageHandlingMinutes: null, averageWaitingMinutes: null });
    expect(summary.perHour).toHaveLength(24);
  });
});

describe("export columns", () => {
  it("writes a case line with Japanese headers, times in Japan time and minutes", () => {
    const [header, line] = exportTable(caseExportColumns, [oneStop]);
    expect(header?.slice(0, 4)).toEqual(["対応番号", "経路", "状態", "受付日時"]);
    expect(Object.fromEntries((header ?? []).map((h, i) => [h, line?.[i]]))).toEqual({
      対応番号: "1",
      経路: "来庁",
      状態: "完了",
      受付日時: "2026-11-02 09:00:00",
      受付窓口: "市民課",
      受付職員: "市民 花子",
      "完了・取消日時": "2026-11-02 10:00:00",
      最終更新日時: "2026-11-02 09:00:00",
      最終更新窓口: "市民課",
      最終更新職員: "市民 花子",
      関わった窓口: "市民課・保険年金課",
      手続き件数: "2",
      保留回数: "1",
      "待ち時間(分)": "30",
      "対応時間(分)": "30",
    });
  });

  it("has no column holding a resident's name or address", () => {
    const headers = [...caseExportColumns, ...procedureExportColumns].map((c) => c.header).join(",");
    expect(headers).not.toMatch(/住所|来庁者|対象者|宛名/);
  });
});

describe("cells a spreadsheet would run", () => {
  it("start with an apostrophe, while numbers and plain text stay as they are", () => {
    expect(spreadsheetText('=HYPERLINK("http://example.invalid","開く")')).toBe(
      '\'=HYPERLINK("http://example.invalid","開く")',
    );
    expect(spreadsheetText("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(spreadsheetText("-1+2")).toBe("'-1+2");
    expect(spreadsheetText("\t=1")).toBe("'\t=1");
    expect(spreadsheetText("-5")).toBe("-5");
    expect(spreadsheetText("12.5")).toBe("12.5");
    expect(spreadsheetText("市民　花子")).toBe("市民　花子");
  });
});
