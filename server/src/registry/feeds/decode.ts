import type { FeedEncoding } from "@ichimado/core/feeds/columns";

/** A run of whole lines of a delivered file, decoded. */
export interface DecodedPiece {
  text: string;
  /** 1-based line number of the piece's first line in the file. */
  firstLine: number;
}

export interface DecodedFile {
  encoding: "utf-8" | "cp932";
  /**
   * The text in pieces of whole lines (one piece unless the file is very large: V8 cannot hold a
   * string of much over 500 million characters), with undecodable lines blanked out.
   */
  pieces: DecodedPiece[];
  /** 1-based line numbers whose bytes were not valid in the encoding. */
  brokenLines: number[];
}

/**
 * Bytes per piece: a city of millions delivers a 住民基本台帳 file of close to a gigabyte, and the
 * import reads, validates and stages one piece's rows at a time (about 80,000 residents here).
 */
const defaultPieceBytes = 16 * 1024 * 1024;

/**
 * Decodes a delivered file. A piece that does not decode whole is decoded again line by line (LF
 * never occurs inside a CP932 or UTF-8 multi-byte character), so one broken line is reported with
 * its number instead of spoiling the file. `auto` takes UTF-8 when the whole file is valid UTF-8
 * and CP932 otherwise: CP932 text is almost never valid UTF-8.
 */
export function decodeFeed(
  bytes: Uint8Array,
  declared: FeedEncoding,
  pieceBytes: number = defaultPieceBytes,
): DecodedFile {
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const ranges = lineRanges(bytes, pieceBytes);
  if (declared === "auto") {
    const utf8 = ranges.map((r, i) =>
      decodeWhole(bytes.subarray(i === 0 && bom ? r.start + 3 : r.start, r.end), "utf-8"),
    );
    if (utf8.every((t) => t !== undefined))
      return {
        encoding: "utf-8",
        pieces: utf8.map((text, i) => ({ text: text as string, firstLine: ranges[i]?.firstLine ?? 1 })),
        brokenLines: [],
      };
  }
  const encoding = declared === "auto" ? "cp932" : declared;
  const brokenLines: number[] = [];
  const pieces = ranges.map((r, i) => {
    const skip = i === 0 && encoding === "utf-8" && bom ? 3 : 0;
    const data = bytes.subarray(r.start + skip, r.end);
    // Almost every delivery decodes whole; only a piece that does not is decoded line by line.
    const whole = decodeWhole(data, encoding);
    if (whole !== undefined) return { text: whole, firstLine: r.firstLine };
    return { text: decodeLines(data, encoding, r.firstLine, brokenLines), firstLine: r.firstLine };
  });
  return { encoding, pieces, brokenLines };
}

function decodeLines(
  data: Uint8Array,
  encoding: "utf-8" | "cp932",
  firstLine: number,
  broken: number[],
): string {
  // WHATWG "shift_jis" is Windows-31J (CP932), including the user-defined area F040–F9FC → U+E000–E757.
  const decoder = new TextDecoder(encoding === "utf-8" ? "utf-8" : "shift_jis", { fatal: true });
  const lines: string[] = [];
  let start = 0;
  for (let i = 0; i <= data.length; i++) {
    if (i === data.length || data[i] === 0x0a) {
      if (i === data.length && start === i) break;
      try {
        lines.push(decoder.decode(data.subarray(start, i)));
      } catch {
        broken.push(firstLine + lines.length);
        lines.push("");
      }
      start = i + 1;
    }
  }
  return lines.join("\n");
}

/**
 * Byte ranges of about `size` bytes each that end just after a line feed outside quotes, so no
 * record is cut. A double quote (0x22) is never part of a multi-byte character in CP932 or UTF-8,
 * so counting those bytes tells whether a position is inside a quoted field.
 */
function lineRanges(bytes: Uint8Array, size: number): { start: number; end: number; firstLine: number }[] {
  if (bytes.length <= size) return [{ start: 0, end: bytes.length, firstLine: 1 }];
  const ranges: { start: number; end: number; firstLine: number }[] = [];
  let start = 0;
  let firstLine = 1;
  let lines = 0;
  let quoted = false;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b === 0x22) quoted = !quoted;
    else if (b === 0x0a) {
      lines++;
      if (!quoted && i + 1 - start >= size) {
        ranges.push({ start, end: i + 1, firstLine });
        start = i + 1;
        firstLine = 1 + lines;
      }
    }
  }
  if (start < bytes.length) ranges.push({ start, end: bytes.length, firstLine });
  return ranges;
}

function decodeWhole(bytes: Uint8Array, encoding: "utf-8" | "cp932"): string | undefined {
  try {
    return new TextDecoder(encoding === "utf-8" ? "utf-8" : "shift_jis", { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}
