import { foldVariants, type VariantMap } from "./variants.ts";

const kanjiDigits: Record<string, string> = {
  一: "1",
  二: "2",
  三: "3",
  四: "4",
  五: "5",
  六: "6",
  七: "7",
  八: "8",
  九: "9",
};

/**
 * An address search key: the same place however it is typed. 全角/半角 digits, 漢数字 丁目
 * (二丁目 = 2丁目), 丁目/番地/番/号 versus hyphens (2丁目15番3号 = 2-15-3), spaces, and 異体字 all
 * fold away, so a prefix of the key matches a part of the address typed from its start.
 */
export function addressKey(text: string, variants?: VariantMap): string {
  return foldVariants(text, variants)
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/([一二三四五六七八九])丁目/g, (_, k: string) => `${kanjiDigits[k]}丁目`)
    .replace(/[－‐―ー−–—]/g, "-")
    .replace(/[\s\u3000]/g, "")
    .replace(/(\d)(丁目|番地|番|号|の)/g, "$1-")
    .replace(/-+/g, "-")
    .replace(/-$/, "")
    .toUpperCase();
}
