import { z } from "zod";

/** What a 宛名 is: a registered resident, a person known but not registered here, or a corporation. */
export const personKinds = ["resident", "nonResident", "corporation"] as const;
export const personKindSchema = z.enum(personKinds);
export type PersonKind = z.infer<typeof personKindSchema>;
export const personKindLabels: Record<PersonKind, string> = {
  resident: "住民",
  nonResident: "住登外者",
  corporation: "法人",
};

/** Register status; people who left or died stay findable, flagged. */
export const personStatuses = ["active", "movedOut", "deceased", "erased"] as const;
export const personStatusSchema = z.enum(personStatuses);
export type PersonStatus = z.infer<typeof personStatusSchema>;
export const personStatusLabels: Record<PersonStatus, string> = {
  active: "在住",
  movedOut: "転出",
  deceased: "死亡",
  erased: "職権消除",
};

/** 性別 as the register codes it (1 男, 2 女). */
export const sexes = ["male", "female"] as const;
export const sexSchema = z.enum(sexes);
export type Sex = z.infer<typeof sexSchema>;
export const sexLabels: Record<Sex, string> = { male: "男", female: "女" };

/** 続柄 as written on a 住民票 (relationship to the household head). */
export const relationships = [
  "世帯主",
  "妻",
  "夫",
  "子",
  "父",
  "母",
  "祖父",
  "祖母",
  "孫",
  "子の妻",
  "子の夫",
  "兄",
  "姉",
  "弟",
  "妹",
  "縁故者",
  "同居人",
] as const;
export const relationshipSchema = z.enum(relationships);
export type Relationship = z.infer<typeof relationshipSchema>;

/** 異動 kinds kept in the register history. */
export const residenceChangeKinds = [
  "birth",
  "moveIn",
  "moveOut",
  "moveWithin",
  "death",
  "householdChange",
  "nameChange",
  "foreignerRegistration",
] as const;
export const residenceChangeKindSchema = z.enum(residenceChangeKinds);
export type ResidenceChangeKind = z.infer<typeof residenceChangeKindSchema>;
export const residenceChangeKindLabels: Record<ResidenceChangeKind, string> = {
  birth: "出生",
  moveIn: "転入",
  moveOut: "転出",
  moveWithin: "転居",
  death: "死亡",
  householdChange: "世帯変更",
  nameChange: "氏名変更",
  foreignerRegistration: "外国人住民登録",
};

/** 在留資格 most often seen at a regional city's counter. */
export const residenceStatuses = [
  "永住者",
  "特別永住者",
  "定住者",
  "日本人の配偶者等",
  "永住者の配偶者等",
  "技能実習",
  "特定技能",
  "技術・人文知識・国際業務",
  "留学",
  "家族滞在",
] as const;
export const residenceStatusSchema = z.enum(residenceStatuses);

/** A person's part in an enrollment (資格): who receives, who is covered, whom it is for. */
export const enrollmentRoles = ["insured", "recipient", "subjectChild", "member", "holder"] as const;
export const enrollmentRoleSchema = z.enum(enrollmentRoles);
export type EnrollmentRole = z.infer<typeof enrollmentRoleSchema>;
export const enrollmentRoleLabels: Record<EnrollmentRole, string> = {
  insured: "被保険者",
  recipient: "受給者",
  subjectChild: "対象児童",
  member: "世帯員",
  holder: "登録者",
};

export const supportMeasureKindLabels = {
  dv: "DV",
  stalker: "ストーカー",
  childAbuse: "児童虐待",
  other: "その他",
} as const;
