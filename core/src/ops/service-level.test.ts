import { describe, expect, it } from "vitest";
import { dueMinutes, serviceLevelReport } from "./service-level.ts";

const min = 60_000;

describe("dueMinutes", () => {
  it("takes out planned stops, merged where they overlap and clipped to the day", () => {
    const day = 0;
    const end = 1440 * min;
    expect(dueMinutes(day, end, [])).toBe(1440);
    expect(
      dueMinutes(day, end, [
        { startsAt: -30 * min, endsAt: 30 * min },
        { startsAt: 20 * min, endsAt: 60 * min },
        { startsAt: 100 * min, endsAt: 110 * min },
        { startsAt: 1430 * min, endsAt: 1500 * min },
      ]),
    ).toBe(1440 - 60 - 10 - 10);
    expect(dueMinutes(day, end, [{ startsAt: -min, endsAt: end + min }])).toBe(0);
    // a partial day (today, up to now) counts whole minutes only
    expect(dueMinutes(day, 90.5 * min, [])).toBe(90);
  });
});

describe("serviceLevelReport", () => {
  const day = (d: string, requests: number, withinGoal: number, upMinutes: number, due = 1440) => ({
    day: d,
    requests,
    withinGoal,
    serverErrors: 0,
    excluded: 0,
    upMinutes,
    dueMinutes: due,
  });

  it("judges each day and the period against 99.9% within 3 s and 99.5% availability", () => {
    const report = serviceLevelReport([
      day("2026-12-01", 10_000, 9_990, 1440),
      day("2026-12-02", 10_000, 9_989, 1433),
      day("2026-12-03", 0, 0, 0, 0),
    ]);
    expect(report.days.map((d) => [d.meetsResponseGoal, d.meetsAvailabilityGoal])).toEqual([
      [true, true],
      [false, true],
      [true, true],
    ]);
    expect(report.days[1]?.availability).toBeCloseTo(1433 / 1440, 9);
    expect(report.days[2]?.withinGoalShare).toBeNull();
    expect(report.days[2]?.availability).toBeNull();
    expect(report.total.requests).toBe(20_000);
    expect(report.total.withinGoalShare).toBeCloseTo(19_979 / 20_000, 9);
    // one poor day pulls the period under 99.9%
    expect(report.total.meetsResponseGoal).toBe(false);
    expect(report.total.dueMinutes).toBe(2880);
  });

  it("fails availability below 99.5% and caps it at 100%", () => {
    const report = serviceLevelReport([day("2026-12-01", 1, 1, 1432), day("2026-12-02", 1, 1, 1441)]);
    expect(report.days[0]?.meetsAvailabilityGoal).toBe(false);
    expect(report.days[1]?.availability).toBe(1);
  });
});
