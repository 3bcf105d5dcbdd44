import { z } from "zod";
import { addDays } from "../common/dates.ts";
import { isClosedDay } from "../common/holidays.ts";
import { exportEncodingSchema } from "../statistics/period.ts";
import { type AuditAction, auditActionSchema, auditEntrySchema, auditOutcomes } from "./actions.ts";

/**
 * 開庁時間: the hours the counters are open on weekdays (Japan time). Anything outside them, or on a
 * day the counters are closed (Saturday, Sunday, 国民の祝日, 年末年始: common/holidays.ts), is 時間外
 * for the viewer's filter and the analysis.
 */
export const officeHours = { open: { hour: 8, minute: 30 }, close: { hour: 17, minute: 15 } } as const;
export const officeHoursText = "平日 8:30〜17:15";

const japanOffsetMs = 9 * 3_600_000;
const minuteOfDay = (t: { hour: number; minute: number }) => t.hour * 60 + t.minute;
export const officeOpenMinute = minuteOfDay(officeHours.open);
export const officeCloseMinute = minuteOfDay(officeHours.close);

/** Outside 開庁時間 (before opening, from closing on, or a closed day), in Japan time. */
export function isAfterHours(at: Date): boolean {
  const japan = new Date(at.getTime() + japanOffsetMs);
  if (isClosedDay(japan.toISOString().slice(0, 10))) return true;
  const minute = japan.getUTCHours() * 60 + japan.getUTCMinutes();
  return minute < officeOpenMinute || minute >= officeCloseMinute;
}

/** The first instant of a Japan-time day. */
export function japanDayStart(isoDate: string): Date {
  return new Date(Date.parse(`${isoDate}T00:00:00Z`) - japanOffsetMs);
}

/** The instants of a period of Japan days, both ends included: [start, end). */
export function japanDaysRange(from: string | undefined, to: string | undefined) {
  return {
    start: from ? japanDayStart(from) : undefined,
    end: to ? japanDayStart(addDays(to, 1)) : undefined,
  };
}

const isoDate = (label: string) =>
  z.iso.date({ error: `${label}は YYYY-MM-DD の形の日付で指定してください` }).optional();

/** One action or several (a repeated query parameter arrives as an array). */
const actionsSchema = z
  .union([auditActionSchema, z.array(auditActionSchema).max(50)], {
    error: "操作の指定が正しくありません",
  })
  .optional();

export function actionList(actions: AuditAction | readonly AuditAction[] | undefined): AuditAction[] {
  if (actions === undefined) return [];
  return typeof actions === "string" ? [actions] : [...new Set(actions)];
}

const filterFields = {
  staff: z
    .string()
    .trim()
    .max(64, "職員は64文字以内で指定してください")
    // a control character is in no name or login ID, and PostgreSQL refuses NUL in text outright
    .regex(/^\P{Cc}*$/u, "職員に使えない文字 (制御文字) が含まれています")
    .optional()
    .meta({
      description: "職員のログインID (完全一致) または氏名の一部",
    }),
  personId: z
    .string()
    .regex(/^\d{10}$/, "宛名番号は10桁の数字です")
    .optional()
    .meta({ description: "記録が対象とした宛名の宛名番号" }),
  action: actionsSchema.meta({ description: "操作 (繰り返して複数指定)" }),
  outcome: z.enum(auditOutcomes, "結果は success, failure, denied のどれかです").optional(),
  from: isoDate("期間の初日").meta({ description: "期間の初日 (日本時間、この日を含む)" }),
  to: isoDate("期間の末日").meta({ description: "期間の末日 (日本時間、この日を含む)" }),
  afterHours: z
    .enum(["true", "false"], "時間外の指定は true か false です")
    .optional()
    .meta({ description: `true: 開庁時間 (${officeHoursText}) 外の記録だけ` }),
};

function checkOrder(
  filter: { from?: string | undefined; to?: string | undefined },
  issue: z.core.$RefinementCtx,
) {
  if (filter.from && filter.to && filter.to < filter.from) {
    issue.addIssue({
      code: "custom",
      path: ["to"],
      message: "期間の末日は初日と同じ日か後の日にしてください",
    });
  }
}

const filterSchema = z.object(filterFields);
/** The viewer's conditions, shared by the page, the CSV export and the audit row of each. */
export type AuditFilter = z.infer<typeof filterSchema>;

const cursor = z.coerce.number().int().positive("ページの指定が正しくありません").optional();

/**
 * A page of the log, newest first (by time, then seq). Pages are keyed by the entry at their edge,
 * named by its seq (before: older than it; after: newer than it), never by an offset, so a page is
 * as quick at the millionth row as at the first and rows written while someone pages neither repeat
 * nor go missing.
 */
export const auditQuerySchema = z
  .object({
    ...filterFields,
    limit: z.coerce.number().int().min(1).max(200).default(50),
    before: cursor.meta({ description: "この番号の記録より古い記録 (次のページ)" }),
    after: cursor.meta({ description: "この番号の記録より新しい記録 (前のページ)" }),
  })
  .superRefine((q, issue) => {
    checkOrder(q, issue);
    if (q.before !== undefined && q.after !== undefined)
      issue.addIssue({ code: "custom", path: ["after"], message: "before と after は同時に指定できません" });
  });
export type AuditQuery = z.infer<typeof auditQuerySchema>;

export const auditPageSchema = z.object({
  entries: z.array(auditEntrySchema),
  /** cursor of the next (older) page, when there is one */
  older: z.number().nullable(),
  /** cursor of the previous (newer) page, when there is one */
  newer: z.number().nullable(),
});
export type AuditPage = z.infer<typeof auditPageSchema>;

/** The most rows one CSV export holds; more must be narrowed down by the filter. */
export const auditExportMaxRows = 50_000;

export const auditExportQuerySchema = z
  .object({ ...filterFields, encoding: exportEncodingSchema.default("utf8") })
  .superRefine(checkOrder);
export type AuditExportQuery = z.infer<typeof auditExportQuerySchema>;

/** The conditions alone, as the audit row of a view or an export records them. */
export function filterOf(q: AuditFilter): AuditFilter {
  const out: AuditFilter = {};
  for (const key of Object.keys(filterFields) as (keyof AuditFilter)[]) {
    if (q[key] !== undefined) Object.assign(out, { [key]: q[key] });
  }
  return out;
}
