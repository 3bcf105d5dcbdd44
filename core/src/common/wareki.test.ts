import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ageOn, formatWareki, parseJapaneseDate } from "./wareki.ts";

const day = (input: string, era?: "M" | "T" | "S" | "H" | "R") => {
  const r = parseJapaneseDate(input, era);
  return r.ok && r.precision === "day" ? r.date : r;
};

describe("parseJapaneseDate", () => {
  it("reads the forms staff type", () => {
    for (const input of [
      "1975-03-01",
      "1975/3/1",
      "19750301",
      "S50.3.1",
      "s50/3/1",
      "昭和50年3月1日",
      "昭50年3月1日",
      "Ｓ５０．３．１",
    ]) {
      expect(day(input), input).toBe("1975-03-01");
    }
    expect(day("500301", "S")).toBe("1975-03-01");
  });

  it("knows the era boundaries", () => {
    expect(day("平成31年4月30日")).toBe("2019-04-30");
    expect(day("令和元年5月1日")).toBe("2019-05-01");
    expect(day("R1.5.1")).toBe("2019-05-01");
    expect(day("H1.1.8")).toBe("1989-01-08");
    expect(day("S64.1.7")).toBe("1989-01-07");
    const outside = parseJapaneseDate("平成31年5月1日");
    expect(outside.ok).toBe(false);
    expect(!outside.ok && outside.message).toMatch(/平成の期間外.*令和元年5月1日/);
    expect(parseJapaneseDate("令和元年4月30日").ok).toBe(false);
    expect(parseJapaneseDate("S64.1.8").ok).toBe(false);
  });

  it("gives ranges for a year or a month, for searching", () => {
    expect(parseJapaneseDate("S50")).toMatchObject({
      ok: true,
      precision: "year",
      from: "1975-01-01",
      to: "1975-12-31",
    });
    expect(parseJapaneseDate("昭和50年2月")).toMatchObject({
      precision: "month",
      from: "1975-02-01",
      to: "1975-02-28",
    });
    expect(parseJapaneseDate("H31")).toMatchObject({ ok: true, from: "2019-01-01", to: "2019-12-31" });
  });

  it("refuses impossible dates with a Japanese message", () => {
    for (const input of ["1975-02-30", "S50.13.1", "令和0年1月1日", "abc", "500301"]) {
      const r = parseJapaneseDate(input);
      expect(r.ok, input).toBe(false);
      expect(!r.ok && r.message).toMatch(/[ぁ-んァ-ン一-龯]/);
    }
  });

  it("round-trips every date since 明治 through its 和暦 form", () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date("1868-01-25T00:00:00Z"),
          max: new Date("2100-12-31T00:00:00Z"),
          noInvalidDate: true,
        }),
        (d) => {
          const iso = d.toISOString().slice(0, 10);
          expect(day(formatWareki(iso))).toBe(iso);
          expect(day(formatWareki(iso, "short"))).toBe(iso);
        },
      ),
    );
  });
});

describe("formatWareki and ageOn", () => {
  it("formats 元年 and short forms", () => {
    expect(formatWareki("2019-05-01")).toBe("令和元年5月1日");
    expect(formatWareki("2019-04-30")).toBe("平成31年4月30日");
    expect(formatWareki("1975-03-01", "short")).toBe("S50.3.1");
  });

  it("counts calendar age", () => {
    expect(ageOn("1950-04-02", "2025-04-01")).toBe(74);
    expect(ageOn("1950-04-01", "2025-04-01")).toBe(75);
    expect(ageOn("2008-02-29", "2026-02-28")).toBe(17);
  });
});
