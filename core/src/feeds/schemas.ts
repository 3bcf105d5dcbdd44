import { z } from "zod";
import { feedEncodingSchema } from "./columns.ts";

export const importRunStatuses = [
  "queued",
  "running",
  "succeeded",
  "rejected",
  "failed",
  "interrupted",
] as const;
export const importRunStatusSchema = z.enum(importRunStatuses);
export type ImportRunStatus = z.infer<typeof importRunStatusSchema>;
export const importRunStatusLabels: Record<ImportRunStatus, string> = {
  queued: "待機中",
  running: "取込中",
  succeeded: "取込完了",
  rejected: "取込拒否",
  failed: "取込失敗",
  interrupted: "中断",
};

export const importSources = ["dropFolder", "upload", "api", "cli", "demo"] as const;
export const importSourceSchema = z.enum(importSources);
export const importSourceLabels: Record<z.infer<typeof importSourceSchema>, string> = {
  dropFolder: "連携フォルダ",
  upload: "画面から登録",
  api: "API",
  cli: "コマンド",
  demo: "デモデータ",
};

export const importProblemSchema = z.object({
  line: z.number().nullable(),
  column: z.string().nullable(),
  reason: z.string(),
});

export const importRunSchema = z.object({
  id: z.number(),
  feed: z.string(),
  mode: z.enum(["full", "differential"]),
  source: importSourceSchema,
  fileName: z.string(),
  encoding: z.string().nullable(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  status: importRunStatusSchema,
  rowsTotal: z.number(),
  rowsLoaded: z.number(),
  rowsRejected: z.number(),
  problemCount: z.number(),
  message: z.string().nullable(),
});
export type ImportRun = z.infer<typeof importRunSchema>;

export const importRunDetailSchema = importRunSchema.extend({
  problems: z.array(importProblemSchema),
  warnings: z.array(z.string()),
});
export type ImportRunDetail = z.infer<typeof importRunDetailSchema>;

/** System status (P48): every feed with the age of its data and how its last delivery went. */
export const feedStatusSchema = z.object({
  feeds: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      fileName: z.string(),
      /** When the data the counter reads now was loaded (the last successful import). */
      loadedAt: z.string().nullable(),
      lastRun: importRunSchema.nullable(),
    }),
  ),
  checkedAt: z.string(),
});
export type FeedStatus = z.infer<typeof feedStatusSchema>;

export const importRunListSchema = z.object({ runs: z.array(importRunSchema) });
export const importRunQuerySchema = z.object({
  feed: z.string().max(40).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const importUploadQuerySchema = z.object({
  differential: z
    .enum(["true", "false"])
    .default("false")
    .transform((v) => v === "true"),
  /** Absent: the feed's own setting decides. */
  encoding: feedEncodingSchema.optional(),
  fileName: z.string().trim().min(1).max(200).optional(),
});
export const importAcceptedSchema = z.object({ runId: z.number(), message: z.string() });

/** A feed's settings: the city's header names mapped to our fields, encoding, reject threshold. */
export const feedSettingSchema = z.object({
  headerMap: z.record(z.string().trim().min(1).max(100), z.string().min(1).max(60)).default({}),
  encoding: feedEncodingSchema.default("auto"),
  rejectThreshold: z
    .number()
    .min(0, "0 以上で指定してください")
    .max(1, "1 (100%) 以下で指定してください")
    .default(0.01),
});
export type FeedSetting = z.infer<typeof feedSettingSchema>;
