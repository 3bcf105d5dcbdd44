import { z } from "zod";
import { roleSchema } from "../auth/permissions.ts";
import { counterSummarySchema, loginIdSchema, newPasswordSchema } from "../auth/schemas.ts";

export const assignmentSchema = z.object({
  counterId: z.string().min(1, "窓口を選んでください").max(40),
  roleId: z.string().min(1, "ロールを選んでください").max(40),
});
export type Assignment = z.infer<typeof assignmentSchema>;

export const staffSummarySchema = z.object({
  id: z.string(),
  loginId: z.string(),
  name: z.string(),
  department: z.string().nullable(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  disabled: z.boolean(),
  locked: z.boolean(),
  mustChangePassword: z.boolean(),
  lastLoginAt: z.string().nullable(),
  assignments: z.array(assignmentSchema),
  /** the row's last change; sent back with an edit so a stale screen is told, not obeyed (409) */
  updatedAt: z.string(),
});
export type StaffSummary = z.infer<typeof staffSummarySchema>;

export const staffListSchema = z.object({ staff: z.array(staffSummarySchema) });

const isoDate = z.iso.date("日付は YYYY-MM-DD で指定してください");

/** What an administrator edits on a staff account (the login ID stays: audit rows name it). */
const staffFieldsSchema = z.object({
  name: z.string().trim().min(1, "氏名を入力してください").max(60, "氏名は60文字以内です"),
  department: z
    .string()
    .trim()
    .max(60, "所属は60文字以内です")
    .nullable()
    .transform((d) => (d ? d : null)),
  validFrom: isoDate,
  validTo: isoDate.nullable(),
  assignments: z.array(assignmentSchema).max(50),
});

const validityOrder = <T extends { validFrom: string; validTo: string | null }>(s: T) =>
  s.validTo === null || s.validTo >= s.validFrom;
const validityIssue = { message: "有効終了日は有効開始日以降にしてください", path: ["validTo"] };

export const staffCreateSchema = staffFieldsSchema
  .extend({
    loginId: loginIdSchema,
    /** set by the administrator; without it a one-time password is generated and shown once */
    password: newPasswordSchema.nullable(),
  })
  .refine(validityOrder, validityIssue);
export type StaffCreate = z.infer<typeof staffCreateSchema>;

export const staffUpdateSchema = staffFieldsSchema
  .extend({ expectedUpdatedAt: z.string().min(1) })
  .refine(validityOrder, validityIssue);
export type StaffUpdate = z.infer<typeof staffUpdateSchema>;

/** Disable, enable, unlock and password reset name the version the administrator saw. */
export const staffActionSchema = z.object({ expectedUpdatedAt: z.string().min(1) });
export type StaffAction = z.infer<typeof staffActionSchema>;

export const staffSavedSchema = z.object({
  staff: staffSummarySchema,
  /** a generated one-time password, shown once and never stored in clear */
  oneTimePassword: z.string().nullable(),
});
export type StaffSaved = z.infer<typeof staffSavedSchema>;

const counterIdSchema = z
  .string()
  .trim()
  .min(1, "窓口IDを入力してください")
  .max(40, "窓口IDは40文字以内です")
  .regex(/^[A-Za-z0-9_-]+$/, "窓口IDは半角英数字と _ - で入力してください");

export const counterAdminSchema = counterSummarySchema.extend({
  department: z.string(),
  active: z.boolean(),
  /** a digest of the row, for the 409 on a stale save */
  version: z.string(),
});
export type CounterAdmin = z.infer<typeof counterAdminSchema>;
export const counterListSchema = z.object({ counters: z.array(counterAdminSchema) });

const counterFieldsSchema = z.object({
  name: z.string().trim().min(1, "窓口名を入力してください").max(60, "窓口名は60文字以内です"),
  kind: z.enum(["department", "branchOffice"]),
  department: z.string().trim().min(1, "所属課を入力してください").max(60, "所属課は60文字以内です"),
  place: z
    .string()
    .trim()
    .max(60, "場所は60文字以内です")
    .nullable()
    .transform((p) => (p ? p : null)),
  active: z.boolean(),
});
export const counterCreateSchema = counterFieldsSchema.extend({ id: counterIdSchema });
export type CounterCreate = z.infer<typeof counterCreateSchema>;
export const counterUpdateSchema = counterFieldsSchema.extend({ expectedVersion: z.string().min(1) });
export type CounterUpdate = z.infer<typeof counterUpdateSchema>;

export const counterKindLabels = { department: "本庁の課", branchOffice: "行政センター" } as const;

export const roleAdminSchema = roleSchema.extend({ version: z.string() });
export type RoleAdmin = z.infer<typeof roleAdminSchema>;
export const roleListSchema = z.object({ roles: z.array(roleAdminSchema) });

export const roleCreateSchema = roleSchema.extend({
  id: z
    .string()
    .trim()
    .min(1, "ロールIDを入力してください")
    .max(40, "ロールIDは40文字以内です")
    .regex(/^[A-Za-z0-9_-]+$/, "ロールIDは半角英数字と _ - で入力してください"),
  name: z.string().trim().min(1, "ロール名を入力してください").max(60, "ロール名は60文字以内です"),
});
export type RoleCreate = z.infer<typeof roleCreateSchema>;
export const roleUpdateSchema = roleCreateSchema
  .omit({ id: true })
  .extend({ expectedVersion: z.string().min(1) });
export type RoleUpdate = z.infer<typeof roleUpdateSchema>;

const importRowSchema = z.object({
  line: z.number(),
  loginId: z.string(),
  name: z.string(),
  department: z.string().nullable(),
  assignments: z.array(assignmentSchema),
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
});

/** What applying a staff CSV would do; nothing is written until the same file is applied with the token. */
export const staffImportPreviewSchema = z.object({
  /** names this file, these options and the accounts as they were: a changed one refuses the apply */
  token: z.string(),
  encoding: z.enum(["utf-8", "cp932"]),
  adds: z.array(importRowSchema),
  changes: z.array(
    z.object({
      line: z.number(),
      loginId: z.string(),
      name: z.string(),
      fields: z.array(
        z.object({ field: z.string(), label: z.string(), before: z.string(), after: z.string() }),
      ),
    }),
  ),
  disables: z.array(z.object({ loginId: z.string(), name: z.string() })),
  unchanged: z.number(),
  problems: z.array(
    z.object({
      line: z.number(),
      column: z.string().nullable(),
      loginId: z.string().nullable(),
      reason: z.string(),
    }),
  ),
});
export type StaffImportPreview = z.infer<typeof staffImportPreviewSchema>;

const flag = z
  .enum(["true", "false"])
  .default("false")
  .transform((v) => v === "true");
export const staffImportQuerySchema = z.object({
  /** ファイルにない職員を無効にする */
  disableAbsent: flag,
});
export const staffImportApplyQuerySchema = staffImportQuerySchema.extend({
  token: z.string().min(1, "プレビューの番号がありません。先にプレビューしてください"),
  /** the administrator confirmed that the bad rows are left out */
  skipBadRows: flag,
});

export const staffImportResultSchema = z.object({
  added: z.number(),
  changed: z.number(),
  disabled: z.number(),
  skippedRows: z.number(),
  /** the new accounts' one-time passwords: in this answer only, for the administrator to hand out */
  passwords: z.array(z.object({ loginId: z.string(), name: z.string(), password: z.string() })),
});
export type StaffImportResult = z.infer<typeof staffImportResultSchema>;
