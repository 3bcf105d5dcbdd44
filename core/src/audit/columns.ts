import type { ExportColumn } from "../statistics/columns.ts";
import type { ExportEncoding } from "../statistics/period.ts";
import { japanTime } from "../statistics/period.ts";
import {
  type AuditAction,
  type AuditEntry,
  type AuditOutcome,
  auditActionLabels,
  auditOutcomeLabels,
} from "./actions.ts";

export const actionLabel = (action: string) => auditActionLabels[action as AuditAction] ?? action;
export const outcomeLabel = (outcome: string) => auditOutcomeLabels[outcome as AuditOutcome] ?? outcome;

/** 日本時間 YYYY-MM-DD HH:MM:SS. */
export const entryTime = (entry: AuditEntry) => japanTime(new Date(entry.at)).text;

/**
 * The detail in one line for the table: `key: value` pairs, nested values as JSON, cut to a length
 * a cell can show (the CSV has it whole).
 */
export function detailSummary(detail: Record<string, unknown>, max = 120): string {
  const text = Object.entries(detail)
    .map(([key, value]) => `${key}: ${typeof value === "string" ? value : JSON.stringify(value)}`)
    .join(" / ");
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** 監査証跡 CSV: one line per entry, every field of the row and the names it refers to today. */
export const auditExportColumns: readonly ExportColumn<AuditEntry>[] = [
  { header: "番号", description: "監査証跡の通し番号 (seq)", value: (e) => String(e.seq) },
  { header: "日時", description: "記録した日時 (日本時間)", value: entryTime },
  {
    header: "ログインID",
    description: "操作した職員のログインID (API は api:名前)",
    value: (e) => e.loginId ?? "",
  },
  { header: "職員名", description: "操作した職員の氏名 (出力時点)", value: (e) => e.staffName ?? "" },
  { header: "窓口", description: "操作した窓口", value: (e) => e.counterName ?? e.counterId ?? "" },
  { header: "操作", description: "操作の種類", value: (e) => actionLabel(e.action) },
  { header: "操作キー", description: "操作の種類のキー", value: (e) => e.action },
  { header: "対象", description: "操作の対象 (表:番号 など)", value: (e) => e.target },
  {
    header: "宛名番号",
    description: "記録が対象とした宛名 (「・」区切り)",
    value: (e) => e.personIds.join("・"),
  },
  { header: "結果", description: "成功・失敗・拒否", value: (e) => outcomeLabel(e.outcome) },
  { header: "詳細", description: "条件・件数などの詳細 (JSON)", value: (e) => JSON.stringify(e.detail) },
  { header: "端末IPアドレス", description: "要求元の IP アドレス", value: (e) => e.clientIp ?? "" },
];

/** The file's name: the day of the export, and "_sjis" for CP932 as the statistics files. */
export function auditExportFileName(today: string, encoding: ExportEncoding) {
  const suffix = `${today}${encoding === "cp932" ? "_sjis" : ""}.csv`;
  return { ascii: `audit-log_${suffix}`, japanese: `監査証跡_${suffix}` };
}
