import { describe, expect, it } from "vitest";
import {
  compareNotices,
  isNoticeShown,
  type NoticeReach,
  noticeInputSchema,
  noticeState,
} from "./notices.ts";

// 2026-12-04 23:30 UTC is already 2026-12-05 in Japan: the period is counted in Japanese days.
const lateUtc = new Date("2026-12-04T23:30:00Z");
const toShimin: NoticeReach = {
  audience: { kind: "counters", counterIds: ["shimin", "hirata"] },
  shownFrom: "2026-12-05",
  shownTo: "2026-12-10",
  withdrawnAt: null,
};

describe("whether a notice is shown", () => {
  it("shows a counter's notice at that counter only", () => {
    expect(isNoticeShown(toShimin, "shimin", lateUtc)).toBe(true);
    expect(isNoticeShown(toShimin, "hirata", lateUtc)).toBe(true);
    expect(isNoticeShown(toShimin, "hokennenkin", lateUtc)).toBe(false);
    expect(isNoticeShown({ ...toShimin, audience: { kind: "all" } }, "hokennenkin", lateUtc)).toBe(true);
  });

  it("counts its period in Japanese days, both ends included", () => {
    expect(isNoticeShown(toShimin, "shimin", new Date("2026-12-04T14:59:59Z"))).toBe(false);
    expect(noticeState(toShimin, new Date("2026-12-04T14:59:59Z"))).toBe("scheduled");
    expect(isNoticeShown(toShimin, "shimin", new Date("2026-12-10T14:59:59Z"))).toBe(true);
    expect(isNoticeShown(toShimin, "shimin", new Date("2026-12-10T15:00:00Z"))).toBe(false);
    expect(noticeState(toShimin, new Date("2026-12-10T15:00:00Z"))).toBe("ended");
    expect(isNoticeShown({ ...toShimin, shownTo: null }, "shimin", new Date("2030-01-01T00:00:00Z"))).toBe(
      true,
    );
  });

  it("never shows a withdrawn notice", () => {
    const withdrawn = { ...toShimin, withdrawnAt: new Date("2026-12-05T01:00:00Z") };
    expect(isNoticeShown(withdrawn, "shimin", lateUtc)).toBe(false);
    expect(noticeState(withdrawn, lateUtc)).toBe("withdrawn");
  });
});

describe("the order of notices", () => {
  it("puts important ones first, then the newest", () => {
    const notices = [
      { id: 1, importance: "normal" as const, shownFrom: "2026-12-01" },
      { id: 2, importance: "important" as const, shownFrom: "2026-11-01" },
      { id: 3, importance: "normal" as const, shownFrom: "2026-12-03" },
      { id: 4, importance: "normal" as const, shownFrom: "2026-12-03" },
    ];
    expect(notices.sort(compareNotices).map((n) => n.id)).toEqual([2, 4, 3, 1]);
  });
});

describe("what an administrator writes", () => {
  const valid = {
    title: "  年末年始の窓口 ",
    body: "12月29日から1月3日まで閉庁します。",
    importance: "important",
    audience: { kind: "all" },
    shownFrom: "2026-12-01",
    shownTo: "2026-12-28",
  };
  const messages = (input: unknown) =>
    noticeInputSchema.safeParse(input).error?.issues.map((i) => [i.path.join("."), i.message]);

  it("is trimmed and accepted with an open end", () => {
    expect(noticeInputSchema.parse({ ...valid, shownTo: null })).toMatchObject({
      title: "年末年始の窓口",
      shownTo: null,
    });
  });

  it("refuses with Japanese messages at the field", () => {
    expect(messages({ ...valid, title: " " })).toEqual([["title", "件名を入力してください"]]);
    expect(messages({ ...valid, title: "あ".repeat(101) })).toEqual([
      ["title", "件名は100文字以内にしてください"],
    ]);
    expect(messages({ ...valid, body: "x".repeat(2001) })).toEqual([
      ["body", "本文は2000文字以内にしてください"],
    ]);
    expect(messages({ ...valid, shownTo: "2026-11-30" })).toEqual([
      ["shownTo", "掲示終了日は掲示開始日と同じ日か後の日にしてください"],
    ]);
    expect(messages({ ...valid, shownFrom: "12/1" })).toEqual([
      ["shownFrom", "掲示開始日は YYYY-MM-DD の形の日付で入力してください"],
    ]);
    expect(messages({ ...valid, audience: { kind: "counters", counterIds: [] } })).toEqual([
      ["audience.counterIds", "対象の窓口を1つ以上選んでください"],
    ]);
    expect(messages({ ...valid, audience: { kind: "counters", counterIds: ["shimin", "shimin"] } })).toEqual([
      ["audience.counterIds", "同じ窓口が重複しています"],
    ]);
  });
});
