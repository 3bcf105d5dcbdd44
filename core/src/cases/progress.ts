import { z } from "zod";
import { japanDate } from "../common/dates.ts";
import { shownAddressSchema } from "../search/schemas.ts";
import { type ProcedureStatus, procedureStatusLabels } from "./schemas.ts";

/**
 * 進捗管理 (L41): after the visit the back office takes a procedure 受付済 → 審査済 → 完了. A 受付済
 * procedure waits for 審査, a 審査済 one for 完了.
 */
export const progressStatuses = ["received", "reviewed", "completed"] as const;
const progressStatusSchema = z.enum(progressStatuses, {
  error: "状態は received (受付済)、reviewed (審査済)、completed (完了) のどれかで指定してください",
});
export type ProgressStatus = z.infer<typeof progressStatusSchema>;
/** What the view shows unless told otherwise: the work still to do. */
export const defaultProgressStatuses: readonly ProgressStatus[] = ["received", "reviewed"];

/** The statuses the list may set at once. */
export const progressTargets = ["reviewed", "completed"] as const;
export type ProgressTarget = (typeof progressTargets)[number];

/** More rows than this are not listed: staff narrow the period or the procedure instead. */
export const progressLimit = 300;
/** Rows one bulk change may name. */
export const progressBatchLimit = 100;

const isoDate = (label: string) =>
  z.iso.date({ error: `${label}は YYYY-MM-DD の形の日付で指定してください` }).optional();

export const progressQuerySchema = z
  .object({
    /** one status or several (a repeated query parameter arrives as an array) */
    status: z
      .union([progressStatusSchema, z.array(progressStatusSchema).max(3)], {
        error: "状態は received (受付済)、reviewed (審査済)、completed (完了) のどれかで指定してください",
      })
      .optional(),
    from: isoDate("受付日の初日"),
    to: isoDate("受付日の末日"),
    procedure: z
      .string()
      .regex(/^[a-z][a-z0-9-]{1,60}$/, "手続きの指定が正しくありません")
      .optional(),
  })
  .superRefine((q, issue) => {
    if (q.from && q.to && q.to < q.from)
      issue.addIssue({
        code: "custom",
        path: ["to"],
        message: "受付日の末日は初日と同じ日か後の日にしてください",
      });
  });
export type ProgressQuery = z.infer<typeof progressQuerySchema>;

/** The statuses a query asks for, the default when it names none. */
export function statusList(status: ProgressQuery["status"]): ProgressStatus[] {
  if (status === undefined) return [...defaultProgressStatuses];
  return typeof status === "string" ? [status] : [...new Set(status)];
}

export const progressRowSchema = z.object({
  procedureId: z.number(),
  caseId: z.number(),
  key: z.string(),
  name: z.string(),
  programmeLabel: z.string(),
  status: progressStatusSchema,
  received: z.object({ at: z.string(), staffName: z.string(), counterName: z.string() }),
  person: z
    .object({
      id: z.string().nullable(),
      name: z.string(),
      /** through the 支援措置 masking, like every address shown */
      address: shownAddressSchema.nullable(),
      supportMeasure: z.boolean(),
    })
    .nullable(),
  /** whole Japan days since it was received */
  daysWaiting: z.number().int(),
});
export type ProgressRow = z.infer<typeof progressRowSchema>;

export const progressListSchema = z.object({
  rows: z.array(progressRowSchema),
  /** more matched than the limit: only the oldest are listed */
  truncated: z.boolean(),
  limit: z.number(),
  /** the procedures this counter takes, for the filter */
  procedures: z.array(z.object({ key: z.string(), name: z.string() })),
});
export type ProgressList = z.infer<typeof progressListSchema>;

export const progressUpdateInputSchema = z.object({
  status: z.enum(progressTargets, { error: "変更後の状態は reviewed (審査済) か completed (完了) です" }),
  items: z
    .array(
      z.object({
        caseId: z.number().int().positive(),
        procedureId: z.number().int().positive(),
        /** the status the list showed: a row someone has moved since is refused, not overwritten */
        expected: progressStatusSchema,
      }),
    )
    .min(1, "手続きを選んでください")
    .max(progressBatchLimit, `一度に変更できるのは${progressBatchLimit}件までです`)
    .refine((items) => new Set(items.map((i) => i.procedureId)).size === items.length, {
      message: "同じ手続きが重ねて指定されています",
    }),
});
export type ProgressUpdateInput = z.infer<typeof progressUpdateInputSchema>;

export const progressUpdateResultSchema = z.object({
  results: z.array(
    z.object({ procedureId: z.number(), name: z.string(), ok: z.boolean(), message: z.string() }),
  ),
});
export type ProgressUpdateResult = z.infer<typeof progressUpdateResultSchema>;

/**
 * The whole choice (すべて選ぶ takes up to `progressLimit` rows) sent as requests of at most
 * `progressBatchLimit` rows, one after another, answered as one. Rows are independent on the server
 * (one refusal stops no other), so a batch that fails after others went through does not hide
 * them: its rows and the unsent ones are reported refused with `describe`'s reason, since whether
 * the failed request took effect is unknown. A failure before anything went through is thrown.
 */
export async function updateInBatches(
  input: ProgressUpdateInput,
  send: (batch: ProgressUpdateInput) => Promise<ProgressUpdateResult>,
  describe: (error: unknown) => string,
): Promise<ProgressUpdateResult> {
  const results: ProgressUpdateResult["results"] = [];
  for (let i = 0; i < input.items.length; i += progressBatchLimit) {
    const items = input.items.slice(i, i + progressBatchLimit);
    try {
      results.push(...(await send({ status: input.status, items })).results);
    } catch (error) {
      if (results.length === 0) throw error;
      const message = `${describe(error)} (変更できたか確かめられません。一覧を更新して状態を確かめてください)`;
      for (const item of input.items.slice(i)) {
        results.push({ procedureId: item.procedureId, name: "", ok: false, message });
      }
      break;
    }
  }
  return { results };
}

/**
 * Whether the list may move a procedure from one status to the next: 受付済 → 審査済 and 審査済 → 完了
 * only, so 審査 is never skipped and nothing goes back. The reason, in Japanese, when not.
 */
export function progressRefusal(from: ProcedureStatus, to: ProgressTarget): string | null {
  if (from === to) return `すでに${procedureStatusLabels[to]}です`;
  if (to === "reviewed" && from !== "received")
    return `${procedureStatusLabels[from]}の手続きは審査済にできません (受付済のものだけです)`;
  if (to === "completed" && from !== "reviewed")
    return `${procedureStatusLabels[from]}の手続きは完了にできません (審査済にしてから完了にします)`;
  return null;
}

/** A row the list showed in another status than it has now: refused, never overwritten. */
export function movedSinceListed(current: ProcedureStatus): string {
  return `一覧の表示後に他の職員が状態を変えました (現在は ${procedureStatusLabels[current]})。一覧を更新してください`;
}

const dayMs = 86_400_000;

/** Days between receipt and now, counted in Japan calendar days (received today is 0). */
export function daysWaiting(receivedAt: Date, now: Date): number {
  const days = (Date.parse(japanDate(now)) - Date.parse(japanDate(receivedAt))) / dayMs;
  return Math.max(0, Math.round(days));
}
