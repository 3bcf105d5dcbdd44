import type { FeedEncoding } from "@ichimado/core/feeds/columns";

export interface DecodedFile {
  encoding: "utf-8" | "cp932";
  /** The text with undecodable lines blanked out (line numbers are kept). */
  text: string;
  /** 1-based line numbers whose bytes were not valid in the encoding. */
  brokenLines: number[];
}

/**
 * Decodes a delivered file. Lines are decoded one by one (LF never occurs inside a CP932 or UTF-8
 * multi-byte character), so one broken line is reported with its number instead of spoiling the
 * file. `auto` takes UTF-8 when the whole file is valid UTF-8 and CP932 otherwise: CP932 text is
 * almost never valid UTF-8.
 */
export function decodeFeed(bytes: Uint8Array, declared: FeedEncoding): DecodedFile {
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  if (declared === "auto") {
    const utf8 = decodeWhole(bom ? bytes.subarray(3) : bytes, "utf-8");
    if (utf8 !== undefined) return { encoding: "utf-8", text: utf8, brokenLines: [] };
  }
  const encoding = declared === "auto" ? "cp932" : declared;
  const data = encoding === "utf-8" && bom ? bytes.subarray(3) : bytes;
  // WHATWG "shift_jis" is Windows-31J (CP932), including the user-defined area F040–F9FC → U+E000–E757.
  const decoder = new TextDecoder(encoding === "utf-8" ? "utf-8" : "shift_jis", { fatal: true });
  // Almost every delivery decodes whole; only one that does not is decoded again line by line.
  const whole = decodeWhole(data, encoding);
  if (whole !== undefined) return { encoding, text: whole, brokenLines: [] };
  const lines: string[] = [];
  const brokenLines: number[] = [];
  let start = 0;
  for (let i = 0; i <= data.length; i++) {
    if (i === data.length || data[i] === 0x0a) {
      if (i === data.length && start === i) break;
      try {
        lines.push(decoder.decode(data.subarray(start, i)));
      } catch {
        brokenLines.push(lines.length + 1);
        lines.push("");
      }
      start = i + 1;
    }
  }
  return { encoding, text: lines.join("\n"), brokenLines };
}

function decodeWhole(bytes: Uint8Array, encoding: "utf-8" | "cp932"): string | undefined {
  try {
    return new TextDecoder(encoding === "utf-8" ? "utf-8" : "shift_jis", { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}
