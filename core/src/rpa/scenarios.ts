import { z } from "zod";
import { type ResidenceChangeType, residenceChangeTypeLabels } from "../cases/residence-change.ts";

/**
 * RPA連携 (M42–43, spec §12): the eleven scenarios a robot types into the core systems, and the
 * data each one's screen needs. One job is one entry on one core-system screen: a certificate line
 * (one person, one certificate) or one 住民異動届.
 */
export const rpaScenarios = [
  "residentRecordIssue",
  "sealCertificateIssue",
  "taxCertificateIssue",
  "moveInEntry",
  "moveOutEntry",
  "moveWithinEntry",
  "householdSplitEntry",
  "householdMergeEntry",
  "householdRecomposeEntry",
  "birthEntry",
  "deathEntry",
] as const;
export const rpaScenarioSchema = z.enum(rpaScenarios);
export type RpaScenario = z.infer<typeof rpaScenarioSchema>;

export const rpaScenarioLabels: Record<RpaScenario, string> = {
  residentRecordIssue: "住民票発行",
  sealCertificateIssue: "印鑑証明書発行",
  taxCertificateIssue: "所得・課税証明書発行",
  moveInEntry: "転入入力",
  moveOutEntry: "転出入力",
  moveWithinEntry: "転居入力",
  householdSplitEntry: "世帯分離入力",
  householdMergeEntry: "世帯合併入力",
  householdRecomposeEntry: "世帯構成変更入力",
  birthEntry: "出生入力",
  deathEntry: "死亡入力",
};

/**
 * The scenario of each 住民異動届 type. 世帯主変更 is entered on the 世帯構成変更 screen; a 職権修正
 * is made by the register's own staff in the core system, so it has no job.
 */
export const residenceChangeScenarios: Partial<Record<ResidenceChangeType, RpaScenario>> = {
  moveIn: "moveInEntry",
  moveOut: "moveOutEntry",
  moveWithin: "moveWithinEntry",
  householdSplit: "householdSplitEntry",
  householdMerge: "householdMergeEntry",
  householdRecompose: "householdRecomposeEntry",
  headChange: "householdRecomposeEntry",
  birth: "birthEntry",
  death: "deathEntry",
};

/** The certificates a robot issues, by certificate type (the default settings' keys). */
export const certificateScenarios: Readonly<Record<string, RpaScenario>> = {
  "certificate-resident-record": "residentRecordIssue",
  "certificate-removed-resident-record": "residentRecordIssue",
  "certificate-seal": "sealCertificateIssue",
  "certificate-income": "taxCertificateIssue",
  "certificate-tax-assessment": "taxCertificateIssue",
};

const personRef = z.object({
  /** 宛名番号 */
  personId: z.string(),
  name: z.string(),
});

/** What every job carries: where it came from at the counter, for the robot's log and the core system's 受付番号. */
const origin = z.object({
  caseId: z.number(),
  /** 受付日 (the day the request or notification was accepted) */
  acceptedOn: z.string(),
  counterId: z.string(),
});

/** 住民票・印鑑証明・所得課税証明: one certificate for one person, as many copies as asked. */
export const certificateJobPayloadSchema = origin.extend({
  requestId: z.number(),
  certificateKey: z.string(),
  certificateName: z.string(),
  person: personRef,
  copies: z.number(),
  /** 記載事項 asked for (本籍・続柄・世帯主・住民票コード・個人番号), by key */
  options: z.array(z.string()),
  /** 年度 of a 所得・課税証明 */
  years: z.array(z.number()),
  purpose: z.string(),
  fee: z.number(),
  exemption: z.string().nullable(),
});
export type CertificateJobPayload = z.infer<typeof certificateJobPayloadSchema>;

/** A new person of a 出生 or 転入, as the core system's 新規作成 screen asks for them. */
const newPersonPayload = z.object({
  name: z.string(),
  nameKana: z.string(),
  birthDate: z.string(),
  sex: z.enum(["male", "female"]),
  relationship: z.string(),
  foreign: z.boolean(),
});

/**
 * 住民異動届: the 異動事由, the dates, the notifier, the household and the persons moving, and the
 * addresses the type needs (a town by its 町字コード as the core system keys it, and in words).
 */
export const residenceEntryPayloadSchema = origin.extend({
  residenceChangeId: z.number(),
  /** 異動事由 in the counter's words (転入, 世帯主変更 …) */
  reason: z.string(),
  /** 異動日 */
  occurredOn: z.string(),
  /** 届出日 */
  notifiedOn: z.string(),
  notifier: z.object({ name: z.string(), relation: z.string() }).nullable(),
  householdId: z.string().nullable(),
  persons: z.array(personRef),
  newPersons: z.array(newPersonPayload),
  newAddress: z
    .object({ townCode: z.string(), lot: z.string(), katagaki: z.string(), text: z.string() })
    .nullable(),
  /** 転出先 or 転入前住所 */
  outsideAddress: z.string().nullable(),
  moveOutCertificate: z
    .object({ issuedOn: z.string(), municipality: z.string(), cardBased: z.boolean() })
    .nullable(),
  newHeadId: z.string().nullable(),
  newHouseholdHeadId: z.string().nullable(),
  targetHouseholdId: z.string().nullable(),
  note: z.string(),
});
export type ResidenceEntryPayload = z.infer<typeof residenceEntryPayloadSchema>;

export const rpaPayloadSchema = z.union([certificateJobPayloadSchema, residenceEntryPayloadSchema]);
export type RpaPayload = z.infer<typeof rpaPayloadSchema>;

/** A reason in the core system's words. */
export const entryReason = (type: ResidenceChangeType) => residenceChangeTypeLabels[type];
