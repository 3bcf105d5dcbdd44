import { z } from "zod";
import { sexSchema } from "../registry/codes.ts";

/**
 * What the counter PC's card-reader bridge (package `@ichimado/cardreader`) answers, shared by the
 * bridge and the staff UI. The My Number itself is not here: this slice reads only the 基本4情報.
 */

/** 基本4情報 as read from the chip: the texts as the card holds them, the birth date and sex also decoded. */
export const cardBasicInfoSchema = z.object({
  name: z.string(),
  address: z.string(),
  /** ISO date, or null when the chip's text was not a date we understand (birthDateText keeps it). */
  birthDate: z.string().nullable(),
  birthDateText: z.string(),
  sex: sexSchema.nullable(),
  sexCode: z.string(),
});
export type CardBasicInfo = z.infer<typeof cardBasicInfoSchema>;

export const pinSchema = z.string().regex(/^\d{4}$/, "暗証番号は4桁の数字で入力してください");

/** 照合番号B: birth date YYMMDD, the card's expiry year YYYY and its 4-digit security code, 14 digits. */
export const collationBSchema = z
  .string()
  .regex(
    /^\d{14}$/,
    "照合番号Bは 生年月日6桁・有効期限の西暦4桁・セキュリティコード4桁 の14桁の数字で入力してください",
  );

/** Either the visitor's PIN or, when they do not know it, the 照合番号B staff type from the card face. */
export const readBasicRequestSchema = z.union([
  z.object({ pin: pinSchema }).strict(),
  z.object({ collationB: collationBSchema }).strict(),
]);
export type ReadBasicRequest = z.infer<typeof readBasicRequestSchema>;

export const readBasicResponseSchema = z.object({ card: cardBasicInfoSchema });

export const bridgeStatusSchema = z.object({
  reader: z.boolean(),
  readerName: z.string().nullable(),
  card: z.boolean(),
  simulator: z.boolean(),
});
export type BridgeStatus = z.infer<typeof bridgeStatusSchema>;

export const bridgeErrorCodes = [
  "wrongPin",
  "pinLocked",
  "noCard",
  "noReader",
  "badRequest",
  "forbiddenOrigin",
  "notFound",
  "cardError",
] as const;
export const bridgeErrorSchema = z.object({
  error: z.object({
    code: z.enum(bridgeErrorCodes),
    message: z.string(),
    /** With wrongPin: how many tries the card still allows before it locks. */
    triesLeft: z.number().int().min(0).optional(),
  }),
});
export type BridgeError = z.infer<typeof bridgeErrorSchema>["error"];

/** Where the staff UI finds the bridge (the server's CARD_BRIDGE_URL); null when none is configured. */
export const cardReaderConfigSchema = z.object({ bridgeUrl: z.string().nullable() });
