import { z } from "zod";
import { addDays } from "../common/dates.ts";

/** The longest period one request may cover: a year (a leap year's 366 days, both ends included). */
export const maxPeriodDays = 366;

const isoDate = (label: string) =>
  z.iso.date({
    error: (issue) =>
      issue.input === undefined
        ? `${label}を指定してください`
        : `${label}は YYYY-MM-DD の形の日付で指定してください`,
  });

/** Days from `from` to `to`, both included (ISO dates, calendar arithmetic in UTC). */
export function periodDays(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
}

const periodFields = {
  from: isoDate("期間の初日").meta({ description: "期間の初日 (日本時間、この日を含む)" }),
  to: isoDate("期間の末日").meta({ description: "期間の末日 (日本時間、この日を含む)" }),
};

function checkPeriod(period: { from: string; to: string }, issue: z.core.$RefinementCtx): void {
  const days = periodDays(period.from, period.to);
  // a malformed date has its own message already
  if (Number.isNaN(days)) return;
  if (days < 1) {
    issue.addIssue({
      code: "custom",
      path: ["to"],
      message: "期間の末日は初日と同じ日か後の日にしてください",
    });
  } else if (days > maxPeriodDays) {
    issue.addIssue({
      code: "custom",
      path: ["to"],
      message: `期間は${maxPeriodDays}日 (1年) 以内にしてください (指定は${days}日間です)`,
    });
  }
}

/** 集計期間: the days (Japan time) whose cases are counted, both ends included. */
export const periodSchema = z.object(periodFields).superRefine(checkPeriod);
export type Period = z.infer<typeof periodSchema>;

export const exportEncodings = ["utf8", "cp932"] as const;
export const exportEncodingSchema = z.enum(exportEncodings, "文字コードは utf8 か cp932 を指定してください");
export type ExportEncoding = z.infer<typeof exportEncodingSchema>;
export const exportEncodingLabels: Record<ExportEncoding, string> = {
  utf8: "UTF-8 (BOM付き)",
  cp932: "Shift_JIS (CP932)",
};

/** The CSV exports' query: the period and the file's encoding. */
export const exportQuerySchema = z
  .object({ ...periodFields, encoding: exportEncodingSchema.default("utf8") })
  .superRefine(checkPeriod);
export type ExportQuery = z.infer<typeof exportQuerySchema>;

const japanOffsetMs = 9 * 3_600_000;

/** The period's instants: from the first day's 0:00 in Japan to the day after the last (exclusive). */
export function periodRange(period: Period): { start: Date; end: Date } {
  return {
    start: new Date(Date.parse(`${period.from}T00:00:00Z`) - japanOffsetMs),
    end: new Date(Date.parse(`${period.to}T00:00:00Z`) + 86_400_000 - japanOffsetMs),
  };
}

/** An instant in Japan time (no summer time there), as its ISO date and its hour. */
export function japanTime(at: Date): { date: string; hour: number; text: string } {
  const shifted = new Date(at.getTime() + japanOffsetMs).toISOString();
  return {
    date: shifted.slice(0, 10),
    hour: Number(shifted.slice(11, 13)),
    text: `${shifted.slice(0, 10)} ${shifted.slice(11, 19)}`,
  };
}

/** Every ISO date of the period, in order. */
export function periodDates(period: Period): string[] {
  const days = periodDays(period.from, period.to);
  return Array.from({ length: Math.max(days, 0) }, (_, i) => addDays(period.from, i));
}
