import { isCorporateNumber, isPersonId, isResidentCode } from "../registry/check-digit.ts";
import type { FeedColumn, FeedValue } from "./columns.ts";

export type ParsedValue = { ok: true; value: FeedValue } | { ok: false; reason: string };

// Control characters never belong in a name or address; U+FFFD means a decoder already gave up.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const unusable = /[\u0000-\u001F\u007F\uFFFD]/u;
const katakana = /^[\u30A0-\u30FF\u3000 ・]*$/u;

/** Reads one cell; an empty cell is null, and refused only when the column is required. */
export function parseValue(column: FeedColumn, raw: string): ParsedValue {
  const text = raw.trim();
  if (text === "") return column.required ? fail("必須項目が空です") : { ok: true, value: null };
  // Length counts characters as people see them: an IVS sequence or a non-BMP kanji is one.
  // UTF-16 length is never below the grapheme count, so most cells skip the (slow) segmenter.
  if (
    column.maxLength !== undefined &&
    text.length > column.maxLength &&
    graphemes(text) > column.maxLength
  ) {
    return fail(`${column.maxLength}文字を超えています (${graphemes(text)}文字)`);
  }
  switch (column.type) {
    case "text":
      return unusable.test(text)
        ? fail("使用できない文字 (制御文字または文字化け) が含まれています")
        : ok(text);
    case "kana":
      return katakana.test(text) ? ok(text) : fail("カタカナ以外の文字が含まれています");
    case "date":
      return parseDate(text);
    case "int":
      return /^-?\d{1,12}$/.test(text) ? ok(Number(text)) : fail(`整数ではありません: ${text}`);
    case "personId":
      return isPersonId(text) ? ok(text) : fail(`宛名番号が正しくありません (10桁・検査数字): ${text}`);
    case "residentCode":
      return isResidentCode(text)
        ? ok(text)
        : fail(`住民票コードが正しくありません (11桁・検査数字): ${text}`);
    case "corporateNumber":
      return isCorporateNumber(text)
        ? ok(text)
        : fail(`法人番号が正しくありません (13桁・検査数字): ${text}`);
    case "codePoints":
      return codePoints(text);
    case "code": {
      const codes = column.codes ?? {};
      return text in codes
        ? ok(text)
        : fail(`不明なコードです: ${text} (使用できる値: ${Object.keys(codes).join(", ")})`);
    }
  }
}

/** "845B_E0102" → "845B_E0102" (upper case), refused unless every part is a Unicode scalar value. */
function codePoints(text: string): ParsedValue {
  const parts = text.toUpperCase().split("_");
  for (const part of parts) {
    const n = /^[0-9A-F]{4,6}$/.test(part) ? Number.parseInt(part, 16) : Number.NaN;
    if (!(n <= 0x10ffff) || (n >= 0xd800 && n <= 0xdfff))
      return fail(`Unicode コードポイントではありません: ${part}`);
  }
  return ok(parts.join("_"));
}

function parseDate(text: string): ParsedValue {
  const match = /^(\d{4})[-/]?(\d{2})[-/]?(\d{2})$/.exec(text);
  if (!match) return fail(`日付の形式が正しくありません: ${text}`);
  const [, y, m, d] = match as unknown as [string, string, string, string];
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  if (
    date.getUTCFullYear() !== Number(y) ||
    date.getUTCMonth() + 1 !== Number(m) ||
    date.getUTCDate() !== Number(d)
  ) {
    return fail(`存在しない日付です: ${text}`);
  }
  if (Number(y) < 1868) return fail(`明治より前の日付です: ${text}`);
  return ok(`${y}-${m}-${d}`);
}

const segmenter = new Intl.Segmenter("ja", { granularity: "grapheme" });
export function graphemes(text: string): number {
  let n = 0;
  for (const _ of segmenter.segment(text)) n++;
  return n;
}

function ok(value: FeedValue): ParsedValue {
  return { ok: true, value };
}
function fail(reason: string): ParsedValue {
  return { ok: false, reason };
}
