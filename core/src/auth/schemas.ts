import { z } from "zod";
import { programmeKeySchema } from "../programmes/programmes.ts";
import { passwordPolicyMessage, passwordProblems } from "./password-policy.ts";
import { functionPermissionSchema } from "./permissions.ts";

export const loginIdSchema = z
  .string()
  .trim()
  .min(1, "ログインIDを入力してください")
  .max(64, "ログインIDは64文字以内です")
  .regex(/^[A-Za-z0-9._@-]+$/, "ログインIDは半角英数字と . _ @ - で入力してください");

export const loginRequestSchema = z.object({
  loginId: loginIdSchema,
  password: z.string().min(1, "パスワードを入力してください").max(256, "パスワードが長すぎます"),
});
export type LoginRequest = z.infer<typeof loginRequestSchema>;

export const newPasswordSchema = z
  .string()
  .max(256, "パスワードが長すぎます")
  .superRefine((value, ctx) => {
    for (const problem of passwordProblems(value)) ctx.addIssue({ code: "custom", message: problem });
  })
  .describe(passwordPolicyMessage);

export const changePasswordRequestSchema = z.object({
  currentPassword: z.string().min(1, "現在のパスワードを入力してください").max(256),
  newPassword: newPasswordSchema,
});
export type ChangePasswordRequest = z.infer<typeof changePasswordRequestSchema>;

export const counterSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(["department", "branchOffice"]),
  place: z.string().nullable(),
});
export type CounterSummary = z.infer<typeof counterSummarySchema>;

export const chooseCounterRequestSchema = z.object({ counterId: z.string().min(1).max(40) });

/** The session as the web app sees it: who, where, and what they may do there. */
export const sessionInfoSchema = z.object({
  staff: z.object({ id: z.string(), loginId: z.string(), name: z.string() }),
  mustChangePassword: z.boolean(),
  counters: z.array(counterSummarySchema),
  counter: counterSummarySchema.nullable(),
  roles: z.array(z.object({ id: z.string(), name: z.string() })),
  functions: z.array(functionPermissionSchema),
  visibleProgrammes: z.array(programmeKeySchema),
  acceptedProgrammes: z.array(programmeKeySchema),
  expiresAt: z.string(),
});
export type SessionInfo = z.infer<typeof sessionInfoSchema>;
