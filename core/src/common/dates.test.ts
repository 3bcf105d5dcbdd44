import { describe, expect, it } from "vitest";
import { japanDate } from "./dates.ts";

describe("japanDate", () => {
  it("is the date in Japan, not UTC", () => {
    expect(japanDate(new Date("2026-03-31T15:00:00Z"))).toBe("2026-04-01");
    expect(japanDate(new Date("2026-03-31T14:59:59Z"))).toBe("2026-03-31");
  });
});
