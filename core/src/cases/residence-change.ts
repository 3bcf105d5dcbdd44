import { z } from "zod";

/**
 * The types of the 住民異動届 (住民異動届 in GLOSSARY) a counter takes. `exOfficio` is a change the
 * city makes on its own authority (職権), recorded the same way. The register's history keeps the
 * core system's coarser 異動事由 (`ResidenceChangeKind` in registry/codes.ts: one 世帯変更 for the
 * four household changes, plus 氏名変更), which is why these are "types" and those "kinds".
 */
export const residenceChangeTypes = [
  "moveIn",
  "moveOut",
  "moveWithin",
  "householdSplit",
  "householdMerge",
  "householdRecompose",
  "headChange",
  "birth",
  "death",
  "exOfficio",
] as const;
export const residenceChangeTypeSchema = z.enum(residenceChangeTypes);
export type ResidenceChangeType = z.infer<typeof residenceChangeTypeSchema>;
export const residenceChangeTypeLabels: Record<ResidenceChangeType, string> = {
  moveIn: "転入",
  moveOut: "転出",
  moveWithin: "転居",
  householdSplit: "世帯分離",
  householdMerge: "世帯合併",
  householdRecompose: "世帯構成変更",
  headChange: "世帯主変更",
  birth: "出生",
  death: "死亡",
  exOfficio: "職権修正",
};

/** Where a 転入 comes from. */
export const moveInOrigins = ["otherMunicipality", "abroad"] as const;
export const moveInOriginSchema = z.enum(moveInOrigins);
export type MoveInOrigin = z.infer<typeof moveInOriginSchema>;

const isoDate = z.iso.date("日付は YYYY-MM-DD で入力してください");
const personIdSchema = z.string().regex(/^\d{10}$/, "宛名番号は10桁の数字です");

/** An address in the city, from the address master (町字 + 番地 + 方書). */
export const cityAddressSchema = z.object({
  townCode: z.string().trim().min(1, "町字を選んでください").max(10),
  lot: z.string().trim().min(1, "番地を入力してください").max(40, "番地は40文字以内で入力してください"),
  katagaki: z.string().trim().max(80, "方書は80文字以内で入力してください").default(""),
});
export type CityAddress = z.infer<typeof cityAddressSchema>;

const outsideAddressSchema = z
  .string()
  .trim()
  .min(1, "住所を入力してください")
  .max(120, "住所は120文字以内で入力してください");

/** A person who is not in the register yet: a newborn, or someone moving in. */
export const newPersonSchema = z.object({
  name: z.string().trim().min(1, "氏名を入力してください").max(60, "氏名は60文字以内で入力してください"),
  nameKana: z
    .string()
    .trim()
    .min(1, "氏名カナを入力してください")
    .max(120)
    .regex(/^[\p{sc=Katakana}ー・\s　]+$/u, "氏名カナはカタカナで入力してください"),
  birthDate: isoDate,
  sex: z.enum(["male", "female"], "性別を選んでください"),
  relationship: z.string().trim().min(1, "続柄を入力してください").max(20),
  /** a foreign resident (在留カード) */
  foreign: z.boolean().default(false),
  /** holds a マイナンバーカード (its address must be updated after a 転入) */
  hasMyNumberCard: z.boolean().default(false),
});
export type NewPerson = z.infer<typeof newPersonSchema>;

/**
 * The data of one 住民異動届 as the counter enters it. One shape for every kind: which fields a kind
 * needs is checked by validateResidenceChange (a union per kind would make the form jump between shapes
 * while staff fill it in, and lose what they typed when they change the kind).
 */
export const residenceChangeInputSchema = z.object({
  kind: residenceChangeTypeSchema,
  /** the household the 住民異動届 is about (not needed for a 転入 of a new household) */
  householdId: z.string().trim().max(20).nullable().default(null),
  /** the day of the fact: the move, the birth, the death (転出: the planned day) */
  occurredOn: isoDate,
  /** members of that household who move, leave or die */
  movingPersonIds: z.array(personIdSchema).max(30).default([]),
  /** people not in the register: the newborn, or those moving in */
  newPersons: z.array(newPersonSchema).max(30).default([]),
  /** the new address in the city (転入・転居・世帯分離) */
  newAddress: cityAddressSchema.nullable().default(null),
  /** the address outside the city (転出先, 転入前住所) */
  outsideAddress: outsideAddressSchema.nullable().default(null),
  origin: moveInOriginSchema.nullable().default(null),
  /** 転入: the 転出証明書 (or the card-based 特例転入) */
  moveOutCertificate: z
    .object({
      issuedOn: isoDate,
      municipality: z.string().trim().min(1, "転出証明書の発行市区町村を入力してください").max(40),
      cardBased: z.boolean().default(false),
    })
    .nullable()
    .default(null),
  /** the new head when the head leaves a household that keeps two or more members, or 世帯主変更 */
  newHeadId: personIdSchema.nullable().default(null),
  /** 世帯分離: the head of the household the movers form (needed when two or more split off) */
  newHouseholdHeadId: personIdSchema.nullable().default(null),
  /** 世帯合併: the household the movers join */
  targetHouseholdId: z.string().trim().max(20).nullable().default(null),
  note: z.string().trim().max(500, "備考は500文字以内で入力してください").default(""),
});
export type ResidenceChangeInput = z.infer<typeof residenceChangeInputSchema>;
