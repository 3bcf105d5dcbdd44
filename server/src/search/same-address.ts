import { japanDate } from "@ichimado/core/common/dates";
import { mayViewProtectedAddress } from "@ichimado/core/registry/masking";
import { personSummarySchema } from "@ichimado/core/search/schemas";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { sql } from "kysely";
import { z } from "zod";
import type { AppContext } from "../platform/context.ts";
import { actorOf, requireAuth } from "../platform/context.ts";
import { HttpError } from "../platform/errors.ts";
import { personSummaries } from "./person-view.ts";
import { isProtected, mayShowAtSameAddress } from "./present.ts";
import { protectedPersonIds } from "./queries.ts";

const limit = 30;

/**
 * Other households at the same address (D15: a two-household home, a parent living next door on
 * paper). For a role that may not see protected addresses, protected households are left out both
 * ways: listing them beside someone would tell where they live.
 */
export async function sameAddressRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.withTypeProvider<ZodTypeProvider>().get(
    "/api/v1/persons/:id/same-address",
    {
      config: { access: { kind: "permission", permission: "search" } },
      schema: {
        params: z.object({ id: z.string().regex(/^\d{10}$/, "宛名番号は10桁の数字です") }),
        response: { 200: z.object({ persons: z.array(personSummarySchema), truncated: z.boolean() }) },
      },
    },
    async (request) => {
      const auth = requireAuth(request);
      const person = await ctx.db
        .selectFrom("person")
        .select(["id", "household_id", "town_code", "lot", "status"])
        .where("id", "=", request.params.id)
        .executeTakeFirst();
      if (!person) throw new HttpError(404, "NOT_FOUND", "指定された宛名はありません");
      if (!person.town_code || !person.lot || person.status !== "active")
        return { persons: [], truncated: false };
      const today = japanDate(new Date());
      // Left out in the query, so that whether there are more says nothing of the protected.
      const hide = !mayViewProtectedAddress(auth.permissions);
      const rows = await ctx.db
        .selectFrom("person")
        .select(["id", "household_id"])
        .where("kind", "=", "resident")
        .where("status", "=", "active")
        .where("town_code", "=", person.town_code)
        .where("lot", "=", person.lot)
        .where((eb) =>
          person.household_id === null
            ? eb("id", "<>", person.id)
            : eb.or([eb("household_id", "<>", person.household_id), eb("household_id", "is", null)]),
        )
        .$if(hide, (q) => q.where(sql<boolean>`id not in (${protectedPersonIds(today)})`))
        .orderBy("household_id")
        .orderBy("id")
        .limit(limit + 1)
        .execute();
      const { summaries, state } = await personSummaries(
        ctx.db,
        auth,
        [person.id, ...rows.slice(0, limit).map((r) => r.id)],
        today,
      );
      const persons = rows
        .slice(0, limit)
        .filter((r) => mayShowAtSameAddress(auth, state, person, r))
        .map((r) => summaries.get(r.id))
        .filter((s) => s !== undefined);
      await ctx.audit.write(ctx.db, actorOf(request), {
        action: "person.read",
        target: `person:${person.id}:same-address`,
        personIds: persons.map((p) => p.id),
        detail: { count: persons.length },
        outcome: "success",
      });
      // Seen from a protected person by a role that may not see where they live, even how many
      // live there (a large building, a shelter) is not told.
      const viewedHidden = hide && isProtected(state, person);
      return { persons, truncated: !viewedHidden && rows.length > limit };
    },
  );
}
