import { type Prefecture, prefectures } from "./prefectures.ts";

/**
 * Municipalities whose names hold 市, 町, 村 or 区 before their last character, where cutting at the
 * first such character would split the name (四日市市 is not 四日市 + 市…). Checked first.
 */
const innerMarkNames = [
  "四日市市",
  "廿日市市",
  "野々市市",
  "市川市",
  "市原市",
  "市貝町",
  "市川三郷町",
  "上市町",
  "下市町",
  "町田市",
  "大町市",
  "十日町市",
  "大町町",
  "村山市",
  "東村山市",
  "武蔵村山市",
  "羽村市",
  "大村市",
  "田村市",
  "村上市",
  "村田町",
  "玉村町",
  "中村区",
  "北村山郡",
  "西村山郡",
  "東村山郡",
  "田村郡",
  "市原郡",
].sort((a, b) => b.length - a.length);

export interface Municipality {
  prefecture: Prefecture;
  /** as written in addresses: 郡 included, and a 政令市's 区 (広島市中区) */
  name: string;
}

function prefectureOf(address: string): Prefecture | undefined {
  return prefectures.find((p) => address.startsWith(p));
}

/** One unit at the start of `rest`: a known name, or up to the first 市/区/町/村/郡. */
function unit(rest: string, marks: RegExp): string | undefined {
  const known = innerMarkNames.find((n) => rest.startsWith(n));
  if (known) return known;
  return marks.exec(rest)?.[0];
}

/**
 * The prefecture and municipality an address outside the city begins with, or null for an address
 * that names no prefecture (abroad, or typed without one). 郡 are kept with their town or village
 * (島根県隠岐郡海士町), and a designated city's ward with its city (広島県広島市中区).
 */
export function municipalityOf(address: string): Municipality | null {
  const text = address.trim();
  const prefecture = prefectureOf(text);
  if (!prefecture) return null;
  let rest = text.slice(prefecture.length);
  let name = "";
  const first = unit(rest, /^[^市区町村郡]{1,8}?[市区町村郡]/u);
  if (!first) return null;
  name += first;
  rest = rest.slice(first.length);
  if (first.endsWith("郡")) {
    const town = unit(rest, /^[^町村]{1,8}?[町村]/u);
    if (!town) return null;
    name += town;
  } else if (first.endsWith("市")) {
    const ward = unit(rest, /^[^市区町村]{1,4}区/u);
    if (ward) name += ward;
  }
  return { prefecture, name };
}

/** The full text a clerk would type: 島根県松江市. */
export const municipalityText = (m: Municipality) => `${m.prefecture}${m.name}`;

/**
 * Municipalities seen in the register's outside addresses, most frequent first, that contain what
 * was typed or that what was typed begins with (the clerk has gone on to the street).
 */
export function suggestMunicipalities(
  seen: readonly { text: string; count: number }[],
  typed: string,
  limit: number,
): string[] {
  const q = typed.trim();
  if (q === "") return [];
  return seen
    .filter((m) => m.text.includes(q) || (q.startsWith(m.text) && q.length > m.text.length))
    .sort((a, b) => b.count - a.count || a.text.localeCompare(b.text, "ja"))
    .slice(0, limit)
    .map((m) => m.text);
}
