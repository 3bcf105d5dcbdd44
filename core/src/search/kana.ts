/**
 * Reading (フリガナ) folding for name search, as the 住民記録システム標準仕様書 asks: a search key
 * that ignores 濁点/半濁点, small kana, 長音 and dash variants, and folds ウ after オ段, so
 * サトウ/サトー/サトオ/さとう/ｻﾄｳ all meet. Only kana are touched: kanji and letters pass through
 * unchanged (never NFKC a name: 塚 U+FA10 would become U+585A).
 */

// Half-width katakana → full-width, one code point at a time (NFKC restricted to this block).
function fullWidthKatakana(text: string): string {
  return text.replace(/[\uFF61-\uFF9F]+/g, (run) => run.normalize("NFKC"));
}

function hiraganaToKatakana(text: string): string {
  return text.replace(/[\u3041-\u3096\u309D\u309E]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60));
}

const small: Record<string, string> = {
  ァ: "ア",
  ィ: "イ",
  ゥ: "ウ",
  ェ: "エ",
  ォ: "オ",
  ッ: "ツ",
  ャ: "ヤ",
  ュ: "ユ",
  ョ: "ヨ",
  ヮ: "ワ",
  ヵ: "カ",
  ヶ: "ケ",
};

const unvoiced: Record<string, string> = {};
for (const [voiced, plain] of [
  ["ガギグゲゴザジズゼゾダヂヅデドバビブベボ", "カキクケコサシスセソタチツテトハヒフヘホ"],
  ["パピプペポ", "ハヒフヘホ"],
  ["ヴヷヸヹヺ", "ウワヰヱヲ"],
] as const) {
  [...voiced].forEach((c, i) => {
    unvoiced[c] = plain[i] as string;
  });
}

const vowelRows: [string, string][] = [
  ["ア", "アカサタナハマヤラワ"],
  ["イ", "イキシチニヒミリヰ"],
  ["ウ", "ウクスツヌフムユル"],
  ["エ", "エケセテネヘメレヱ"],
  ["オ", "オコソトノホモヨロヲ"],
];
const vowelOf: Record<string, string> = {};
for (const [vowel, row] of vowelRows) for (const c of row) vowelOf[c] = vowel;

// 長音 and the dashes people type for it: ー ｰ ‐ - – — ― ─ － ‑ ⁃ 〜 ～
const longMarks = /[ー\u30FC\uFF70\u2010\u2011\u2012\u2013\u2014\u2015\u2500\uFF0D\u002D\u2043\u301C\uFF5E]/;

export function foldKana(input: string): string {
  const base = [...hiraganaToKatakana(fullWidthKatakana(input))].map((c) => unvoiced[c] ?? small[c] ?? c);
  const out: string[] = [];
  for (const c of base) {
    if (c === " " || c === "\u3000" || c === "・" || c === "･") continue;
    const prev = out[out.length - 1];
    const prevVowel = prev ? vowelOf[prev] : undefined;
    // A long mark only lengthens the previous vowel, and lengthened vowels are collapsed below.
    if (longMarks.test(c)) continue;
    const asVowel = prevVowel === "オ" && c === "ウ" ? "オ" : c;
    if (prevVowel && asVowel === prevVowel) continue;
    out.push(asVowel);
  }
  return out.join("");
}
