import { downloadCsv } from "../app/api.ts";

export const dictionaryFormats = {
  md: { label: "Markdown", accept: "text/markdown" },
  csv: { label: "CSV（UTF-8）", accept: "text/csv" },
} as const;
export type DictionaryFormat = keyof typeof dictionaryFormats;

/** データ辞書 (what `export-data` writes as DATA-DICTIONARY.md), without any data. */
export function downloadDictionary(
  format: DictionaryFormat,
): Promise<{ fileName: string; replaced: number }> {
  return downloadCsv(
    `/export/data-dictionary.${format}`,
    `データ辞書.${format}`,
    dictionaryFormats[format].accept,
  );
}
