import { describeCondition } from "@ichimado/core/catalog/describe";
import { catalogEntrySchema } from "@ichimado/core/catalog/schemas";
import { programmeLabels } from "@ichimado/core/programmes/programmes";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppContext } from "../platform/context.ts";
import { loadCatalog } from "./store.ts";

export async function catalogRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.withTypeProvider<ZodTypeProvider>().get(
    "/api/v1/catalog/procedures",
    {
      config: { access: { kind: "permission", permission: "reception" } },
      schema: { response: { 200: z.object({ procedures: z.array(catalogEntrySchema) }) } },
    },
    async () => {
      const [{ procedures: definitions, questions }, counters] = await Promise.all([
        loadCatalog(ctx.db),
        ctx.db.selectFrom("counter").select(["id", "name"]).execute(),
      ]);
      const counterName = new Map(counters.map((c) => [c.id, c.name]));
      return {
        procedures: definitions.map((d) => ({
          key: d.key,
          name: d.name,
          programme: d.programme,
          programmeLabel: programmeLabels[d.programme],
          scope: d.scope,
          counterName: counterName.get(d.counterId) ?? d.counterId,
          ruleText: d.rule ? describeCondition(d.rule, questions) : null,
        })),
      };
    },
  );
}
