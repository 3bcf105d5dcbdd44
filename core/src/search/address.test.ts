import { describe, expect, it } from "vitest";
import { addressKey } from "./address.ts";

describe("address search key", () => {
  it("folds 丁目・番地・号 and hyphens to one form", () => {
    expect(addressKey("塩冶町2丁目15番3号")).toBe("塩冶町2-15-3");
    expect(addressKey("塩冶町２－１５－３")).toBe("塩冶町2-15-3");
    expect(addressKey("塩冶町二丁目15番地3")).toBe("塩冶町2-15-3");
  });

  it("lets a typed part match the start of the stored key", () => {
    expect(addressKey("斐川町直江1234番地5 コーポ斐川 203号").startsWith(addressKey("斐川町直江 1234"))).toBe(
      true,
    );
  });

  it("folds 異体字 in town names", () => {
    expect(addressKey("大津新﨑町")).toBe(addressKey("大津新崎町"));
  });
});
