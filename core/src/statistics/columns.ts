import { caseChannelLabels, caseStatusLabels, procedureStatusLabels } from "../cases/schemas.ts";
import { type ExportEncoding, japanTime, type Period } from "./period.ts";
import { type CaseStatRow, caseDurations, minutes, type ProcedureStatRow } from "./summary.ts";

/** One column of an export: its Japanese header, what it holds (for the data dictionary), its value. */
export interface ExportColumn<Row> {
  header: string;
  description: string;
  value: (row: Row) => string;
}

const time = (at: Date | null) => (at ? japanTime(at).text : "");

/**
 * 対応別 CSV: one line per case opened in the period. Staff names and counters, never the visitor or
 * the subjects: statistics need no resident's name or address.
 */
export const caseExportColumns: readonly ExportColumn<CaseStatRow>[] = [
  { header: "対応番号", description: "対応 (受付) の番号", value: (r) => String(r.id) },
  { header: "経路", description: "来庁・郵送・職権", value: (r) => caseChannelLabels[r.channel] },
  {
    header: "状態",
    description: "対応中・保留中・完了・取消 (出力時点)",
    value: (r) => caseStatusLabels[r.status],
  },
  {
    header: "受付日時",
    description: "対応を受け付けた日時 (日本時間、YYYY-MM-DD HH:MM:SS)",
    value: (r) => time(r.openedAt),
  },
  { header: "受付窓口", description: "受け付けた窓口", value: (r) => r.openedCounter },
  { header: "受付職員", description: "受け付けた職員の氏名", value: (r) => r.openedStaff },
  {
    header: "完了・取消日時",
    description: "完了または取消の日時 (それ以外は空)",
    value: (r) => (r.status === "closed" || r.status === "cancelled" ? time(r.closedAt) : ""),
  },
  { header: "最終更新日時", description: "最後に入力があった日時", value: (r) => time(r.updatedAt) },
  { header: "最終更新窓口", description: "最後に入力した窓口", value: (r) => r.updatedCounter },
  { header: "最終更新職員", description: "最後に入力した職員の氏名", value: (r) => r.updatedStaff },
  {
    header: "関わった窓口",
    description: "入力のあった窓口 (入力順、「・」区切り)",
    value: (r) => [...new Set(r.steps.map((s) => s.counter))].join("・"),
  },
  { header: "手続き件数", description: "対応の手続きの数", value: (r) => String(r.procedures) },
  { header: "保留回数", description: "保留された回数", value: (r) => String(caseDurations(r).suspensions) },
  {
    header: "待ち時間(分)",
    description: "保留から再開・完了・取消までの時間の合計 (分、小数1桁)",
    value: (r) => String(minutes(caseDurations(r).waitingMs)),
  },
  {
    header: "対応時間(分)",
    description: "完了した対応の、受付から完了までの時間から待ち時間を除いたもの (分、小数1桁。完了以外は空)",
    value: (r) => {
      const ms = caseDurations(r).handlingMs;
      return ms === null ? "" : String(minutes(ms));
    },
  },
];

/** 手続き別 CSV: one line per procedure of the cases opened in the period. */
export const procedureExportColumns: readonly ExportColumn<ProcedureStatRow>[] = [
  { header: "対応番号", description: "手続きを含む対応の番号", value: (r) => String(r.caseId) },
  {
    header: "対応受付日時",
    description: "対応を受け付けた日時 (日本時間)",
    value: (r) => time(r.caseOpenedAt),
  },
  { header: "手続きキー", description: "手続きカタログのキー", value: (r) => r.procedureKey },
  { header: "手続き名", description: "手続きの名前 (導出時のカタログによる)", value: (r) => r.procedureName },
  { header: "担当窓口", description: "カタログが手続きの窓口とする窓口", value: (r) => r.counter },
  {
    header: "区分",
    description: "導出 (異動届から自動) または追加 (職員が追加)",
    value: (r) => (r.source === "derived" ? "導出" : "追加"),
  },
  {
    header: "状態",
    description: "未着手・申請書印刷済・受付済・他課案内済・審査済・完了・不要 (出力時点)",
    value: (r) => procedureStatusLabels[r.status],
  },
  {
    header: "最終更新日時",
    description: "状態が最後に変わった日時 (日本時間)",
    value: (r) => time(r.updatedAt),
  },
  { header: "最終更新窓口", description: "状態を最後に変えた窓口", value: (r) => r.updatedCounter },
  { header: "最終更新職員", description: "状態を最後に変えた職員の氏名", value: (r) => r.updatedStaff },
];

/**
 * A cell Excel would take for a formula (=, +, -, @, or a tab or CR first) starts with an apostrophe,
 * which Excel shows as text: these files are opened by staff, and a name typed as 「=HYPERLINK(…)」
 * must not run (CSV injection). Numbers stay numbers.
 */
export function spreadsheetText(value: string): string {
  return /^[=+\-@\t\r]/.test(value) && !/^[+-]?\d+(\.\d+)?$/.test(value) ? `'${value}` : value;
}

/** The header line and the value lines of an export. */
export function exportTable<Row>(columns: readonly ExportColumn<Row>[], rows: readonly Row[]): string[][] {
  return [
    columns.map((c) => c.header),
    ...rows.map((row) => columns.map((c) => spreadsheetText(c.value(row)))),
  ];
}

export const statisticsExports = {
  cases: { name: "対応別", fileStem: "対応統計", columns: caseExportColumns },
  procedures: { name: "手続き別", fileStem: "手続き統計", columns: procedureExportColumns },
} as const;
export type StatisticsExportKind = keyof typeof statisticsExports;

/** The file's name: the period, and "_sjis" for CP932 so both versions can sit side by side. */
export function exportFileName(kind: StatisticsExportKind, period: Period, encoding: ExportEncoding) {
  const suffix = `${period.from}_${period.to}${encoding === "cp932" ? "_sjis" : ""}.csv`;
  return { ascii: `statistics-${kind}_${suffix}`, japanese: `${statisticsExports[kind].fileStem}_${suffix}` };
}
