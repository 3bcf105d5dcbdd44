import { describe, expect, it } from "vitest";
import { claimRequestSchema, retryDelaySeconds } from "./jobs.ts";

describe("retries", () => {
  it("wait 30 s after the first failure, doubling, never more than an hour", () => {
    expect([1, 2, 3, 4, 5].map(retryDelaySeconds)).toEqual([30, 60, 120, 240, 480]);
    expect(retryDelaySeconds(12)).toBe(3600);
    expect(retryDelaySeconds(0)).toBe(30);
  });
});

describe("a robot's claim", () => {
  it("takes one job for five minutes unless it asks otherwise, and refuses odd leases", () => {
    expect(claimRequestSchema.parse({})).toEqual({ leaseSeconds: 300, max: 1 });
    expect(claimRequestSchema.safeParse({ leaseSeconds: 5 }).error?.issues[0]?.message).toBe(
      "リース時間は10秒以上です",
    );
    expect(claimRequestSchema.safeParse({ scenarios: ["printMoney"] }).success).toBe(false);
  });
});
