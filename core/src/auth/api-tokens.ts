import { z } from "zod";
import { apiScopeSchema } from "./permissions.ts";

/**
 * API tokens for robots and other systems (P50), as administrators manage them. The name is what
 * the audit log shows (`api:<name>`), so it is kept plain: the same rule as the database's check.
 */
export const apiTokenNameSchema = z
  .string()
  .trim()
  .regex(
    /^[a-z0-9][a-z0-9-]{1,40}$/,
    "名前は半角英小文字・数字・ハイフンで2〜41文字にしてください（先頭は英小文字か数字）",
  );

export const apiTokenCreateSchema = z
  .object({
    name: apiTokenNameSchema,
    scopes: z.array(apiScopeSchema).min(1, "用途を1つ以上選んでください").max(apiScopeSchema.options.length),
  })
  .strict();
export type ApiTokenCreate = z.infer<typeof apiTokenCreateSchema>;

/** The answer to a creation: the only time the token itself is ever shown. */
export const apiTokenCreatedSchema = z.object({ name: z.string(), token: z.string() });

/** A token as the list shows it: never the token nor its hash. */
export const apiTokenSummarySchema = z.object({
  name: z.string(),
  scopes: z.array(apiScopeSchema),
  createdAt: z.string(),
  /** the administrator who issued it; null when it was issued by the CLI */
  createdBy: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type ApiTokenSummary = z.infer<typeof apiTokenSummarySchema>;
export const apiTokenListSchema = z.object({ tokens: z.array(apiTokenSummarySchema) });
