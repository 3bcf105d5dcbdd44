import type { Sex } from "../registry/codes.ts";

/**
 * The chip's birth date as an ISO date. Public descriptions of the 券面事項入力補助AP give it as
 * 8 digits YYYYMMDD (西暦); that must be confirmed with a real card, so separators and full-width
 * digits are tolerated and anything else gives null (staff then type the date from the card face).
 */
export function cardBirthDate(text: string): string | null {
  const digits = text
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[\s\-/.年月日]/g, "");
  const match = /^(\d{4})(\d{2})(\d{2})$/.exec(digits);
  if (!match) return null;
  const [, y, m, d] = match;
  const iso = `${y}-${m}-${d}`;
  const date = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(iso) ? iso : null;
}

/** The chip's sex is an ISO/IEC 5218 code: 1 male, 2 female; 0 (unknown) and 9 (not applicable) give null. */
export function cardSex(code: string): Sex | null {
  const c = code.trim();
  return c === "1" ? "male" : c === "2" ? "female" : null;
}
