import type { FeedLayout } from "@ichimado/core/feeds/layouts";
import { type CsvRow, CsvSyntaxError, parseCsv, recordDelimiter } from "./csv.ts";
import type { DecodedPiece } from "./decode.ts";

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
  pieces: readonly DecodedPiece[],
  layout: FeedLayout,
  options: { differential: boolean; headerMap?: Readonly<Record<string, string>> },
): ReadResult {
  const result: ReadResult = { records: [], fileErrors: [], rowErrors: [], warnings: [] };
  const first = pieces[0]?.text ?? "";
  const delimiter = recordDelimiter(first);
  // A large file comes in pieces of whole lines: each is parsed when its rows are wanted.
  const parse = (index: number): CsvRow[] | null => {
    const piece = pieces[index];
    if (!piece) return [];
    try {
      return index === 0
        ? parseCsv(piece.text)
        : parseCsv(piece.text, { firstLine: piece.firstLine, delimiter });
    } catch (error) {
      if (!(error instanceof CsvSyntaxError)) throw error;
      result.fileErrors.push({
        line: error.line,
        column: null,
        reason: `CSV として読めません: ${error.message}`,
      });
      return null;
    }
  };
  const firstRows = parse(0);
  if (!firstRows) return result;
  const [header, ...firstBody] = firstRows;
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
  for (let index = 0; index < Math.max(1, pieces.length); index++) {
    const body = index === 0 ? firstBody : parse(index);
    if (!body) return { ...result, records: [] };
    readRecords(body, header.record.length, positions, changeAt, result);
  }
  return result;
}

function readRecords(
  body: readonly CsvRow[],
  columns: number,
  positions: ReadonlyMap<string, number>,
  changeAt: number,
  result: ReadResult,
): void {
  for (const { record, line } of body) {
    if (record.length !== columns) {
      result.rowErrors.push({
        line,
        column: null,
        reason: `列の数が見出しと合いません (見出し ${columns} 列, この行 ${record.length} 列)`,
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
}
