import { townSchema } from "@ichimado/core/addresses/schemas";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppContext } from "../platform/context.ts";

/** The address master's towns (a few hundred rows): the reception form picks from them. */
export async function addressRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.withTypeProvider<ZodTypeProvider>().get(
    "/api/v1/addresses/towns",
    {
      config: { access: { kind: "permission", permission: "reception" } },
      schema: { response: { 200: z.object({ towns: z.array(townSchema) }) } },
    },
    async () => {
      const rows = await ctx.db
        .selectFrom("address_town")
        .select(["code", "name", "name_kana", "postal_code"])
        .orderBy("name_kana")
        .execute();
      return {
        towns: rows.map((r) => ({
          code: r.code,
          name: r.name,
          nameKana: r.name_kana,
          postalCode: r.postal_code,
        })),
      };
    },
  );
}
