import { z } from "zod";

/** A 町字 of the address master, for address input. */
export const townSchema = z.object({
  code: z.string(),
  name: z.string(),
  nameKana: z.string(),
  postalCode: z.string(),
  /** how many 丁目 the town has (0: none), so 「今市町2」 reads as 2丁目 where there are 丁目 */
  chomeCount: z.number().int(),
});
export type Town = z.infer<typeof townSchema>;

/** What staff typed into an address field: a town's kanji, its reading or a postal code. */
export const addressSuggestQuerySchema = z.object({
  q: z
    .string()
    .trim()
    .min(1, "住所・読み・郵便番号を入力してください")
    .max(40, "住所の検索語は40文字以内で入力してください"),
});

export const townSuggestionSchema = townSchema.extend({
  matchedBy: z.enum(["name", "kana", "postalCode"]),
  /** The 丁目 typed after the town's name, when the town has it. */
  chome: z.number().int().nullable(),
  /** A 番地 typed after the town (半角, hyphens), to go on into the lot field. */
  rest: z.string(),
});
export type TownSuggestionView = z.infer<typeof townSuggestionSchema>;

export const addressSuggestResultSchema = z.object({ towns: z.array(townSuggestionSchema) });
export type AddressSuggestResult = z.infer<typeof addressSuggestResultSchema>;

export const townCodeParamsSchema = z.object({
  code: z.string().regex(/^[0-9A-Za-z]{1,12}$/, "町字コードの形式が正しくありません"),
});

export const lotQuerySchema = z.object({
  q: z.string().trim().max(30, "番地の検索語は30文字以内で入力してください").default(""),
});

/** A 番地 that exists in the register at a town, with the 方書 written there; nothing about who lives there. */
export const lotSuggestionSchema = z.object({ lot: z.string(), katagaki: z.array(z.string()) });
export type LotSuggestion = z.infer<typeof lotSuggestionSchema>;

export const lotSuggestResultSchema = z.object({
  lots: z.array(lotSuggestionSchema),
  truncated: z.boolean(),
});
export type LotSuggestResult = z.infer<typeof lotSuggestResultSchema>;

export const municipalityQuerySchema = z.object({
  q: z.string().trim().max(60, "60文字以内で入力してください").default(""),
});
export const municipalitySuggestResultSchema = z.object({
  /** 都道府県 + 市区町村 as typed in an address, most frequent in the register first */
  municipalities: z.array(z.string()),
});
