import { describe, expect, it } from "vitest";
import { typedInteger } from "./typed.ts";

describe("a whole number as staff type it", () => {
  it("reads half- and full-width digits and a minus, and nothing else", () => {
    expect(typedInteger("350")).toBe(350);
    expect(typedInteger(" ３５０ ")).toBe(350);
    expect(typedInteger("－５")).toBe(-5);
    expect(typedInteger("3.5")).toBeNaN();
    expect(typedInteger("三")).toBeNaN();
    expect(typedInteger("")).toBeNaN();
    expect(typedInteger("1234567890")).toBeNaN();
  });
});
