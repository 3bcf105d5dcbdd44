import { auditVerifyResultSchema } from "@ichimado/core/audit/actions";
import { auditAnalysisQuerySchema, auditAnalysisSchema } from "@ichimado/core/audit/analysis";
import { auditExportColumns, auditExportFileName } from "@ichimado/core/audit/columns";
import {
  auditExportMaxRows,
  auditExportQuerySchema,
  auditPageSchema,
  auditQuerySchema,
  filterOf,
} from "@ichimado/core/audit/filter";
import { japanDate } from "@ichimado/core/common/dates";
import { exportTable } from "@ichimado/core/statistics/columns";
import { toCsv } from "@ichimado/tools/feeds/write-feeds";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { type AppContext, actorOf } from "../platform/context.ts";
import { encodeCsv, sendCsv } from "../platform/csv-file.ts";
import { HttpError } from "../platform/errors.ts";
import { analyseAuditLog } from "./analysis.ts";
import { hideProtectedAddresses } from "./hidden-address.ts";
import { exportEntries, queryAuditLog } from "./queries.ts";
import { verifyAuditChain } from "./verify.ts";

const auditView = { access: { kind: "permission", permission: "auditView" } } as const;

/** 監査証跡: the filtered log page by page, its CSV, the chain's verification and the analysis. */
export async function auditRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    "/api/v1/audit/entries",
    { config: auditView, schema: { querystring: auditQuerySchema, response: { 200: auditPageSchema } } },
    async (request) => {
      const found = await queryAuditLog(ctx.db, request.query);
      const today = japanDate(new Date());
      const entries = await hideProtectedAddresses(ctx.db, request.auth?.permissions, found.entries, today);
      const page = { ...found, entries };
      // Looking at the log is itself something the log must show.
      await ctx.audit.write(ctx.db, actorOf(request), {
        action: "audit.read",
        target: "audit_log",
        detail: {
          filter: filterOf(request.query),
          ...(request.query.before ? { before: request.query.before } : {}),
          ...(request.query.after ? { after: request.query.after } : {}),
          returned: page.entries.length,
        },
        outcome: "success",
      });
      return page;
    },
  );

  r.get(
    "/api/v1/audit/entries.csv",
    { config: auditView, schema: { querystring: auditExportQuerySchema } },
    async (request, reply) => {
      const { encoding } = request.query;
      const filter = filterOf(request.query);
      const found = await exportEntries(ctx.db, filter, auditExportMaxRows);
      if (found.length > auditExportMaxRows) {
        throw new HttpError(
          400,
          "VALIDATION",
          `条件に当てはまる記録が${auditExportMaxRows.toLocaleString("ja-JP")}件を超えるため出力できません。期間などで絞り込んでから出力してください`,
        );
      }
      const today = japanDate(new Date());
      const entries = await hideProtectedAddresses(ctx.db, request.auth?.permissions, found, today);
      const { bytes, replaced } = encodeCsv(toCsv(exportTable(auditExportColumns, entries)), encoding);
      await ctx.audit.write(ctx.db, actorOf(request), {
        action: "data.export",
        target: "audit_log",
        detail: { filter, encoding, rows: entries.length, replaced },
        outcome: "success",
      });
      const name = auditExportFileName(today, encoding);
      return sendCsv(reply, { bytes, replaced, encoding, name });
    },
  );

  r.get(
    "/api/v1/audit/analysis",
    {
      config: auditView,
      schema: { querystring: auditAnalysisQuerySchema, response: { 200: auditAnalysisSchema } },
    },
    async (request) => {
      const analysis = await analyseAuditLog(ctx.db, request.query);
      await ctx.audit.write(ctx.db, actorOf(request), {
        action: "audit.read",
        target: "audit_log:analysis",
        detail: {
          ...request.query,
          massAccess: analysis.massAccess.length,
          afterHours: analysis.afterHours.length,
        },
        outcome: "success",
      });
      return analysis;
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
        detail: {
          ok: result.ok,
          checkedRows: result.checkedRows,
          problems: result.problems.length,
          problemSeqs: result.problems.map((p) => p.seq),
        },
        outcome: "success",
      });
      return result;
    },
  );
}
