/**
 * 和暦 (Japanese era dates): parse what staff type at the counter and format dates the way forms
 * print them. The era table is fixed here rather than taken from Intl so that the boundaries
 * (平成31年4月30日 → 令和元年5月1日) are exactly those of the law, whatever the runtime's ICU says.
 */

export interface Era {
  key: "M" | "T" | "S" | "H" | "R";
  name: string;
  /** first day of the era, ISO */
  start: string;
}

export const eras: readonly Era[] = [
  { key: "M", name: "明治", start: "1868-01-25" },
  { key: "T", name: "大正", start: "1912-07-30" },
  { key: "S", name: "昭和", start: "1926-12-25" },
  { key: "H", name: "平成", start: "1989-01-08" },
  { key: "R", name: "令和", start: "2019-05-01" },
];

const eraByToken = new Map<string, Era>();
for (const era of eras) {
  eraByToken.set(era.key, era);
  eraByToken.set(era.key.toLowerCase(), era);
  eraByToken.set(era.name, era);
  eraByToken.set(era.name[0] as string, era);
}

const pad = (n: number) => String(n).padStart(2, "0");

/** Full-width digits, letters and date punctuation as their half-width forms (never kanji). */
export function toHalfWidth(text: string): string {
  return text
    .replace(/[０-９Ａ-Ｚａ-ｚ]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[．。]/g, ".")
    .replace(/[／]/g, "/")
    .replace(/[－ー―‐]/g, "-");
}

function isValidDate(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

function eraOf(iso: string): Era | undefined {
  return [...eras].reverse().find((e) => iso >= e.start);
}

export type DateParse =
  | { ok: true; precision: "day"; date: string; from: string; to: string }
  | { ok: true; precision: "month" | "year"; from: string; to: string }
  | { ok: false; message: string };

/**
 * Parses `1975-03-01`, `1975/3/1`, `19750301`, `S50.3.1`, `s50/3/1`, `昭和50年3月1日`, `令和元年5月1日`,
 * and `500301` when an era is given (the era selector beside the field). A year or year-month alone
 * (`S50`, `昭和50年3月`, `1975-03`) gives a range, for searching.
 */
export function parseJapaneseDate(input: string, defaultEra?: Era["key"]): DateParse {
  const text = toHalfWidth(input.trim()).replace(/\s+/g, "");
  if (!text) return { ok: false, message: "日付を入力してください" };

  const western =
    /^(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?$/.exec(text) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (western) return fromParts(Number(western[1]), western[2], western[3], input);

  const kanji =
    /^(明治|大正|昭和|平成|令和|明|大|昭|平|令)(元|\d{1,2})年(?:(\d{1,2})月(?:(\d{1,2})日)?)?$/.exec(text);
  const latin = /^([MTSHRmtshr])(元|\d{1,2})(?:[./-](\d{1,2})(?:[./-](\d{1,2}))?)?$/.exec(text);
  const match = kanji ?? latin;
  if (match)
    return fromEra(eraByToken.get(match[1] as string), match[2] as string, match[3], match[4], input);

  const compact = /^(\d{2})(\d{2})(\d{2})$/.exec(text);
  if (compact && defaultEra) {
    return fromEra(eraByToken.get(defaultEra), compact[1] as string, compact[2], compact[3], input);
  }
  if (compact) return { ok: false, message: "6桁の日付は元号を選んでから入力してください (例: 昭和 500301)" };
  return {
    ok: false,
    message: `「${input}」は日付として読めません。例: 1975-03-01、S50.3.1、昭和50年3月1日`,
  };
}

function fromEra(
  era: Era | undefined,
  yearText: string,
  month?: string,
  day?: string,
  input = "",
): DateParse {
  if (!era) return { ok: false, message: "元号が正しくありません" };
  const eraYear = yearText === "元" ? 1 : Number(yearText);
  if (eraYear < 1) return { ok: false, message: `${era.name}0年はありません` };
  const year = Number(era.start.slice(0, 4)) + eraYear - 1;
  const parsed = fromParts(year, month, day, input);
  if (!parsed.ok) return parsed;
  const next = eras[eras.indexOf(era) + 1];
  // The era must actually be in force on (some day of) the date typed.
  if (parsed.to < era.start || (next && parsed.from >= next.start)) {
    const hint = parsed.precision === "day" ? ` (${formatWareki(parsed.from)})` : "";
    return { ok: false, message: `「${input}」は${era.name}の期間外です${hint}` };
  }
  return parsed;
}

function fromParts(year: number, month?: string, day?: string, input = ""): DateParse {
  if (month === undefined) return { ok: true, precision: "year", from: `${year}-01-01`, to: `${year}-12-31` };
  const m = Number(month);
  if (m < 1 || m > 12) return { ok: false, message: `「${input}」の月が正しくありません` };
  if (day === undefined) {
    const last = new Date(Date.UTC(year, m, 0)).getUTCDate();
    return {
      ok: true,
      precision: "month",
      from: `${year}-${pad(m)}-01`,
      to: `${year}-${pad(m)}-${pad(last)}`,
    };
  }
  const d = Number(day);
  if (!isValidDate(year, m, d)) return { ok: false, message: `「${input}」は存在しない日付です` };
  const date = `${year}-${pad(m)}-${pad(d)}`;
  return { ok: true, precision: "day", date, from: date, to: date };
}

/** `2019-05-01` → `令和元年5月1日`; dates before 明治 are given in 西暦. */
export function formatWareki(iso: string, style: "long" | "short" = "long"): string {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  const era = eraOf(iso);
  if (!era) return `${y}年${m}月${d}日`;
  const eraYear = y - Number(era.start.slice(0, 4)) + 1;
  if (style === "short") return `${era.key}${eraYear}.${m}.${d}`;
  return `${era.name}${eraYear === 1 ? "元" : eraYear}年${m}月${d}日`;
}

/** Age on a date (the day before the birthday counts as reaching it only in law; staff mean the calendar age). */
export function ageOn(birthDate: string, on: string): number {
  const [by, bm, bd] = birthDate.split("-").map(Number) as [number, number, number];
  const [y, m, d] = on.split("-").map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}
