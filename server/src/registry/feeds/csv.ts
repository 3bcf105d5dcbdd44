/**
 * RFC 4180 CSV as the core systems write it, read several times faster than a general parser:
 * a line without a double quote is split with `String.split`, and only quoted records are read
 * character by character. It follows csv-parse's reading with the options the importer used
 * (`bom`, `skip_empty_lines`, `relax_column_count`, `info`), on which the tests were written:
 * the record delimiter is the first line break in the file (CRLF, LF or CR) and other line breaks
 * are data; a quote may only open a field and must close it; `line` is the line the record ends on
 * (a record with a line break inside quotes counts the file's lines, where csv-parse counted each
 * CR and LF in the quotes as a line of its own).
 */
export interface CsvRow {
  record: string[];
  /** 1-based line number of the record's last line. */
  line: number;
}

export class CsvSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
  }
}

const quote = 0x22;
const comma = 0x2c;

/**
 * `firstLine` and `delimiter` read a later piece of a large file (see decode.ts): its line numbers
 * continue the file's, and its records end as the file's first line does.
 */
export function parseCsv(
  input: string,
  piece: { firstLine: number; delimiter: string } | null = null,
): CsvRow[] {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const delimiter = piece?.delimiter ?? recordDelimiter(text);
  const rows: CsvRow[] = [];
  const n = text.length;
  let pos = 0;
  let line = piece?.firstLine ?? 1;
  // Where the next double quote is; looked up again only once passed, so a file without quotes
  // is scanned for them once, not once per line.
  let nextQuote = text.indexOf('"');
  if (nextQuote < 0) nextQuote = n;
  while (pos < n) {
    let end = text.indexOf(delimiter, pos);
    if (end < 0) end = n;
    if (nextQuote < pos) {
      nextQuote = text.indexOf('"', pos);
      if (nextQuote < 0) nextQuote = n;
    }
    if (nextQuote >= end) {
      if (end > pos) rows.push({ record: text.slice(pos, end).split(","), line });
      pos = end + delimiter.length;
      line++;
      continue;
    }
    const read = readQuotedRecord(text, pos, line, delimiter);
    rows.push({ record: read.record, line: read.line });
    pos = read.next;
    line = read.line + 1;
  }
  return rows;
}

/** The first line break in the file, as csv-parse detects it; LF when there is none. */
export function recordDelimiter(text: string): string {
  const cr = text.indexOf("\r");
  const lf = text.indexOf("\n");
  if (cr < 0) return "\n";
  if (lf >= 0 && lf < cr) return "\n";
  return text.charCodeAt(cr + 1) === 0x0a ? "\r\n" : "\r";
}

/** One record with at least one quoted field, from `start` (the start of a line). */
function readQuotedRecord(
  text: string,
  start: number,
  startLine: number,
  delimiter: string,
): { record: string[]; line: number; next: number } {
  const n = text.length;
  const record: string[] = [];
  let line = startLine;
  let i = start;
  for (;;) {
    let value: string;
    if (text.charCodeAt(i) === quote) {
      const opened = line;
      value = "";
      i++;
      for (;;) {
        const close = text.indexOf('"', i);
        if (close < 0)
          throw new CsvSyntaxError(`引用符 (") が閉じられないままファイルが終わっています`, opened);
        const part = text.slice(i, close);
        value += part;
        line += countBreaks(part, delimiter);
        if (text.charCodeAt(close + 1) === quote) {
          value += '"';
          i = close + 2;
          continue;
        }
        i = close + 1;
        break;
      }
      if (i < n && text.charCodeAt(i) !== comma && !text.startsWith(delimiter, i))
        throw new CsvSyntaxError(`閉じた引用符 (") の後に区切り以外の文字があります`, line);
    } else {
      let stop = i;
      while (stop < n && text.charCodeAt(stop) !== comma && !text.startsWith(delimiter, stop)) {
        if (text.charCodeAt(stop) === quote)
          throw new CsvSyntaxError(`引用符 (") で始まらない項目の途中に引用符があります`, line);
        stop++;
      }
      value = text.slice(i, stop);
      i = stop;
    }
    record.push(value);
    if (i >= n) return { record, line, next: n };
    if (text.charCodeAt(i) === comma) {
      i++;
      continue;
    }
    return { record, line, next: i + delimiter.length };
  }
}

function countBreaks(part: string, delimiter: string): number {
  let count = 0;
  for (let at = part.indexOf(delimiter); at >= 0; at = part.indexOf(delimiter, at + delimiter.length))
    count++;
  return count;
}
