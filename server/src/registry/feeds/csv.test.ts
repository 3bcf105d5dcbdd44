import { parse } from "csv-parse/sync";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CsvSyntaxError, parseCsv } from "./csv.ts";

/** csv-parse with the options the importer used before it read CSV itself: the reference. */
function reference(text: string): { record: string[]; line: number }[] | "error" {
  try {
    const rows = parse(text, {
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      bom: true,
    }) as unknown as {
      record: string[];
      info: { lines: number };
    }[];
    return rows.map((r) => ({ record: r.record, line: r.info.lines }));
  } catch {
    return "error";
  }
}

function ours(text: string): { record: string[]; line: number }[] | "error" {
  try {
    return parseCsv(text);
  } catch (error) {
    if (error instanceof CsvSyntaxError) return "error";
    throw error;
  }
}

describe("CSV reader", () => {
  it.each([
    ["CRLF", "\r\n"],
    ["LF", "\n"],
    ["CR", "\r"],
  ])("reads records, fields and line numbers as csv-parse does (%s)", (_name, br) => {
    const piece = fc.constantFrom("a", "山田", ",", '"', '""', br, "", "\uFEFF", " ");
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 16 }), (pieces) => {
        const text = pieces.join("");
        const expected = reference(text);
        const actual = ours(text);
        if (expected === "error" || actual === "error") {
          expect(actual).toEqual(expected);
          return;
        }
        expect(actual.map((r) => r.record)).toEqual(expected.map((r) => r.record));
        // Line numbers too, up to the first record with a line break inside quotes: csv-parse counts
        // each CR and each LF in there as a line (a CRLF as two); ours counts the file's lines.
        const plain = expected.findIndex((r) => r.record.some((cell) => /[\r\n]/.test(cell)));
        const upTo = plain < 0 ? expected.length : plain;
        expect(actual.slice(0, upTo).map((r) => r.line)).toEqual(expected.slice(0, upTo).map((r) => r.line));
      }),
      { numRuns: 5_000 },
    );
  });

  it("names the line of a quote left open and of a stray quote, and counts lines inside quotes", () => {
    expect(() => parseCsv('a,b\r\nc,"d\r\ne\r\n')).toThrow(CsvSyntaxError);
    try {
      parseCsv('a,b\r\nc,"d\r\ne\r\n');
    } catch (error) {
      expect((error as CsvSyntaxError).line).toBe(2);
    }
    try {
      parseCsv('a,b\r\nc,d"e\r\n');
    } catch (error) {
      expect((error as CsvSyntaxError).line).toBe(2);
    }
    expect(parseCsv('a,"b\r\nc"\r\n\r\nd')).toEqual([
      { record: ["a", "b\r\nc"], line: 2 },
      { record: ["d"], line: 4 },
    ]);
  });
});
