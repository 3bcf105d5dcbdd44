import { z } from "zod";
import { programmeKeySchema } from "../programmes/programmes.ts";
import { personKindSchema, personStatusSchema, sexSchema } from "../registry/codes.ts";

const eraKeySchema = z.enum(["M", "T", "S", "H", "R"]);

/** 宛名検索 criteria as the search screen sends them (query string); at least one must be given. */
export const personSearchQuerySchema = z
  .object({
    name: z.string().trim().max(60, "氏名は60文字以内で入力してください").optional(),
    birthDate: z.string().trim().max(20, "生年月日が長すぎます").optional(),
    /** Era for a 6-digit birth date such as 500301. */
    era: eraKeySchema.optional(),
    address: z.string().trim().max(100, "住所は100文字以内で入力してください").optional(),
    /** 宛名番号 (10 digits), 住民票コード (11) or 法人番号 (13). */
    code: z
      .string()
      .trim()
      .regex(
        /^(\d{10}|\d{11}|\d{13})$/,
        "番号は宛名番号 (10桁)・住民票コード (11桁)・法人番号 (13桁) で入力してください",
      )
      .optional(),
    /** A number from a card or certificate: 被保険者番号, 受給者番号, 基礎年金番号 … (qualification.ts). */
    qualification: z
      .string()
      .trim()
      // Full-width digits and letters as people type them; a number, never a name, so NFKC is safe.
      .transform((v) => v.normalize("NFKC"))
      .pipe(
        z
          .string()
          .regex(
            /^[0-9A-Za-z-]{1,20}$/,
            "資格の番号は半角・全角の英数字とハイフン (20文字以内) で入力してください",
          ),
      )
      .optional(),
    kind: z.enum(["all", "resident", "nonResident", "corporation"]).default("all"),
    includeInactive: z
      .enum(["true", "false"])
      .default("true")
      .transform((v) => v === "true"),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .refine((q) => Boolean(q.name || q.birthDate || q.address || q.code || q.qualification), {
    message: "検索条件 (氏名・生年月日・住所・番号・資格の番号のいずれか) を入力してください",
    path: ["name"],
  });
export type PersonSearchQuery = z.infer<typeof personSearchQuerySchema>;

/** What may be shown of an address: the text, or the fact that it is protected (支援措置). */
export const shownAddressSchema = z.object({
  text: z.string().nullable(),
  masked: z.boolean(),
});

export const personFlagsSchema = z.object({
  supportMeasure: z.boolean(),
  issuanceBan: z.boolean(),
  arrears: z.boolean(),
  moveOutPending: z.boolean(),
});

export const personSummarySchema = z.object({
  id: z.string(),
  kind: personKindSchema,
  name: z.string(),
  nameKana: z.string(),
  alias: z.string().nullable(),
  nameAlpha: z.string().nullable(),
  birthDate: z.string().nullable(),
  birthDateWareki: z.string().nullable(),
  sex: sexSchema.nullable(),
  status: personStatusSchema,
  statusDate: z.string().nullable(),
  householdId: z.string().nullable(),
  relationship: z.string().nullable(),
  address: shownAddressSchema,
  flags: personFlagsSchema,
  /** Why it matched, when not by the current name (旧氏名, 通称, 前住所 …). */
  matchedBy: z.string().nullable(),
});
export type PersonSummary = z.infer<typeof personSummarySchema>;

export const personSearchResultSchema = z.object({
  persons: z.array(personSummarySchema),
  /** True when more matched than the limit: staff should narrow the criteria. */
  truncated: z.boolean(),
});
export type PersonSearchResult = z.infer<typeof personSearchResultSchema>;

export const warningSchema = z.object({
  kind: z.enum([
    "supportMeasure",
    "issuanceBan",
    "arrears",
    "deceased",
    "movedOut",
    "erased",
    "moveOutPending",
    "residencePeriod",
  ]),
  message: z.string(),
});

/** A household: its head, shared address (through the masking policy) and active members. */
export const householdViewSchema = z.object({
  id: z.string(),
  headName: z.string().nullable(),
  address: shownAddressSchema,
  members: z.array(personSummarySchema),
});
export type HouseholdView = z.infer<typeof householdViewSchema>;

export const enrollmentViewSchema = z.object({
  programme: programmeKeySchema,
  programmeLabel: z.string(),
  role: z.string(),
  roleLabel: z.string(),
  fromDate: z.string(),
  toDate: z.string().nullable(),
  active: z.boolean(),
  holder: z.object({ id: z.string(), name: z.string() }).nullable(),
  attributes: z.array(z.object({ label: z.string(), value: z.string() })),
});

export const personDetailSchema = z.object({
  person: personSummarySchema.extend({
    residentCode: z.string().nullable(),
    nationality: z.string().nullable(),
    residenceStatus: z.string().nullable(),
    residencePeriodTo: z.string().nullable(),
    residentSince: z.string().nullable(),
    cardExpiresOn: z.string().nullable(),
    corporateNumber: z.string().nullable(),
    representative: z.string().nullable(),
  }),
  household: householdViewSchema.nullable(),
  enrollments: z.array(enrollmentViewSchema),
  warnings: z.array(warningSchema),
  /** 支援措置: staff must acknowledge the warning; the address is shown only to roles allowed to see it. */
  supportMeasure: z
    .object({
      acknowledged: z.boolean(),
      mayViewAddress: z.boolean(),
      kindLabel: z.string(),
      toDate: z.string().nullable(),
    })
    .nullable(),
  /** People staff linked to this one (same address in another household, carer, …), both ways. */
  related: z.array(
    z.object({ linkId: z.number(), relation: z.string(), note: z.string(), person: personSummarySchema }),
  ),
  history: z.array(
    z.object({
      kind: z.string(),
      kindLabel: z.string(),
      occurredOn: z.string(),
      fromAddress: shownAddressSchema,
      previousName: z.string().nullable(),
    }),
  ),
});
export type PersonDetail = z.infer<typeof personDetailSchema>;

export const relatedPersonRequestSchema = z.object({
  relatedPersonId: z.string().regex(/^\d{10}$/, "宛名番号は10桁の数字です"),
  relation: z.string().trim().min(1, "関係を入力してください").max(40, "関係は40文字以内で入力してください"),
  note: z.string().trim().max(200, "備考は200文字以内で入力してください").default(""),
});
export type RelatedPersonRequest = z.infer<typeof relatedPersonRequestSchema>;
