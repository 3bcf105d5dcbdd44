import { describe, expect, it } from "vitest";
import { judgeIdentity } from "./identity.ts";

describe("judgeIdentity", () => {
  it.each([
    [["photo"], true],
    [["photo", "b"], true],
    [["a", "a"], true],
    [["a", "b"], true],
    [["b", "a"], true],
    [["a"], false],
    [["b", "b"], false],
    [["b", "b", "b"], false],
    [["b"], false],
    [[], false],
  ] as const)("%j → %s", (tiers, sufficient) => {
    expect(judgeIdentity(tiers).sufficient).toBe(sufficient);
  });

  it("says what is missing", () => {
    expect(judgeIdentity(["b", "b"]).message).toContain("イ の書類が1点必要");
    expect(judgeIdentity(["a"]).message).toContain("もう1点");
    expect(judgeIdentity([]).message).toContain("選んでください");
  });
});
