import { describe, expect, it } from "vitest";
import { auditActionGroups, auditActions } from "./actions.ts";
import { auditAnalysisQuerySchema } from "./analysis.ts";
import { detailSummary } from "./columns.ts";
import { actionList, auditQuerySchema, filterOf, isAfterHours, japanDaysRange } from "./filter.ts";

const jst = (text: string) => new Date(`${text}+09:00`);

describe("after hours (開庁時間 平日 8:30〜17:15, Japan time)", () => {
  it("is outside from the closing minute to the opening minute on weekdays", () => {
    expect(isAfterHours(jst("2026-11-02T08:29:59"))).toBe(true);
    expect(isAfterHours(jst("2026-11-02T08:30:00"))).toBe(false);
    expect(isAfterHours(jst("2026-11-02T12:00:00"))).toBe(false);
    expect(isAfterHours(jst("2026-11-02T17:14:59"))).toBe(false);
    expect(isAfterHours(jst("2026-11-02T17:15:00"))).toBe(true);
    expect(isAfterHours(jst("2026-11-02T00:00:00"))).toBe(true);
  });

  it("takes the day in Japan, not in UTC", () => {
    // Friday 23:30 UTC is Saturday 8:30 in Japan
    expect(isAfterHours(new Date("2026-11-06T23:30:00Z"))).toBe(true);
    // Sunday 23:30 UTC is Monday 8:30 in Japan
    expect(isAfterHours(new Date("2026-11-08T23:30:00Z"))).toBe(false);
  });

  it("is all day on Saturdays and Sundays", () => {
    expect(isAfterHours(jst("2026-11-07T10:00:00"))).toBe(true);
    expect(isAfterHours(jst("2026-11-08T10:00:00"))).toBe(true);
  });

  it("is all day on a national holiday and over 年末年始, and not on the working day after", () => {
    expect(isAfterHours(jst("2026-11-03T10:00:00"))).toBe(true); // 文化の日, a Tuesday
    expect(isAfterHours(jst("2026-09-22T10:00:00"))).toBe(true); // 国民の休日
    expect(isAfterHours(jst("2026-12-29T10:00:00"))).toBe(true);
    expect(isAfterHours(jst("2027-01-04T10:00:00"))).toBe(false);
    // Monday 3 November 00:30 UTC is already the holiday in Japan
    expect(isAfterHours(new Date("2026-11-03T00:30:00Z"))).toBe(true);
  });
});

describe("audit filter", () => {
  it("groups every action exactly once", () => {
    const grouped = auditActionGroups.flatMap((g) => g.actions);
    expect([...grouped].sort()).toEqual([...auditActions].sort());
  });

  it("takes one action or several, without repeats", () => {
    expect(actionList(undefined)).toEqual([]);
    expect(actionList("person.read")).toEqual(["person.read"]);
    expect(actionList(["person.read", "person.search", "person.read"])).toEqual([
      "person.read",
      "person.search",
    ]);
  });

  it("reads Japan days as instants, both ends included", () => {
    const { start, end } = japanDaysRange("2026-11-02", "2026-11-03");
    expect(start?.toISOString()).toBe("2026-11-01T15:00:00.000Z");
    expect(end?.toISOString()).toBe("2026-11-03T15:00:00.000Z");
    expect(japanDaysRange(undefined, undefined)).toEqual({ start: undefined, end: undefined });
  });

  it("checks the query and keeps only the conditions for the audit row", () => {
    const q = auditQuerySchema.parse({ personId: "0000000001", action: ["auth.login"], before: "10" });
    expect(q).toMatchObject({ limit: 50, before: 10 });
    expect(filterOf(q)).toEqual({ personId: "0000000001", action: ["auth.login"] });
    const bad = auditQuerySchema.safeParse({ from: "2026-11-05", to: "2026-11-01", before: "2", after: "1" });
    expect(bad.error?.issues.map((i) => i.message)).toEqual([
      "期間の末日は初日と同じ日か後の日にしてください",
      "before と after は同時に指定できません",
    ]);
    expect(auditQuerySchema.safeParse({ personId: "12345" }).error?.issues[0]?.message).toBe(
      "宛名番号は10桁の数字です",
    );
  });

  it("limits the analysis to a year and a positive threshold", () => {
    expect(auditAnalysisQuerySchema.parse({ from: "2026-11-01", to: "2026-11-30" }).threshold).toBe(100);
    expect(auditAnalysisQuerySchema.safeParse({ from: "2025-01-01", to: "2026-11-30" }).success).toBe(false);
    expect(
      auditAnalysisQuerySchema.safeParse({ from: "2026-11-01", to: "2026-11-30", threshold: "0" }).error
        ?.issues[0]?.message,
    ).toBe("件数は1以上にしてください");
  });
});

describe("detail summary", () => {
  it("writes key: value pairs and cuts a long one", () => {
    expect(detailSummary({ count: 3, criteria: { name: "ヤマダ" } })).toBe(
      'count: 3 / criteria: {"name":"ヤマダ"}',
    );
    const long = detailSummary({ text: "あ".repeat(200) }, 20);
    expect(long).toHaveLength(20);
    expect(long.endsWith("…")).toBe(true);
  });
});
