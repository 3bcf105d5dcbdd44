/**
 * 異体字 folding for name and address search: each group of variant kanji meets at its first
 * member, and variation selectors (IVS, U+E0100–E01EF; SVS U+FE00–FE0F) are dropped, so 髙橋,
 * 高橋 and 高󠄁橋 all find each other. Used only to build search keys: the stored name keeps its
 * exact characters. A city extends the table with `withCityVariants`.
 */
const defaultGroups: readonly string[] = [
  "高髙",
  "崎﨑嵜碕",
  "斉斎齋齊",
  "辺邊邉",
  "沢澤",
  "浜濱濵",
  "広廣",
  "国國圀",
  "吉𠮷",
  "島嶋嶌",
  "富冨",
  "塚\uFA10",
  "徳德",
  "桑桒",
  "館舘",
  "曽曾",
  "渕淵",
  "寿壽",
  "竜龍",
  "桜櫻",
  "滝瀧",
  "蔵藏",
  "真眞",
  "恵惠",
  "実實",
  "栄榮",
  "条條",
  "与與",
  "槙槇",
  "鉄鐵",
  "関關",
  "亀龜",
  "万萬",
  "礼禮",
  "学學",
  "来來",
  "会會",
  "芦蘆",
  "桧檜",
  "柳栁",
  "秋穐",
  "野埜",
  "峰峯",
  "岡崗",
];

export type VariantMap = ReadonlyMap<string, string>;

function buildMap(groups: readonly string[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const group of groups) {
    const [head, ...rest] = [...group];
    if (!head) continue;
    const canonical = map.get(head) ?? head;
    for (const c of rest) if (c !== canonical) map.set(c, canonical);
  }
  return map;
}

export const defaultVariants: VariantMap = buildMap(defaultGroups);

/** The default table plus the city's own groups (each string: the canonical kanji first, then its variants). */
export function withCityVariants(groups: readonly string[]): VariantMap {
  return buildMap([...defaultGroups, ...groups]);
}

const selectors = /[\uFE00-\uFE0F]|\uDB40[\uDD00-\uDDEF]/g;

export function foldVariants(text: string, variants: VariantMap = defaultVariants): string {
  let out = "";
  for (const c of text.replace(selectors, "")) out += variants.get(c) ?? c;
  return out;
}
