import { counterListSchema, roleListSchema, staffListSchema } from "@ichimado/core/staff/schemas";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { type AppContext, actorOf } from "../platform/context.ts";
import { listCounters, listRoles, listStaff } from "./queries.ts";

const staffAdmin = { access: { kind: "permission", permission: "staffAdmin" } } as const;

export async function staffRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    "/api/v1/admin/staff",
    { config: staffAdmin, schema: { response: { 200: staffListSchema } } },
    async (request) => {
      const staff = await listStaff(ctx.db);
      await ctx.audit.write(ctx.db, actorOf(request), {
        action: "staff.read",
        target: "staff_user",
        detail: { count: staff.length },
        outcome: "success",
      });
      return { staff };
    },
  );

  r.get(
    "/api/v1/admin/counters",
    { config: staffAdmin, schema: { response: { 200: counterListSchema } } },
    async () => ({
      counters: await listCounters(ctx.db),
    }),
  );

  r.get(
    "/api/v1/admin/roles",
    { config: staffAdmin, schema: { response: { 200: roleListSchema } } },
    async () => ({
      roles: await listRoles(ctx.db),
    }),
  );
}
