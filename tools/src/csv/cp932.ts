import iconv from "iconv-lite";

const puaFirst = 0xe000;
const puaLast = 0xe757;

/** 〓 (げた): the mark Japanese print has long used for a character it cannot set. */
export const cp932Replacement = "〓";

export interface Cp932Options {
  /** named in the error, e.g. the file's name */
  source?: string;
  /** the line number of the text's first line, for the error */
  firstLine?: number;
  /**
   * What to write for a character CP932 cannot hold. Without it the encoder throws, naming the
   * character and its line: a feed must not silently lose a character.
   */
  replacement?: string;
}

export interface Cp932Result {
  bytes: Buffer;
  /** characters written as the replacement, in order */
  replaced: string[];
}

/**
 * CP932 bytes by iconv-lite, except the user-defined area: iconv-lite does not map U+E000..U+E757,
 * so those are written as the WHATWG Encoding Standard's Shift_JIS does (pointer 8836 + i, bytes
 * F040..F9FC) — the city's gaiji travel as private-use codes.
 */
export function encodeCp932(text: string, options: Cp932Options = {}): Cp932Result {
  const parts: Buffer[] = [];
  const replaced: string[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= puaFirst && code <= puaLast) {
      if (start < i) parts.push(encodeChunk(text, start, i, options, replaced));
      parts.push(userDefined(code - puaFirst));
      start = i + 1;
    }
  }
  if (start < text.length) parts.push(encodeChunk(text, start, text.length, options, replaced));
  return { bytes: Buffer.concat(parts), replaced };
}

const shiftJis = new TextDecoder("shift_jis");
const roundTrips = (text: string) => shiftJis.decode(iconv.encode(text, "cp932")) === text;

function encodeChunk(
  text: string,
  from: number,
  to: number,
  options: Cp932Options,
  replaced: string[],
): Buffer {
  const chunk = text.slice(from, to);
  const bytes = iconv.encode(chunk, "cp932");
  // iconv-lite writes "?" for what CP932 cannot hold; a round trip through the WHATWG decoder (what
  // the importer uses) finds it, and anything the two map differently.
  if (shiftJis.decode(bytes) === chunk) return bytes;
  let kept = "";
  for (const char of chunk) {
    if (roundTrips(char)) {
      kept += char;
      continue;
    }
    if (options.replacement === undefined) {
      const at = from + chunk.indexOf(char);
      const line = (options.firstLine ?? 1) - 1 + text.slice(0, at).split("\n").length;
      throw new Error(
        `${options.source ?? "text"} ${line}行目: CP932 で表せない文字 "${char}" (${codePoints(char)}) があります`,
      );
    }
    replaced.push(char);
    kept += options.replacement;
  }
  const again = iconv.encode(kept, "cp932");
  if (shiftJis.decode(again) === kept) return again;
  throw new Error(`${options.source ?? "text"}: CP932 への変換が往復しません`);
}

/** "U+20BB7" for a character (each code point of a sequence). */
export function codePoints(char: string): string {
  return [...char].map((c) => `U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase()}`).join(" ");
}

/** Bytes of user-defined character i (U+E000 + i): Shift_JIS pointer 8836 + i. */
function userDefined(i: number): Buffer {
  const pointer = 8836 + i;
  const lead = Math.floor(pointer / 188);
  const trail = pointer % 188;
  return Buffer.from([lead + (lead < 0x1f ? 0x81 : 0xc1), trail + (trail < 0x3f ? 0x40 : 0x41)]);
}
