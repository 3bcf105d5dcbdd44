import { z } from "zod";

/**
 * 本人確認書類 tiers: one official photo ID suffices; otherwise two documents, (a)+(a) or (a)+(b),
 * never (b)+(b) (DOMAIN-NOTES). The list of documents is configuration; the rule is here.
 */
export const identityTiers = ["photo", "a", "b"] as const;
export const identityTierSchema = z.enum(identityTiers);
export type IdentityTier = z.infer<typeof identityTierSchema>;
export const identityTierLabels: Record<IdentityTier, string> = {
  photo: "1点で確認できる書類 (顔写真付き)",
  a: "2点必要な書類 (イ)",
  b: "2点必要な書類 (ロ)",
};

export const identityDocumentKindSchema = z.object({
  key: z.string().regex(/^[a-z][a-zA-Z0-9]{1,40}$/),
  name: z.string().min(1).max(60),
  tier: identityTierSchema,
});
export type IdentityDocumentKind = z.infer<typeof identityDocumentKindSchema>;

/** The documents a city starts with; administrators edit the list. */
export const defaultIdentityDocuments: IdentityDocumentKind[] = [
  { key: "myNumberCard", name: "マイナンバーカード", tier: "photo" },
  { key: "driversLicense", name: "運転免許証", tier: "photo" },
  { key: "passport", name: "旅券 (パスポート)", tier: "photo" },
  { key: "residenceCard", name: "在留カード", tier: "photo" },
  { key: "specialPermanentResidentCertificate", name: "特別永住者証明書", tier: "photo" },
  { key: "physicalDisabilityBook", name: "身体障害者手帳", tier: "photo" },
  { key: "drivingHistoryCertificate", name: "運転経歴証明書", tier: "photo" },
  { key: "healthInsuranceEligibility", name: "資格確認書・健康保険証", tier: "a" },
  { key: "pensionBook", name: "年金手帳・年金証書", tier: "a" },
  { key: "longTermCareCard", name: "介護保険被保険者証", tier: "a" },
  { key: "publicAssistanceCard", name: "生活保護受給者証", tier: "a" },
  { key: "studentCard", name: "学生証 (写真付き)", tier: "b" },
  { key: "employeeCard", name: "社員証 (写真付き)", tier: "b" },
  { key: "bankCard", name: "キャッシュカード・通帳", tier: "b" },
  { key: "patientCard", name: "診察券", tier: "b" },
];

export interface IdentityVerdict {
  sufficient: boolean;
  message: string;
}

export function judgeIdentity(shown: readonly IdentityTier[]): IdentityVerdict {
  const photo = shown.filter((t) => t === "photo").length;
  const a = shown.filter((t) => t === "a").length;
  const b = shown.filter((t) => t === "b").length;
  if (photo >= 1) return { sufficient: true, message: "顔写真付きの書類で本人確認できました" };
  if (a >= 2 || (a >= 1 && b >= 1)) return { sufficient: true, message: "書類2点で本人確認できました" };
  if (a === 1) return { sufficient: false, message: "もう1点 (イ または ロ の書類) が必要です" };
  if (b >= 2)
    return { sufficient: false, message: "ロ の書類だけでは確認できません。イ の書類が1点必要です" };
  if (b === 1) return { sufficient: false, message: "イ の書類がもう1点必要です" };
  return { sufficient: false, message: "本人確認書類を選んでください" };
}

export const identityDocumentListSchema = z.object({ documents: z.array(identityDocumentKindSchema) });
export const identityVerdictSchema = z.object({ sufficient: z.boolean(), message: z.string() });
