import type { FeedLayout } from "@ichimado/core/feeds/layouts";
import { type CsvRow, CsvSyntaxError, parseCsv } from "./csv.ts";

export interface CsvRecord {
  line: number;
  cells: Record<string, string>;
  /** 処理区分 of a differential delivery. */
  change?: string;
}

export interface FileProblem {
  line: number | null;
  column: string | null;
  reason: string;
}

export interface ReadResult {
  records: CsvRecord[];
  /** Problems that make the whole file unusable (missing column, not CSV). */
  fileErrors: FileProblem[];
  rowErrors: FileProblem[];
  warnings: string[];
}

export const changeColumn = "処理区分";

/**
 * Reads a feed's CSV: the header row names the columns (the city may map its vendor's names to
 * ours with `headerMap`), so their order does not matter. Rows with the wrong number of cells are
 * reported, not guessed at.
 */
export function readFeedCsv(
  text: string,
  layout: FeedLayout,
  options: { differential: boolean; headerMap?: Readonly<Record<string, string>> },
): ReadResult {
  const result: ReadResult = { records: [], fileErrors: [], rowErrors: [], warnings: [] };
  let rows: CsvRow[];
  try {
    rows = parseCsv(text);
  } catch (error) {
    if (!(error instanceof CsvSyntaxError)) throw error;
    result.fileErrors.push({
      line: error.line,
      column: null,
      reason: `CSV として読めません: ${error.message}`,
    });
    return result;
  }
  const [header, ...body] = rows;
  if (!header) {
    result.fileErrors.push({ line: 1, column: null, reason: "見出し行がありません (空のファイル)" });
    return result;
  }
  const headerToField = new Map<string, string>();
  for (const column of layout.columns) headerToField.set(column.header, column.field);
  for (const [vendor, field] of Object.entries(options.headerMap ?? {})) headerToField.set(vendor, field);
  const positions = new Map<string, number>();
  let changeAt = -1;
  header.record.forEach((name, index) => {
    const trimmed = name.trim();
    if (trimmed === changeColumn) changeAt = index;
    else {
      const field = headerToField.get(trimmed);
      if (field) positions.set(field, index);
      else result.warnings.push(`未定義の列を読み飛ばしました: ${trimmed}`);
    }
  });
  for (const column of layout.columns) {
    if (column.required && !positions.has(column.field)) {
      result.fileErrors.push({
        line: 1,
        column: column.header,
        reason: `必須の列がありません: ${column.header}`,
      });
    }
  }
  if (options.differential && changeAt < 0) {
    result.fileErrors.push({
      line: 1,
      column: changeColumn,
      reason: `差分ファイルに ${changeColumn} の列がありません`,
    });
  }
  if (result.fileErrors.length > 0) return result;
  for (const { record, line } of body) {
    if (record.length !== header.record.length) {
      result.rowErrors.push({
        line,
        column: null,
        reason: `列の数が見出しと合いません (見出し ${header.record.length} 列, この行 ${record.length} 列)`,
      });
      continue;
    }
    const cells: Record<string, string> = {};
    for (const [field, index] of positions) cells[field] = record[index] ?? "";
    result.records.push({
      line,
      cells,
      ...(changeAt >= 0 ? { change: record[changeAt]?.trim() } : {}),
    });
  }
  return result;
}
