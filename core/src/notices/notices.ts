import { z } from "zod";
import { counterSummarySchema } from "../auth/schemas.ts";
import { japanDate } from "../common/dates.ts";

/**
 * 伝達事項 (P48): messages from administrators to all staff or to the staff of chosen counters,
 * shown for a period (whole days in Japan, both ends included) until withdrawn, with a read mark per
 * member of staff.
 */

export const noticeTitleMax = 100;
export const noticeBodyMax = 2000;

export const noticeImportances = ["normal", "important"] as const;
export const noticeImportanceSchema = z.enum(noticeImportances, "重要度を選んでください");
export type NoticeImportance = z.infer<typeof noticeImportanceSchema>;
export const noticeImportanceLabels: Record<NoticeImportance, string> = { normal: "通常", important: "重要" };

/** Who sees a notice: every member of staff, or those acting at one of the counters. */
export const noticeAudienceSchema = z.discriminatedUnion(
  "kind",
  [
    z.object({ kind: z.literal("all") }).strict(),
    z
      .object({
        kind: z.literal("counters"),
        counterIds: z
          .array(z.string().min(1).max(40))
          .min(1, "対象の窓口を1つ以上選んでください")
          .max(200)
          .refine((ids) => new Set(ids).size === ids.length, "同じ窓口が重複しています"),
      })
      .strict(),
  ],
  { error: "対象（全職員か窓口）を選んでください" },
);
export type NoticeAudience = z.infer<typeof noticeAudienceSchema>;

const day = (label: string) =>
  z.iso.date({
    error: (issue) =>
      issue.input === undefined || issue.input === ""
        ? `${label}を入力してください`
        : `${label}は YYYY-MM-DD の形の日付で入力してください`,
  });

/** What an administrator writes, for a new notice and for an edit alike. */
export const noticeInputSchema = z
  .object({
    title: z
      .string("件名を入力してください")
      .trim()
      .min(1, "件名を入力してください")
      .max(noticeTitleMax, `件名は${noticeTitleMax}文字以内にしてください`),
    body: z
      .string("本文を入力してください")
      .trim()
      .min(1, "本文を入力してください")
      .max(noticeBodyMax, `本文は${noticeBodyMax}文字以内にしてください`),
    importance: noticeImportanceSchema,
    audience: noticeAudienceSchema,
    shownFrom: day("掲示開始日"),
    /** null: until withdrawn */
    shownTo: day("掲示終了日").nullable(),
  })
  .strict()
  .refine((n) => n.shownTo === null || n.shownFrom <= n.shownTo, {
    path: ["shownTo"],
    message: "掲示終了日は掲示開始日と同じ日か後の日にしてください",
  });
export type NoticeInput = z.infer<typeof noticeInputSchema>;

/** What staff read: a notice in force for them, and whether they have marked it read. */
export const noticeViewSchema = z.object({
  id: z.number().int(),
  title: z.string(),
  body: z.string(),
  importance: noticeImportanceSchema,
  shownFrom: z.string(),
  shownTo: z.string().nullable(),
  /** who wrote it, by name */
  postedBy: z.string(),
  updatedAt: z.string(),
  readAt: z.string().nullable(),
});
export type NoticeView = z.infer<typeof noticeViewSchema>;
export const noticeListSchema = z.object({ notices: z.array(noticeViewSchema) });

/** Where a notice stands today, as the administrators' list says it. */
export const noticeStates = ["scheduled", "shown", "ended", "withdrawn"] as const;
export type NoticeState = (typeof noticeStates)[number];
export const noticeStateLabels: Record<NoticeState, string> = {
  scheduled: "掲示前",
  shown: "掲示中",
  ended: "掲示終了",
  withdrawn: "取り下げ",
};

/** A notice as administrators manage it: everything they wrote, its state and how many read it. */
export const adminNoticeSchema = noticeViewSchema.omit({ readAt: true }).extend({
  audience: noticeAudienceSchema,
  createdAt: z.string(),
  updatedBy: z.string(),
  withdrawnAt: z.string().nullable(),
  state: z.enum(noticeStates),
  readCount: z.number().int(),
});
export type AdminNotice = z.infer<typeof adminNoticeSchema>;
export const adminNoticeListSchema = z.object({
  notices: z.array(adminNoticeSchema),
  /** every counter, for choosing an audience and naming it */
  counters: z.array(counterSummarySchema),
});
export type AdminNoticeList = z.infer<typeof adminNoticeListSchema>;

/** The answer to a creation, an edit or a withdrawal. */
export const noticeSavedSchema = z.object({ id: z.number().int() });

/** What decides whether a notice is shown; the stored row and the views both have it. */
export interface NoticeReach {
  audience: NoticeAudience;
  shownFrom: string;
  shownTo: string | null;
  withdrawnAt: Date | string | null;
}

/** Where a notice stands on a day in Japan. */
export function noticeState(notice: NoticeReach, at: Date): NoticeState {
  if (notice.withdrawnAt !== null) return "withdrawn";
  const today = japanDate(at);
  if (today < notice.shownFrom) return "scheduled";
  if (notice.shownTo !== null && today > notice.shownTo) return "ended";
  return "shown";
}

/** Whether a member of staff acting at a counter sees the notice at an instant. */
export function isNoticeShown(notice: NoticeReach, counterId: string, at: Date): boolean {
  if (noticeState(notice, at) !== "shown") return false;
  return notice.audience.kind === "all" || notice.audience.counterIds.includes(counterId);
}

type Ordered = Pick<NoticeView, "importance" | "shownFrom" | "id">;

/** Important notices first, then the newest: the latest start of period, then the latest written. */
export function compareNotices(a: Ordered, b: Ordered): number {
  const rank = (n: Ordered) => (n.importance === "important" ? 0 : 1);
  return rank(a) - rank(b) || b.shownFrom.localeCompare(a.shownFrom) || b.id - a.id;
}
