import { z } from "zod";
import { answerKindSchema } from "../catalog/questions.ts";
import { programmeKeySchema } from "../programmes/programmes.ts";
import { personSummarySchema, shownAddressSchema } from "../search/schemas.ts";
import { identityTierSchema } from "./identity.ts";
import { residenceChangeInputSchema, residenceChangeTypeSchema } from "./residence-change.ts";

const personIdSchema = z.string().regex(/^\d{10}$/, "宛名番号は10桁の数字です");
const isoDate = z.iso.date("日付は YYYY-MM-DD で入力してください");

/** How a case reached the city. */
export const caseChannels = ["visit", "mailIntake", "exOfficio"] as const;
export const caseChannelSchema = z.enum(caseChannels);
export type CaseChannel = z.infer<typeof caseChannelSchema>;
export const caseChannelLabels: Record<CaseChannel, string> = {
  visit: "来庁",
  mailIntake: "郵送",
  exOfficio: "職権",
};

/** open: being handled; suspended: left to be resumed (by anyone, anywhere); closed; cancelled. */
export const caseStatuses = ["open", "suspended", "closed", "cancelled"] as const;
export const caseStatusSchema = z.enum(caseStatuses);
export type CaseStatus = z.infer<typeof caseStatusSchema>;
export const caseStatusLabels: Record<CaseStatus, string> = {
  open: "対応中",
  suspended: "保留中",
  closed: "完了",
  cancelled: "取消",
};

export const procedureStatuses = [
  "notStarted",
  "printed",
  "received",
  "referred",
  "reviewed",
  "completed",
  "notNeeded",
] as const;
export const procedureStatusSchema = z.enum(procedureStatuses);
export type ProcedureStatus = z.infer<typeof procedureStatusSchema>;
export const procedureStatusLabels: Record<ProcedureStatus, string> = {
  notStarted: "未着手",
  printed: "申請書印刷済",
  received: "受付済",
  referred: "他課案内済",
  reviewed: "審査済",
  completed: "完了",
  notNeeded: "不要",
};
/** A procedure in one of these states needs nothing more from the visitor. */
export const settledProcedureStatuses: ReadonlySet<ProcedureStatus> = new Set([
  "received",
  "referred",
  "reviewed",
  "completed",
  "notNeeded",
]);

/** The visitor's standing towards the subjects (who may act for whom). */
export const visitorRelations = ["self", "household", "proxy", "legalRepresentative", "thirdParty"] as const;
export const visitorRelationSchema = z.enum(visitorRelations);
export type VisitorRelation = z.infer<typeof visitorRelationSchema>;
export const visitorRelationLabels: Record<VisitorRelation, string> = {
  self: "本人",
  household: "同一世帯の人",
  proxy: "代理人 (任意代理)",
  legalRepresentative: "法定代理人 (親権者・成年後見人)",
  thirdParty: "第三者",
};

export const authorityDocuments = [
  "delegationLetter",
  "guardianshipCertificate",
  "familyRegisterProof",
] as const;
export const authorityDocumentSchema = z.enum(authorityDocuments);
export type AuthorityDocument = z.infer<typeof authorityDocumentSchema>;
export const authorityDocumentLabels: Record<AuthorityDocument, string> = {
  delegationLetter: "委任状",
  guardianshipCertificate: "登記事項証明書 (成年後見)",
  familyRegisterProof: "戸籍謄本等 (親権者であることの確認)",
};

/** The visitor as staff entered them: picked from the register (personId) or typed. */
export const visitorInputSchema = z.object({
  personId: personIdSchema.nullable().default(null),
  name: z
    .string()
    .trim()
    .min(1, "来庁者の氏名を入力してください")
    .max(60, "氏名は60文字以内で入力してください"),
  nameKana: z
    .string()
    .trim()
    .max(120)
    .regex(/^[\p{sc=Katakana}ー・\s　]*$/u, "氏名カナはカタカナで入力してください")
    .default(""),
  birthDate: isoDate.nullable().default(null),
  sex: z.enum(["male", "female"]).nullable().default(null),
  address: z.string().trim().max(160, "住所は160文字以内で入力してください").default(""),
  phone: z
    .string()
    .trim()
    .regex(/^[0-9-]{0,15}$/, "電話番号は数字とハイフンで入力してください")
    .default(""),
  relation: visitorRelationSchema,
  /** e.g. 長男, 司法書士 */
  relationDetail: z.string().trim().max(40, "関係は40文字以内で入力してください").default(""),
  authorityDocument: authorityDocumentSchema.nullable().default(null),
});
export type VisitorInput = z.infer<typeof visitorInputSchema>;

export const identityCheckInputSchema = z.object({
  documents: z.array(z.string().min(1).max(60)).max(5, "書類は5点までです"),
  note: z.string().trim().max(200).default(""),
});

export const subjectInputSchema = z.union([
  z.object({ personId: personIdSchema }),
  z.object({
    typed: z.object({
      name: z.string().trim().min(1, "氏名を入力してください").max(60),
      nameKana: z.string().trim().max(120).default(""),
      birthDate: isoDate.nullable().default(null),
      address: z.string().trim().max(160).default(""),
    }),
  }),
]);
export type SubjectInput = z.infer<typeof subjectInputSchema>;

export const manualProcedureInputSchema = z.object({
  key: z.string().min(1).max(60),
  personId: personIdSchema.nullable().default(null),
  residenceChangeId: z.number().int().positive().nullable().default(null),
});

/** Navigation answers for the 住民異動届: a value sets an answer, null withdraws it. */
export const answersInputSchema = z.object({
  answers: z.record(z.string().min(1).max(41), z.string().max(200).nullable()),
});
export type AnswersInput = z.infer<typeof answersInputSchema>;

export const procedureStatusInputSchema = z.object({ status: procedureStatusSchema });

export const memoInputSchema = z.object({
  text: z.string().trim().min(1, "メモを入力してください").max(1000, "メモは1000文字以内で入力してください"),
});

export const caseListQuerySchema = z.object({
  status: z.enum(["open", "suspended", "closed", "cancelled", "active", "all"]).default("active"),
  from: isoDate.optional(),
  to: isoDate.optional(),
  /** only cases this counter opened or touched */
  counter: z.enum(["mine", "all"]).default("mine"),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

const staffAt = z.object({ staffName: z.string(), counterName: z.string(), at: z.string() });

export const caseSummarySchema = z.object({
  id: z.number(),
  channel: caseChannelSchema,
  status: caseStatusSchema,
  opened: staffAt,
  updated: staffAt,
  visitorName: z.string().nullable(),
  subjectNames: z.array(z.string()),
  procedureCounts: z.object({ total: z.number(), settled: z.number() }),
});
export type CaseSummary = z.infer<typeof caseSummarySchema>;

export const caseProcedureSchema = z.object({
  id: z.number(),
  residenceChangeId: z.number().nullable(),
  key: z.string(),
  name: z.string(),
  programme: programmeKeySchema,
  programmeLabel: z.string(),
  personId: z.string().nullable(),
  personName: z.string().nullable(),
  source: z.enum(["derived", "manual"]),
  reasons: z.array(z.string()),
  guidance: z.string(),
  legalBasis: z.string(),
  bring: z.array(z.string()),
  /** the forms printed for it that are in force today (様式キー and name) */
  forms: z.array(z.object({ key: z.string(), name: z.string() })),
  /** its leaflets (案内チラシ) that have a PDF registered */
  leaflets: z.array(z.object({ key: z.string(), name: z.string() })),
  status: procedureStatusSchema,
  /** whether this counter may take it, or refers the visitor to the handling counter */
  handling: z.enum(["handledHere", "referred"]),
  counter: z.object({ id: z.string(), name: z.string(), place: z.string() }),
  updated: staffAt,
});
export type CaseProcedure = z.infer<typeof caseProcedureSchema>;

export const caseDetailSchema = caseSummarySchema.extend({
  visitor: z
    .object({
      input: visitorInputSchema,
      /** fields where the visitor's data differ from the register; the register is not changed */
      corrections: z.array(
        z.object({
          field: z.string(),
          label: z.string(),
          visitorValue: z.string(),
          registerValue: z.string(),
        }),
      ),
      warnings: z.array(z.string()),
    })
    .nullable(),
  identity: z
    .object({
      documents: z.array(z.object({ key: z.string(), name: z.string(), tier: identityTierSchema })),
      note: z.string(),
      sufficient: z.boolean(),
      message: z.string(),
    })
    .nullable(),
  subjects: z.array(
    z.object({
      id: z.number(),
      person: personSummarySchema.nullable(),
      typed: z
        .object({
          name: z.string(),
          nameKana: z.string(),
          birthDate: z.string().nullable(),
          address: z.string(),
        })
        .nullable(),
    }),
  ),
  residenceChanges: z.array(
    z.object({
      id: z.number(),
      kind: residenceChangeTypeSchema,
      label: z.string(),
      input: residenceChangeInputSchema,
      /** the moving members with their names, in the order given */
      persons: z.array(z.object({ id: z.string(), name: z.string() })),
      /** the navigation questions to ask now (F24), in order, with the answers given so far */
      questions: z.array(
        z.object({
          key: z.string(),
          text: z.string(),
          label: z.string(),
          help: z.string(),
          answerKind: answerKindSchema,
          choices: z.array(z.object({ value: z.string(), label: z.string() })),
          answer: z.string().nullable(),
        }),
      ),
      newAddress: shownAddressSchema.nullable(),
      created: staffAt,
    }),
  ),
  procedures: z.array(caseProcedureSchema),
  memos: z.array(z.object({ id: z.number(), text: z.string(), created: staffAt })),
  history: z.array(staffAt.extend({ kind: z.string(), summary: z.string() })),
});
export type CaseDetail = z.infer<typeof caseDetailSchema>;

export const newCaseInputSchema = z.object({ channel: caseChannelSchema.default("visit") });

/** Answers of the case routes (so server and web share them too). */
export const caseListSchema = z.object({ cases: z.array(caseSummarySchema) });
export const createdSchema = z.object({ id: z.number() });
export const residenceChangeTakenSchema = z.object({ residenceChangeId: z.number(), derived: z.number() });
export const answersSavedSchema = z.object({ added: z.number(), removed: z.number() });
export const stepDoneSchema = z.object({ ok: z.literal(true) });
export const transitionDoneSchema = z.object({ status: caseStatusSchema });
