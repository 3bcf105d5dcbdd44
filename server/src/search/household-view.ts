import { japanDate } from "@ichimado/core/common/dates";
import { householdViewSchema } from "@ichimado/core/search/schemas";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { type AppContext, actorOf, requireAuth } from "../platform/context.ts";
import { HttpError } from "../platform/errors.ts";
import { personSummaries } from "./person-view.ts";

/**
 * A household by its number, for reception (a 転入 into an existing household, a 世帯合併 target):
 * its members through the same summaries and masking as the person view.
 */
export async function householdRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.withTypeProvider<ZodTypeProvider>().get(
    "/api/v1/households/:id",
    {
      config: { access: { kind: "permission", permission: "reception" } },
      schema: {
        params: z.object({ id: z.string().trim().min(1).max(20, "世帯番号が長すぎます") }),
        response: { 200: householdViewSchema },
      },
    },
    async (request) => {
      const auth = requireAuth(request);
      const household = await ctx.db
        .selectFrom("household")
        .select(["id", "head_person_id"])
        .where("id", "=", request.params.id)
        .executeTakeFirst();
      if (!household) throw new HttpError(404, "NOT_FOUND", "指定された世帯はありません");
      const members = await ctx.db
        .selectFrom("person")
        .select("id")
        .where("household_id", "=", household.id)
        .where("kind", "=", "resident")
        .where("status", "=", "active")
        .orderBy((eb) => eb.case().when("id", "=", household.head_person_id).then(0).else(1).end())
        .orderBy("birth_date")
        .execute();
      const ids = members.map((m) => m.id);
      const { summaries } = await personSummaries(ctx.db, auth, ids, japanDate(new Date()));
      const list = ids.map((id) => summaries.get(id)).filter((s) => s !== undefined);
      const head = list.find((m) => m.id === household.head_person_id);
      await ctx.audit.write(ctx.db, actorOf(request), {
        action: "person.read",
        target: `household:${household.id}`,
        personIds: ids,
        outcome: "success",
      });
      return {
        id: household.id,
        headName: head?.name ?? null,
        address: head?.address ?? list[0]?.address ?? { text: null, masked: false },
        members: list,
      };
    },
  );
}
