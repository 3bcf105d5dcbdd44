import { addressKey } from "../search/address.ts";
import { foldKana } from "../search/kana.ts";
import { foldVariants } from "../search/variants.ts";
import { prefectures } from "./prefectures.ts";

/**
 * Address input: what staff type (a town's kanji, its reading, or a postal code) ranked against the
 * address master. Pure, so the server and any screen rank the same way. Kanji are compared through
 * the search's 異体字 folding (塚/塚, 髙/高 meet) and never NFC/NFKC-normalised; the names returned
 * are the master's, character for character.
 */

export interface TownCandidate {
  code: string;
  name: string;
  nameKana: string;
  postalCode: string;
  chomeCount: number;
}

export type TownMatch = "name" | "kana" | "postalCode";

export interface TownSuggestion {
  town: TownCandidate;
  matchedBy: TownMatch;
  /** The 丁目 typed after the town's name, when the town has that many 丁目. */
  chome: number | null;
  /** What was typed after the town and 丁目 (a 番地 prefix), half-width with hyphens. */
  rest: string;
}

const kanjiNumerals: Record<string, number> = {
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
  十: 10,
};

/** 全角 digits and the dashes people type become ASCII; spaces go. Nothing else is touched. */
export function normaliseAddressQuery(input: string): string {
  return input
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[－‐‑‒–—―−ｰ]/g, "-")
    .replace(/[\s\u3000]/g, "");
}

/** A 郵便番号 typed in part: 〒693, 693-00, 6930001. Digits only, so they compare with the master's. */
export function postalQuery(normalised: string): string | null {
  const m = /^〒?(\d{1,3})(?:-(\d{0,4}))?$/.exec(normalised) ?? /^〒?(\d{4,7})$/.exec(normalised);
  if (!m) return null;
  return `${m[1]}${m[2] ?? ""}`;
}

const kanaOnly =
  /^[\u3041-\u3096\u309D\u309E\u30A1-\u30FA\u30FC\u30FD\u30FE\uFF66-\uFF9F\u2010-\u2015\u301C\uFF5E-]+$/;

/** Whether the query is a reading (ひらがな, カタカナ or 半角カナ), not kanji. */
export function isKanaQuery(normalised: string): boolean {
  return kanaOnly.test(normalised);
}

/**
 * What follows a town's name: a 丁目 (2丁目, 二丁目, a bare 2 or the 2 of 2-15) and the rest.
 * Whether a bare number is a 丁目 depends on the town, so the caller passes its 丁目 count.
 */
export function parseAfterTown(after: string, chomeCount: number): { chome: number | null; rest: string } {
  const explicit = /^(\d+|[一二三四五六七八九十]+)丁目(.*)$/.exec(after);
  if (explicit) {
    const n = /^\d+$/.test(explicit[1] as string) ? Number(explicit[1]) : kanjiNumber(explicit[1] as string);
    return { chome: n, rest: lotPart(explicit[2] as string) };
  }
  const bare = /^(\d+)(?:-(.*))?$/.exec(after);
  if (bare && chomeCount > 0 && Number(bare[1]) >= 1 && Number(bare[1]) <= chomeCount)
    return { chome: Number(bare[1]), rest: lotPart(bare[2] ?? "") };
  return { chome: null, rest: lotPart(after) };
}

function kanjiNumber(text: string): number {
  // 十 alone is 10, 十二 is 12, 二十 is 20: enough for 丁目, which never reach a hundred.
  const [tens, ones] = text.includes("十") ? text.split("十") : ["", text];
  const t = text.includes("十") ? (tens ? (kanjiNumerals[tens] ?? 0) : 1) : 0;
  return t * 10 + (ones ? (kanjiNumerals[ones] ?? 0) : 0);
}

/** 15番地3, 15番3号 and 15の3 are written 15-3 in the register. */
export function lotPart(text: string): string {
  return text
    .replace(/(\d)(番地の?|番|号|の)/g, "$1-")
    .replace(/^-+/, "")
    .replace(/-+/g, "-")
    .replace(/-$/, "");
}

/** A prefecture or the city typed in front is not part of the town's name. */
function withoutPrefecture(text: string): string {
  const prefecture = prefectures.find((p) => text.startsWith(p));
  return prefecture ? text.slice(prefecture.length) : text;
}

/** The query's town part: the text before a trailing 丁目 or number. */
function townPart(text: string): string {
  return text.replace(/(?:\d+|[一二三四五六七八九十]+丁目).*$/, "");
}

/**
 * Towns for a query, best first: an exact or leading match before one inside the name; among
 * equals, by reading. A city name typed first (出雲市今市町) is matched through the part after it.
 */
export function suggestTowns(
  query: string,
  towns: readonly TownCandidate[],
  options: { limit?: number; cityName?: string } = {},
): TownSuggestion[] {
  const limit = options.limit ?? 20;
  let q = withoutPrefecture(normaliseAddressQuery(query));
  if (options.cityName && q.startsWith(options.cityName)) q = q.slice(options.cityName.length);
  if (q === "") return [];
  const ranked: { s: TownSuggestion; rank: number }[] = [];

  const postal = postalQuery(q);
  if (postal !== null) {
    for (const town of towns) {
      const digits = town.postalCode.replace(/\D/g, "");
      if (digits.startsWith(postal))
        ranked.push({
          s: { town, matchedBy: "postalCode", chome: null, rest: "" },
          rank: digits === postal ? 0 : 1,
        });
    }
  } else if (isKanaQuery(q)) {
    const key = foldKana(q);
    for (const town of towns) {
      const reading = foldKana(town.nameKana);
      const at = reading.indexOf(key);
      if (at >= 0)
        ranked.push({
          s: { town, matchedBy: "kana", chome: null, rest: "" },
          rank: reading === key ? 0 : at === 0 ? 1 : 2,
        });
    }
  } else {
    // Folding can drop variation selectors, so every slice is taken from the folded key.
    const key = foldVariants(q);
    const part = townPart(key);
    for (const town of towns) {
      const name = foldVariants(town.name);
      if (key.startsWith(name)) {
        const after = parseAfterTown(key.slice(name.length), town.chomeCount);
        ranked.push({ s: { town, matchedBy: "name", ...after }, rank: 0 });
        continue;
      }
      if (part === "") continue;
      const at = name.indexOf(part);
      if (at >= 0) {
        const after = parseAfterTown(key.slice(part.length), town.chomeCount);
        ranked.push({ s: { town, matchedBy: "name", ...after }, rank: at === 0 ? 1 : 2 });
      }
    }
  }
  ranked.sort(
    (a, b) =>
      a.rank - b.rank ||
      a.s.town.nameKana.localeCompare(b.s.town.nameKana, "ja") ||
      a.s.town.code.localeCompare(b.s.town.code),
  );
  return ranked.slice(0, limit).map((r) => r.s);
}

/** A 番地 prefix as the register writes lots (半角, hyphens), for matching what staff type. */
export function lotQuery(input: string): string {
  return lotPart(normaliseAddressQuery(input));
}

function compareLotKeys(a: string, b: string): number {
  const x = a.split("-");
  const y = b.split("-");
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const p = x[i] as string;
    const q = y[i] as string;
    const byNumber = /^\d+$/.test(p) && /^\d+$/.test(q) ? Number(p) - Number(q) : p.localeCompare(q, "ja");
    if (byNumber !== 0) return byNumber;
  }
  return x.length - y.length;
}

/**
 * The lots that start with what was typed, however either is written: the register has
 * 2丁目15番3号 or 123番地4, staff type 2-15-3, ２丁目１５ or 123の4, and the search's address key
 * makes them one. In number order (2 before 10), at most `limit`.
 */
export function matchLots<T extends { lot: string }>(
  lots: readonly T[],
  typed: string,
  limit: number,
): { lots: T[]; truncated: boolean } {
  const key = addressKey(typed);
  const found = lots
    .map((l) => ({ l, key: addressKey(l.lot) }))
    .filter((x) => x.key.startsWith(key))
    .sort((a, b) => compareLotKeys(a.key, b.key) || a.l.lot.localeCompare(b.l.lot, "ja"));
  return { lots: found.slice(0, limit).map((x) => x.l), truncated: found.length > limit };
}
