import { describe, expect, it } from "vitest";
import { closedWeekdays, isClosedDay, nationalHolidays } from "./holidays.ts";

describe("national holidays", () => {
  it("gives 2026 as the Cabinet Office lists it, with 振替休日 and the 国民の休日 of September", () => {
    expect([...nationalHolidays(2026)].sort(([a], [b]) => a.localeCompare(b))).toEqual([
      ["2026-01-01", "元日"],
      ["2026-01-12", "成人の日"],
      ["2026-02-11", "建国記念の日"],
      ["2026-02-23", "天皇誕生日"],
      ["2026-03-20", "春分の日"],
      ["2026-04-29", "昭和の日"],
      ["2026-05-03", "憲法記念日"],
      ["2026-05-04", "みどりの日"],
      ["2026-05-05", "こどもの日"],
      ["2026-05-06", "振替休日"],
      ["2026-07-20", "海の日"],
      ["2026-08-11", "山の日"],
      ["2026-09-21", "敬老の日"],
      ["2026-09-22", "国民の休日"],
      ["2026-09-23", "秋分の日"],
      ["2026-10-12", "スポーツの日"],
      ["2026-11-03", "文化の日"],
      ["2026-11-23", "勤労感謝の日"],
    ]);
  });

  it("moves a Sunday holiday to the next day that is not one, and finds the equinoxes", () => {
    // 2027: 2/11 Thu; 3/21 is a Sunday → 3/22 振替休日; 9/23 秋分の日
    const y2027 = nationalHolidays(2027);
    expect(y2027.get("2027-03-21")).toBe("春分の日");
    expect(y2027.get("2027-03-22")).toBe("振替休日");
    expect(y2027.get("2027-09-23")).toBe("秋分の日");
    expect(y2027.get("2027-01-11")).toBe("成人の日");
    // 2025: 5/4 (みどりの日) was a Sunday → 5/6 振替休日, as 5/5 is a holiday itself
    expect(nationalHolidays(2025).get("2025-05-06")).toBe("振替休日");
    expect(nationalHolidays(2025).get("2025-09-23")).toBe("秋分の日");
  });

  it("gives none outside the years its rules hold for", () => {
    expect(nationalHolidays(2019).size).toBe(0);
    expect(nationalHolidays(2100).size).toBe(0);
  });
});

describe("closed days of the counters", () => {
  it("are weekends, holidays and 年末年始 (12月29日〜1月3日)", () => {
    expect(isClosedDay("2026-11-03")).toBe(true); // 文化の日, Tuesday
    expect(isClosedDay("2026-11-04")).toBe(false);
    expect(isClosedDay("2026-11-07")).toBe(true); // Saturday
    expect(isClosedDay("2026-12-29")).toBe(true); // Tuesday, 年末
    expect(isClosedDay("2026-12-28")).toBe(false); // 仕事納め
    expect(isClosedDay("2027-01-04")).toBe(false); // 仕事始め, Monday
    expect(closedWeekdays(2026)).toContain("2026-01-02");
    expect(closedWeekdays(2026).every((d) => ![0, 6].includes(new Date(`${d}T00:00:00Z`).getUTCDay()))).toBe(
      true,
    );
  });
});
