import {
  progressListSchema,
  progressQuerySchema,
  progressUpdateInputSchema,
  progressUpdateResultSchema,
  statusList,
} from "@ichimado/core/cases/progress";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { type AppContext, actorOf, requireAuth } from "../platform/context.ts";
import { progressList, updateProgress } from "./progress.ts";
import { stepActor } from "./steps.ts";

const access = { access: { kind: "permission", permission: "reception" } } as const;

/** 進捗管理 (L41): the back office's list of procedures waiting for 審査 or 完了, and its bulk change. */
export async function progressRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    "/api/v1/procedures/progress",
    {
      config: access,
      schema: { querystring: progressQuerySchema, response: { 200: progressListSchema } },
    },
    async (request) => {
      const auth = requireAuth(request);
      const q = request.query;
      const list = await progressList(ctx.db, auth, q, new Date());
      await ctx.audit.write(ctx.db, actorOf(request), {
        action: "case.read",
        target: "procedures:progress",
        personIds: [...new Set(list.rows.flatMap((r) => (r.person?.id ? [r.person.id] : [])))],
        detail: {
          statuses: statusList(q.status),
          from: q.from ?? null,
          to: q.to ?? null,
          procedure: q.procedure ?? null,
          rows: list.rows.length,
        },
        outcome: "success",
      });
      return list;
    },
  );

  r.post(
    "/api/v1/procedures/progress/status",
    {
      config: access,
      schema: { body: progressUpdateInputSchema, response: { 200: progressUpdateResultSchema } },
    },
    async (request) => updateProgress(ctx, stepActor(requireAuth(request), actorOf(request)), request.body),
  );
}
