import { describe, expect, it } from "vitest";
import {
  daysWaiting,
  type ProgressUpdateInput,
  progressQuerySchema,
  progressRefusal,
  progressUpdateInputSchema,
  statusList,
  updateInBatches,
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

describe("updateInBatches", () => {
  const chosen = (n: number) =>
    Array.from({ length: n }, (_, i) => ({ caseId: 1, procedureId: i + 1, expected: "received" as const }));
  /** The server's side: it refuses a request over the limit, as progressUpdateInputSchema does. */
  const server = (refuse: ReadonlySet<number> = new Set()) => {
    const sent: number[] = [];
    const send = async (batch: ProgressUpdateInput) => {
      const parsed = progressUpdateInputSchema.parse(batch);
      sent.push(parsed.items.length);
      return {
        results: parsed.items.map((i) => ({
          procedureId: i.procedureId,
          name: `手続き${i.procedureId}`,
          ok: !refuse.has(i.procedureId),
          message: refuse.has(i.procedureId) ? "すでに審査済です" : "審査済にしました",
        })),
      };
    };
    return { sent, send };
  };

  it("changes every one of 300 chosen rows in requests of at most 100, answered in order", async () => {
    const { sent, send } = server(new Set([150]));
    const { results } = await updateInBatches({ status: "reviewed", items: chosen(300) }, send, String);
    expect(sent).toEqual([100, 100, 100]);
    expect(results.map((r) => r.procedureId)).toEqual(chosen(300).map((i) => i.procedureId));
    expect(results.filter((r) => !r.ok).map((r) => r.procedureId)).toEqual([150]);
  });

  it("sends 101 as 100 and 1, and 100 or fewer as one request", async () => {
    const many = server();
    expect(
      (await updateInBatches({ status: "reviewed", items: chosen(101) }, many.send, String)).results,
    ).toHaveLength(101);
    expect(many.sent).toEqual([100, 1]);
    const few = server();
    await updateInBatches({ status: "reviewed", items: chosen(100) }, few.send, String);
    expect(few.sent).toEqual([100]);
  });

  it("reports the rows of a failed later request refused, keeping what went through", async () => {
    const { send } = server();
    let calls = 0;
    const flaky = async (batch: ProgressUpdateInput) => {
      calls += 1;
      if (calls === 2) throw new Error("通信できませんでした");
      return send(batch);
    };
    const { results } = await updateInBatches(
      { status: "completed", items: chosen(250) },
      flaky,
      (e) => (e as Error).message,
    );
    expect(calls).toBe(2);
    expect(results).toHaveLength(250);
    expect(results.slice(0, 100).every((r) => r.ok)).toBe(true);
    expect(results.slice(100).every((r) => !r.ok)).toBe(true);
    expect(results[100]?.message).toBe(
      "通信できませんでした (変更できたか確かめられません。一覧を更新して状態を確かめてください)",
    );
  });

  it("throws a failure before anything went through", async () => {
    const failing = async () => {
      throw new Error("ログインしてください");
    };
    await expect(
      updateInBatches({ status: "reviewed", items: chosen(150) }, failing, String),
    ).rejects.toThrow("ログインしてください");
  });
});
