import { z } from "zod";
import { periodSchema } from "../statistics/period.ts";
import type { AuditAction } from "./actions.ts";

/** What counts as looking at residents for 大量照会: searches and person views. */
export const personAccessActions: readonly AuditAction[] = ["person.search", "person.read"];

export const defaultMassAccessThreshold = 100;

/** 分析: a period of Japan days (a year at most, as the statistics) and the 大量照会 threshold. */
export const auditAnalysisQuerySchema = periodSchema.safeExtend({
  threshold: z.coerce
    .number("件数は数字で指定してください")
    .int("件数は整数で指定してください")
    .min(1, "件数は1以上にしてください")
    .max(100_000, "件数は100000以下にしてください")
    .default(defaultMassAccessThreshold)
    .meta({ description: "大量照会とする、60分間の検索・照会の件数 (これを超えたら)" }),
});
export type AuditAnalysisQuery = z.infer<typeof auditAnalysisQuerySchema>;

const staffFields = {
  staffId: z.number().nullable(),
  loginId: z.string().nullable(),
  staffName: z.string().nullable(),
};

export const auditAnalysisSchema = z.object({
  from: z.string(),
  to: z.string(),
  threshold: z.number(),
  /** 大量照会: staff whose searches and person views in some 60 minutes went over the threshold */
  massAccess: z.array(
    z.object({
      ...staffFields,
      /** the most in any 60 minutes, and when those 60 minutes ended */
      peak: z.number(),
      peakEndedAt: z.string(),
      /** all their searches and person views in the period */
      total: z.number(),
    }),
  ),
  /** 時間外アクセス: per staff member, entries outside 開庁時間 */
  afterHours: z.array(
    z.object({
      ...staffFields,
      entries: z.number(),
      /** of which searches and person views */
      personAccess: z.number(),
      firstAt: z.string(),
      lastAt: z.string(),
    }),
  ),
});
export type AuditAnalysis = z.infer<typeof auditAnalysisSchema>;
