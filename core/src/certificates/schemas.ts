import { z } from "zod";

/**
 * Certificate types (証明書の種類) as administrators configure them: what a certificate may show
 * (記載事項), what it costs (手数料) and who may ask for it. The fee rules and the requester rules
 * are pure functions in this folder (fees.ts, eligibility.ts), shared by the intake screen and the
 * server, which decides.
 */

/** Who is asking, for the person the certificate is about. */
export const requesterKinds = ["self", "household", "family", "proxy", "thirdParty", "official"] as const;
export type RequesterKind = (typeof requesterKinds)[number];
export const requesterKindLabels: Record<RequesterKind, string> = {
  self: "本人",
  household: "同一世帯の方",
  family: "配偶者・直系血族",
  proxy: "代理人（委任状）",
  thirdParty: "第三者（正当な理由）",
  official: "公用請求",
};

export const certificateGroups = [
  "residentRecord",
  "familyRegister",
  "seal",
  "tax",
  "property",
  "identity",
  "other",
] as const;
export type CertificateGroup = (typeof certificateGroups)[number];
export const certificateGroupLabels: Record<CertificateGroup, string> = {
  residentRecord: "住民票・附票",
  familyRegister: "戸籍",
  seal: "印鑑登録",
  tax: "税",
  property: "固定資産",
  identity: "身分・独身",
  other: "その他",
};

const yen = z.number().int().min(0).max(100_000);

/** How the fee grows: per copy; per period (年度, or 税目 × 年度) per copy; a base plus extra parcels. */
export const feeRuleSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("perCopy"), amount: yen }).strict(),
  z.object({ kind: z.literal("perPeriod"), amount: yen }).strict(),
  z
    .object({
      kind: z.literal("parcels"),
      base: yen,
      /** parcels the base covers */
      includedParcels: z.number().int().min(1).max(1000),
      perExtraParcel: yen,
    })
    .strict(),
]);
export type FeeRule = z.infer<typeof feeRuleSchema>;

/** 記載事項 a requester may ask to include, and who may not. */
export const certificateOptionSchema = z
  .object({
    key: z.string().regex(/^[a-z][a-zA-Z]{1,30}$/),
    name: z.string().min(1).max(40),
    /** requesters refused this option outright (住民基本台帳法第12条の3: 本籍 to third parties …) */
    refusedTo: z.array(z.enum(requesterKinds)).default([]),
    /** a proxy gets it only if the 委任状 names it (個人番号, 住民票コード) */
    delegationMustName: z.boolean().default(false),
  })
  .strict();
export type CertificateOption = z.infer<typeof certificateOptionSchema>;

export const certificateTypeSchema = z
  .object({
    key: z.string().regex(/^[a-z][a-z0-9-]{1,60}$/),
    name: z.string().min(1).max(60),
    group: z.enum(certificateGroups),
    /** the catalog procedure a request adds to the case */
    procedureKey: z.string().min(1).max(61).nullable().default(null),
    fee: feeRuleSchema,
    options: z.array(certificateOptionSchema).max(20).default([]),
    requesters: z.array(z.enum(requesterKinds)).min(1),
    /** copies one request line may ask for */
    maxCopies: z.number().int().min(1).max(100).default(10),
    /** periods (年度, 税目 × 年度) one line may cover, for per-period fees */
    maxPeriods: z.number().int().min(1).max(20).default(5),
    legalBasis: z.string().max(200).default(""),
    /** 案内・注意事項 shown beside the request at the counter (I35) */
    guidance: z.string().max(500).default(""),
  })
  .strict();
export type CertificateType = z.infer<typeof certificateTypeSchema>;

/** A purpose (使用目的) staff choose; some bring a fee exemption with them. */
export const purposeSchema = z
  .object({
    key: z.string().regex(/^[a-z][a-zA-Z]{1,30}$/),
    name: z.string().min(1).max(40),
    exemption: z.string().nullable().default(null),
  })
  .strict();
export type Purpose = z.infer<typeof purposeSchema>;

/** A fee exemption (免除) with its legal basis, for the certificates it covers. */
export const feeExemptionSchema = z
  .object({
    key: z.string().regex(/^[a-z][a-zA-Z]{1,30}$/),
    name: z.string().min(1).max(60),
    legalBasis: z.string().min(1).max(200),
    /** the groups it covers; empty covers every certificate */
    groups: z.array(z.enum(certificateGroups)).default([]),
  })
  .strict();
export type FeeExemption = z.infer<typeof feeExemptionSchema>;

/** One line of a request: one certificate type for one person. */
export const requestLineSchema = z
  .object({
    certificateKey: z.string().min(1).max(61),
    personId: z.string().regex(/^\d{10}$/, "宛名番号は10桁の数字です"),
    quantity: z.number().int().min(1, "通数は1以上にしてください"),
    options: z.array(z.string().max(31)).max(20).default([]),
    /** 年度 (per-period fees); 納税証明 adds 税目 */
    years: z.array(z.number().int().min(1950).max(2100)).max(20).default([]),
    taxes: z.array(z.string().max(20)).max(10).default([]),
    /** 資産証明: how many parcels (土地・家屋) */
    parcels: z.number().int().min(1).max(10_000).nullable().default(null),
    purpose: z.string().max(31),
    purposeText: z.string().max(200).default(""),
    /** an exemption chosen for the requester (生活保護, 罹災 …), checked against the certificate */
    exemption: z.string().max(31).nullable().default(null),
  })
  .strict();
export type RequestLine = z.infer<typeof requestLineSchema>;
