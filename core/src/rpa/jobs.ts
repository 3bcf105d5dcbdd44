import { z } from "zod";
import { rpaPayloadSchema, rpaScenarioSchema } from "./scenarios.ts";

/**
 * A job's life: 待機 → 処理中 (leased to one robot) → 完了, or 再試行待ち after a failure and, past
 * the last attempt or on a failure the robot says will not pass on retry, 停止 for staff to look at.
 * A job whose robot stops answering goes back to the queue when its lease ends.
 */
export const rpaJobStatuses = ["queued", "running", "failed", "done", "dead", "cancelled"] as const;
export const rpaJobStatusSchema = z.enum(rpaJobStatuses);
export type RpaJobStatus = z.infer<typeof rpaJobStatusSchema>;
export const rpaJobStatusLabels: Record<RpaJobStatus, string> = {
  queued: "待機中",
  running: "処理中",
  failed: "再試行待ち",
  done: "入力済み",
  dead: "停止（要確認）",
  cancelled: "取消",
};

/** Attempts before a job stops for staff. */
export const maxAttempts = 5;

/** Seconds to wait before the next attempt: 30 s, doubling, at most an hour. */
export function retryDelaySeconds(attemptsMade: number): number {
  return Math.min(3600, 30 * 2 ** Math.max(0, attemptsMade - 1));
}

export const claimRequestSchema = z
  .object({
    /** the scenarios this robot can type; all when left out */
    scenarios: z.array(rpaScenarioSchema).min(1).max(20).optional(),
    /** how long the robot holds the job before it goes back to the queue */
    leaseSeconds: z
      .number()
      .int()
      .min(10, "リース時間は10秒以上です")
      .max(3600, "リース時間は3600秒以下です")
      .default(300),
    max: z.number().int().min(1).max(20).default(1),
  })
  .strict();
export type ClaimRequest = z.infer<typeof claimRequestSchema>;

export const claimedJobSchema = z.object({
  id: z.number(),
  scenario: rpaScenarioSchema,
  attempt: z.number(),
  leaseUntil: z.string(),
  payload: rpaPayloadSchema,
});
export const claimResponseSchema = z.object({ jobs: z.array(claimedJobSchema) });
export type ClaimedJob = z.infer<typeof claimedJobSchema>;

export const failRequestSchema = z
  .object({
    message: z.string().trim().min(1, "失敗の内容を入力してください").max(1000),
    /** false when trying again cannot help (the core system refused the data) */
    retryable: z.boolean().default(true),
  })
  .strict();

export const jobReportSchema = z.object({ id: z.number(), status: rpaJobStatusSchema });

/** A job as staff see it: its state, never its data (addresses of protected persons stay in the job). */
export const rpaJobViewSchema = z.object({
  id: z.number(),
  caseId: z.number(),
  scenario: rpaScenarioSchema,
  scenarioLabel: z.string(),
  /** whom it is about, by name, as the case already shows them */
  subject: z.string(),
  status: rpaJobStatusSchema,
  statusLabel: z.string(),
  attempts: z.number(),
  lastError: z.string().nullable(),
  robot: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type RpaJobView = z.infer<typeof rpaJobViewSchema>;
export const rpaJobListSchema = z.object({ jobs: z.array(rpaJobViewSchema) });

/** The queue at a glance (P48, system status): jobs by state, and how long the oldest has waited. */
export const rpaQueueSchema = z.object({
  counts: z.object({ queued: z.number(), running: z.number(), failed: z.number(), dead: z.number() }),
  /** the oldest job waiting for a robot (待機中 or 再試行待ち), or null */
  oldestWaitingSince: z.string().nullable(),
  checkedAt: z.string(),
});
export type RpaQueue = z.infer<typeof rpaQueueSchema>;

/**
 * When a case's jobs last changed and how many are still with the robots: what the case screen
 * asks every few seconds (no names, so no audit row), reading the jobs themselves only on a change.
 */
export const rpaJobsChangeSchema = z.object({ changedAt: z.string().nullable(), pending: z.number() });
