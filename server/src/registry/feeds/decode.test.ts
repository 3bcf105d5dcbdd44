import { feedLayoutById } from "@ichimado/core/feeds/layouts";
import { encode } from "@ichimado/tools/feeds/write-feeds";
import { describe, expect, it } from "vitest";
import { decodeFeed } from "./decode.ts";
import { openFeedCsv } from "./read-csv.ts";

function readFeedCsv(...args: Parameters<typeof openFeedCsv>) {
  const csv = openFeedCsv(...args);
  const pieces = [...csv.pieces];
  return {
    fileErrors: csv.fileErrors,
    warnings: csv.warnings,
    pieces: pieces.length,
    records: pieces.flatMap((p) => p.records),
    rowErrors: pieces.flatMap((p) => p.rowErrors),
  };
}

const layout = feedLayoutById.get("addressMaster");
if (!layout) throw new Error("addressMaster layout");
const header = layout.columns.map((c) => c.header).join(",");
const line = (i: number) =>
  `T${String(i).padStart(4, "0")},${i === 7 ? '"今市町\r\n（旧）"' : "今市町"},イマイチチョウ,出雲,693-0001,${i % 3},今市小学校,第一中学校`;
const csv = `${header}\r\n${Array.from({ length: 40 }, (_, i) => line(i + 1)).join("\r\n")}\r\n`;
const options = { differential: false };

describe("a large delivery read in pieces", () => {
  it("gives the same records, with the same line numbers, as one piece", () => {
    for (const encoding of ["utf-8", "cp932"] as const) {
      const bytes = encode(csv, encoding, "jusho.csv");
      const whole = decodeFeed(bytes, "auto");
      // Pieces of about 100 bytes: a cut every few lines, one of them beside the quoted line break.
      const pieced = decodeFeed(bytes, "auto", 100);
      expect(whole.pieces).toHaveLength(1);
      expect(pieced.pieces.length).toBeGreaterThan(10);
      expect(pieced.encoding).toBe(encoding);
      const a = readFeedCsv(whole.pieces, layout, options);
      const b = readFeedCsv(pieced.pieces, layout, options);
      expect({ ...b, pieces: 0 }).toEqual({ ...a, pieces: 0 });
      expect(b.pieces).toBe(pieced.pieces.length);
      expect(a.records).toHaveLength(40);
      expect(a.records[6]).toMatchObject({ line: 9, cells: { name: "今市町\r\n（旧）" } });
      expect(a.records[39]?.line).toBe(42);
    }
  });

  it("reports a broken CP932 line in a later piece by its line in the file", () => {
    const bytes = Buffer.from(encode(csv, "cp932", "jusho.csv"));
    // Line 30 (record 29): a lead byte with no trail byte where the town name starts.
    const lines = bytes.toString("latin1").split("\r\n");
    const at = lines.slice(0, 29).reduce((n, l) => n + l.length + 2, 0) + 6;
    bytes[at] = 0x81;
    bytes[at + 1] = 0x2c;
    const pieced = decodeFeed(bytes, "cp932", 100);
    expect(pieced.brokenLines).toEqual([30]);
    expect(decodeFeed(bytes, "cp932").brokenLines).toEqual([30]);
  });
});
