import {
  type ApiTokenSummary,
  apiTokenCreatedSchema,
  apiTokenCreateSchema,
  apiTokenListSchema,
  apiTokenNameSchema,
} from "@ichimado/core/auth/api-tokens";
import { type ApiScope, apiScopeSchema } from "@ichimado/core/auth/permissions";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { type AppContext, actorOf, requireAuth } from "../platform/context.ts";
import { HttpError } from "../platform/errors.ts";
import { createApiToken, revokeApiToken } from "./api-tokens.ts";

const access = { access: { kind: "permission", permission: "staffAdmin" } } as const;
const nameParams = z.object({ name: apiTokenNameSchema });

const isScope = (s: string): s is ApiScope => apiScopeSchema.safeParse(s).success;

const nameTaken = (name: string) =>
  new HttpError(
    409,
    "CONFLICT",
    `トークン「${name}」はすでにあります。失効したトークンの名前も使えないため、別の名前にしてください`,
  );

/** PostgreSQL's unique_violation: another administrator issued the same name a moment ago. */
const isUniqueViolation = (error: unknown) =>
  typeof error === "object" && error !== null && "code" in error && error.code === "23505";

/**
 * API tokens for robots and other systems (P50), issued and revoked by administrators. Each change
 * is audited in the transaction that makes it; the token itself is never stored, logged or
 * audited, and is shown once, in the answer to its creation.
 */
export async function apiTokenRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    "/api/v1/admin/api-tokens",
    { config: access, schema: { response: { 200: apiTokenListSchema } } },
    async () => {
      const rows = await ctx.db
        .selectFrom("api_token")
        .leftJoin("staff_user", "staff_user.id", "api_token.created_by")
        .select([
          "api_token.name",
          "api_token.scopes",
          "api_token.created_at",
          "api_token.last_used_at",
          "api_token.revoked_at",
          "staff_user.name as created_by",
        ])
        .orderBy("api_token.revoked_at", (o) => o.desc().nullsFirst())
        .orderBy("api_token.name")
        .execute();
      const tokens: ApiTokenSummary[] = rows.map((row) => ({
        name: row.name,
        scopes: row.scopes.filter(isScope),
        createdAt: row.created_at.toISOString(),
        createdBy: row.created_by,
        lastUsedAt: row.last_used_at?.toISOString() ?? null,
        revokedAt: row.revoked_at?.toISOString() ?? null,
      }));
      return { tokens };
    },
  );

  r.post(
    "/api/v1/admin/api-tokens",
    {
      config: access,
      schema: { body: apiTokenCreateSchema, response: { 201: apiTokenCreatedSchema } },
    },
    async (request, reply) => {
      const auth = requireAuth(request);
      const { name, scopes } = request.body;
      try {
        const token = await ctx.db.transaction().execute(async (trx) => {
          const taken = await trx
            .selectFrom("api_token")
            .select("id")
            .where("name", "=", name)
            .executeTakeFirst();
          if (taken) throw nameTaken(name);
          const issued = await createApiToken(trx, { name, scopes, createdBy: auth.staffId });
          await ctx.audit.write(trx, actorOf(request), {
            action: "settings.change",
            target: `api-token:${name}`,
            detail: { operation: "create", scopes },
            outcome: "success",
          });
          return issued;
        });
        return reply.status(201).send({ name, token });
      } catch (error) {
        if (isUniqueViolation(error)) throw nameTaken(name);
        throw error;
      }
    },
  );

  r.delete(
    "/api/v1/admin/api-tokens/:name",
    { config: access, schema: { params: nameParams, response: { 204: z.null() } } },
    async (request, reply) => {
      const { name } = request.params;
      await ctx.db.transaction().execute(async (trx) => {
        if (!(await revokeApiToken(trx, name)))
          throw new HttpError(
            404,
            "NOT_FOUND",
            `有効なトークン「${name}」はありません（失効済みか、未発行です）`,
          );
        await ctx.audit.write(trx, actorOf(request), {
          action: "settings.change",
          target: `api-token:${name}`,
          detail: { operation: "revoke" },
          outcome: "success",
        });
      });
      return reply.status(204).send(null);
    },
  );
}
