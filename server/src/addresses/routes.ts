import { suggestMunicipalities } from "@ichimado/core/addresses/municipalities";
import {
  addressSuggestQuerySchema,
  addressSuggestResultSchema,
  lotQuerySchema,
  lotSuggestResultSchema,
  municipalityQuerySchema,
  municipalitySuggestResultSchema,
  townCodeParamsSchema,
  townSchema,
} from "@ichimado/core/addresses/schemas";
import { japanDate } from "@ichimado/core/common/dates";
import { mayViewProtectedAddress } from "@ichimado/core/registry/masking";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { type AppContext, requireAuth } from "../platform/context.ts";
import { HttpError } from "../platform/errors.ts";
import { lotSuggestions, seenMunicipalities, townSuggestions } from "./suggest.ts";

const receptionAccess = { access: { kind: "permission", permission: "reception" } } as const;

/** The address master's towns for input, and suggestions from it and from the register's lots. */
export async function addressRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    "/api/v1/addresses/towns",
    {
      config: receptionAccess,
      schema: { response: { 200: z.object({ towns: z.array(townSchema) }) } },
    },
    async () => {
      const rows = await ctx.db
        .selectFrom("address_town")
        .select(["code", "name", "name_kana", "postal_code", "chome_count"])
        .orderBy("name_kana")
        .execute();
      return {
        towns: rows.map((r) => ({
          code: r.code,
          name: r.name,
          nameKana: r.name_kana,
          postalCode: r.postal_code,
          chomeCount: r.chome_count,
        })),
      };
    },
  );

  r.get(
    "/api/v1/addresses/suggest",
    {
      config: receptionAccess,
      schema: { querystring: addressSuggestQuerySchema, response: { 200: addressSuggestResultSchema } },
    },
    async (request) => {
      const found = await townSuggestions(ctx.db, request.query.q, 20);
      return {
        towns: found.map((s) => ({ ...s.town, matchedBy: s.matchedBy, chome: s.chome, rest: s.rest })),
      };
    },
  );

  // For addresses outside the city (転入元, 転出先): names of places, not of people, so not audited.
  r.get(
    "/api/v1/addresses/municipalities",
    {
      config: receptionAccess,
      schema: { querystring: municipalityQuerySchema, response: { 200: municipalitySuggestResultSchema } },
    },
    async (request) => ({
      municipalities: suggestMunicipalities(await seenMunicipalities(ctx.db), request.query.q, 20),
    }),
  );

  r.get(
    "/api/v1/addresses/towns/:code/lots",
    {
      config: receptionAccess,
      schema: {
        params: townCodeParamsSchema,
        querystring: lotQuerySchema,
        response: { 200: lotSuggestResultSchema },
      },
    },
    async (request) => {
      const auth = requireAuth(request);
      const town = await ctx.db
        .selectFrom("address_town")
        .select("code")
        .where("code", "=", request.params.code)
        .executeTakeFirst();
      if (!town) throw new HttpError(404, "NOT_FOUND", "指定された町字は住所マスタにありません");
      return lotSuggestions(ctx.db, town.code, request.query.q, {
        includeProtected: mayViewProtectedAddress(auth.permissions),
        today: japanDate(new Date()),
        limit: 50,
      });
    },
  );
}
