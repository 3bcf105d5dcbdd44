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

/** The header of a feed's CSV, and its records piece by piece (see decode.ts). */
export interface FeedCsv {
  /** Problems that make the whole file unusable (missing column, not CSV). */
  fileErrors: FileProblem[];
  warnings: string[];
  /**
   * Each piece's records, parsed when it is reached, so a file of millions of rows is never held
   * as records all at once. A piece that is not CSV yields its file error and ends the file.
   */
  pieces: Iterable<PieceRecords>;
}

export interface PieceRecords {
  records: CsvRecord[];
  rowErrors: FileProblem[];
  fileError?: FileProblem;
}

export const changeColumn = "処理区分";

/**
 * Reads a feed's CSV: the header row names the columns (the city may map its vendor's names to
 * ours with `headerMap`), so their order does not matter. Rows with the wrong number of cells are
 * reported, not guessed at.
 */
export function openFeedCsv(
  pieces: readonly DecodedPiece[],
  layout: FeedLayout,
  options: { differential: boolean; headerMap?: Readonly<Record<string, string>> },
): FeedCsv {
  const fileErrors: FileProblem[] = [];
  const warnings: string[] = [];
  const first = pieces[0]?.text ?? "";
  const delimiter = recordDelimiter(first);
  const parse = (index: number): CsvRow[] | FileProblem => {
    const piece = pieces[index];
    if (!piece) return [];
    try {
      return index === 0
        ? parseCsv(piece.text)
        : parseCsv(piece.text, { firstLine: piece.firstLine, delimiter });
    } catch (error) {
      if (!(error instanceof CsvSyntaxError)) throw error;
      return { line: error.line, column: null, reason: `CSV として読めません: ${error.message}` };
    }
  };
  const firstRows = parse(0);
  if (!Array.isArray(firstRows)) return { fileErrors: [firstRows], warnings, pieces: [] };
  const [header, ...firstBody] = firstRows;
  if (!header) {
    fileErrors.push({ line: 1, column: null, reason: "見出し行がありません (空のファイル)" });
    return { fileErrors, warnings, pieces: [] };
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
      else warnings.push(`未定義の列を読み飛ばしました: ${trimmed}`);
    }
  });
  for (const column of layout.columns) {
    if (column.required && !positions.has(column.field)) {
      fileErrors.push({ line: 1, column: column.header, reason: `必須の列がありません: ${column.header}` });
    }
  }
  if (options.differential && changeAt < 0) {
    fileErrors.push({
      line: 1,
      column: changeColumn,
      reason: `差分ファイルに ${changeColumn} の列がありません`,
    });
  }
  if (fileErrors.length > 0) return { fileErrors, warnings, pieces: [] };
  function* read(): Generator<PieceRecords> {
    for (let index = 0; index < Math.max(1, pieces.length); index++) {
      const body = index === 0 ? firstBody : parse(index);
      if (!Array.isArray(body)) {
        yield { records: [], rowErrors: [], fileError: body };
        return;
      }
      yield readRecords(body, (header as CsvRow).record.length, positions, changeAt);
    }
  }
  return { fileErrors, warnings, pieces: read() };
}

function readRecords(
  body: readonly CsvRow[],
  columns: number,
  positions: ReadonlyMap<string, number>,
  changeAt: number,
): PieceRecords {
  const result: PieceRecords = { records: [], rowErrors: [] };
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
  return result;
}
