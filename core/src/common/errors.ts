import { z } from "zod";

/** Every 4xx/5xx body the API returns has this shape; `message` is Japanese and shown to staff as-is. */
export const apiErrorSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  }),
});
export type ApiError = z.infer<typeof apiErrorSchema>;

export const errorCodes = {
  unauthenticated: "UNAUTHENTICATED",
  forbidden: "FORBIDDEN",
  passwordChangeRequired: "PASSWORD_CHANGE_REQUIRED",
  counterRequired: "COUNTER_REQUIRED",
  validation: "VALIDATION",
  notFound: "NOT_FOUND",
  conflict: "CONFLICT",
  loginFailed: "LOGIN_FAILED",
  accountLocked: "ACCOUNT_LOCKED",
  rateLimited: "RATE_LIMITED",
  unavailable: "UNAVAILABLE",
  internal: "INTERNAL",
} as const;
export type ErrorCode = (typeof errorCodes)[keyof typeof errorCodes];
