import { auditEntrySchema, auditQuerySchema, auditVerifyResultSchema } from "@ichimado/core/audit/actions";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { type AppContext, actorOf } from "../platform/context.ts";
import { queryAuditLog } from "./queries.ts";
import { verifyAuditChain } from "./verify.ts";

const auditView = { access: { kind: "permission", permission: "auditView" } } as const;

export async function auditRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    "/api/v1/audit/entries",
    {
      config: auditView,
      schema: {
        querystring: auditQuerySchema,
        response: { 200: z.object({ entries: z.array(auditEntrySchema) }) },
      },
    },
    async (request) => {
      const entries = await queryAuditLog(ctx.db, request.query);
      // Looking at the log is itself something the log must show.
      await ctx.audit.write(ctx.db, actorOf(request), {
        action: "audit.read",
        target: "audit_log",
        detail: { query: request.query, returned: entries.length },
        outcome: "success",
      });
      return { entries };
    },
  );

  r.get(
    "/api/v1/audit/verify",
    { config: auditView, schema: { response: { 200: auditVerifyResultSchema } } },
    async (request) => {
      const result = await verifyAuditChain(ctx.db, ctx.auditKey);
      await ctx.audit.write(ctx.db, actorOf(request), {
        action: "audit.verify",
        target: "audit_log",
        detail: { ok: result.ok, checkedRows: result.checkedRows, problems: result.problems.length },
        outcome: "success",
      });
      return result;
    },
  );
}
