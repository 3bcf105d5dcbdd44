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
  let data = bytes;
  let encoding: "utf-8" | "cp932";
  if (declared === "auto") {
    encoding = isUtf8(bytes) ? "utf-8" : "cp932";
  } else {
    encoding = declared;
  }
  if (encoding === "utf-8" && data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf)
    data = data.subarray(3);
  // WHATWG "shift_jis" is Windows-31J (CP932), including the user-defined area F040–F9FC → U+E000–E757.
  const decoder = new TextDecoder(encoding === "utf-8" ? "utf-8" : "shift_jis", { fatal: true });
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

function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}
