import { describe, expect, it } from "vitest";
import {
  daysWaiting,
  progressQuerySchema,
  progressRefusal,
  progressUpdateInputSchema,
  statusList,
} from "./progress.ts";

describe("progressRefusal", () => {
  it("allows 受付済 → 審査済 and 審査済 → 完了 only", () => {
    expect(progressRefusal("received", "reviewed")).toBeNull();
    expect(progressRefusal("reviewed", "completed")).toBeNull();
  });
  it("refuses skipping 審査, going back and repeating, with the reason", () => {
    expect(progressRefusal("received", "completed")).toBe(
      "受付済の手続きは完了にできません (審査済にしてから完了にします)",
    );
    expect(progressRefusal("completed", "reviewed")).toBe(
      "完了の手続きは審査済にできません (受付済のものだけです)",
    );
    expect(progressRefusal("reviewed", "reviewed")).toBe("すでに審査済です");
    expect(progressRefusal("printed", "reviewed")).toContain("申請書印刷済");
  });
});

describe("daysWaiting", () => {
  it("counts Japan calendar days, not 24-hour spans", () => {
    // 2026-04-01 23:30 JST to 2026-04-02 00:10 JST: the next day in Japan, 40 minutes later
    expect(daysWaiting(new Date("2026-04-01T14:30:00Z"), new Date("2026-04-01T15:10:00Z"))).toBe(1);
    // 2026-04-01 00:10 JST to 23:50 JST the same day
    expect(daysWaiting(new Date("2026-03-31T15:10:00Z"), new Date("2026-04-01T14:50:00Z"))).toBe(0);
    expect(daysWaiting(new Date("2026-03-01T01:00:00Z"), new Date("2026-04-01T01:00:00Z"))).toBe(31);
  });
  it("never goes below zero for a clock behind", () => {
    expect(daysWaiting(new Date("2026-04-02T01:00:00Z"), new Date("2026-04-01T01:00:00Z"))).toBe(0);
  });
});

describe("progressQuerySchema", () => {
  it("defaults to the work still waiting and takes one status or several", () => {
    const none = progressQuerySchema.parse({});
    expect(statusList(none.status)).toEqual(["received", "reviewed"]);
    expect(statusList(progressQuerySchema.parse({ status: "completed" }).status)).toEqual(["completed"]);
    expect(statusList(progressQuerySchema.parse({ status: ["reviewed", "reviewed"] }).status)).toEqual([
      "reviewed",
    ]);
  });
  it("refuses a status outside the back office's, a bad date and a reversed period in Japanese", () => {
    const status = progressQuerySchema.safeParse({ status: "printed" });
    expect(status.error?.issues[0]?.message).toContain("状態は");
    const date = progressQuerySchema.safeParse({ from: "2026/04/01" });
    expect(date.error?.issues[0]?.message).toBe("受付日の初日は YYYY-MM-DD の形の日付で指定してください");
    const order = progressQuerySchema.safeParse({ from: "2026-04-02", to: "2026-04-01" });
    expect(order.error?.issues[0]?.message).toBe("受付日の末日は初日と同じ日か後の日にしてください");
  });
});

describe("progressUpdateInputSchema", () => {
  it("refuses an empty choice and the same procedure twice", () => {
    expect(
      progressUpdateInputSchema.safeParse({ status: "reviewed", items: [] }).error?.issues[0]?.message,
    ).toBe("手続きを選んでください");
    const item = { caseId: 1, procedureId: 2, expected: "received" };
    const twice = progressUpdateInputSchema.safeParse({ status: "reviewed", items: [item, item] });
    expect(twice.error?.issues[0]?.message).toBe("同じ手続きが重ねて指定されています");
    expect(progressUpdateInputSchema.safeParse({ status: "received", items: [item] }).success).toBe(false);
  });
});
