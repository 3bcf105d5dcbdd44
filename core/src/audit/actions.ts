import { z } from "zod";

/**
 * What the audit log records. Reads of personal data, changes, deletions, prints and exports each
 * have their own action so the city can answer "who looked at this person, and why" per kind.
 */
export const auditActions = [
  "auth.login",
  "auth.logout",
  "auth.counterSwitch",
  "auth.passwordChange",
  "auth.denied",
  "staff.read",
  "staff.change",
  "audit.read",
  "audit.verify",
  "person.search",
  "person.read",
  "person.change",
  "person.delete",
  "supportMeasure.acknowledge",
  "case.read",
  "case.change",
  "document.print",
  "data.export",
  "data.import",
  "settings.change",
  "rpa.handOver",
  "rpa.report",
  "rpa.retry",
] as const;

export const auditActionSchema = z.enum(auditActions);
export type AuditAction = z.infer<typeof auditActionSchema>;

export const auditOutcomes = ["success", "failure", "denied"] as const;
export type AuditOutcome = (typeof auditOutcomes)[number];

export const auditActionLabels: Record<AuditAction, string> = {
  "auth.login": "ログイン",
  "auth.logout": "ログアウト",
  "auth.counterSwitch": "窓口切替",
  "auth.passwordChange": "パスワード変更",
  "auth.denied": "権限外アクセス",
  "staff.read": "職員情報参照",
  "staff.change": "職員情報変更",
  "audit.read": "監査証跡参照",
  "audit.verify": "監査証跡検証",
  "person.search": "宛名検索",
  "person.read": "宛名照会",
  "person.change": "宛名情報変更",
  "person.delete": "宛名情報削除",
  "supportMeasure.acknowledge": "支援措置警告確認",
  "case.read": "対応照会",
  "case.change": "対応記録",
  "document.print": "帳票印刷",
  "data.export": "データ出力",
  "data.import": "データ取込",
  "settings.change": "設定変更",
  "rpa.handOver": "RPAへの引き渡し",
  "rpa.report": "RPAの結果報告",
  "rpa.retry": "RPAジョブの再実行",
};

export const auditOutcomeLabels: Record<AuditOutcome, string> = {
  success: "成功",
  failure: "失敗",
  denied: "拒否",
};

/**
 * The actions by area, in the order the viewer offers them: an auditor asks about "宛名" or "認証"
 * rather than about one action key.
 */
export const auditActionGroups: readonly { label: string; actions: readonly AuditAction[] }[] = [
  {
    label: "宛名",
    actions: ["person.search", "person.read", "person.change", "person.delete", "supportMeasure.acknowledge"],
  },
  { label: "対応", actions: ["case.read", "case.change"] },
  { label: "帳票・出力", actions: ["document.print", "data.export"] },
  {
    label: "認証",
    actions: ["auth.login", "auth.logout", "auth.counterSwitch", "auth.passwordChange", "auth.denied"],
  },
  { label: "職員・設定", actions: ["staff.read", "staff.change", "settings.change", "data.import"] },
  { label: "RPA", actions: ["rpa.handOver", "rpa.report", "rpa.retry"] },
  { label: "監査", actions: ["audit.read", "audit.verify"] },
];

export const auditEntrySchema = z.object({
  seq: z.number(),
  at: z.string(),
  staffId: z.number().nullable(),
  loginId: z.string().nullable(),
  /** the staff member's name now (the row keeps only the id and login ID) */
  staffName: z.string().nullable(),
  counterId: z.string().nullable(),
  counterName: z.string().nullable(),
  action: z.string(),
  target: z.string(),
  personIds: z.array(z.string()),
  detail: z.record(z.string(), z.unknown()),
  outcome: z.string(),
  clientIp: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const auditProblemSchema = z.object({
  seq: z.number(),
  kind: z.enum(["altered", "removedBefore", "outOfOrder"]),
  message: z.string(),
});
export type AuditProblem = z.infer<typeof auditProblemSchema>;

export const auditVerifyResultSchema = z.object({
  ok: z.boolean(),
  checkedRows: z.number(),
  problems: z.array(auditProblemSchema),
});
export type AuditVerifyResult = z.infer<typeof auditVerifyResultSchema>;
