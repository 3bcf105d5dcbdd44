import { exportFileName, exportTable, statisticsExports } from "@ichimado/core/statistics/columns";
import { exportQuerySchema, periodSchema } from "@ichimado/core/statistics/period";
import { statisticsSummarySchema, summarise } from "@ichimado/core/statistics/summary";
import { toCsv } from "@ichimado/tools/feeds/write-feeds";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { type AppContext, actorOf } from "../platform/context.ts";
import { encodeCsv, sendCsv } from "../platform/csv-file.ts";
import { casesIn, proceduresIn } from "./queries.ts";

const access = { access: { kind: "permission", permission: "statistics" } } as const;
/** 対応履歴 CSV: 統計 offers it beside the figures, データ出力 (N44) as the period's history. */
const exportAccess = { access: { kind: "permission", permission: ["statistics", "export"] } } as const;

/** 統計 (N44): the period's figures for the screen and its cases and procedures as CSV files. */
export async function statisticsRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    "/api/v1/statistics/summary",
    { config: access, schema: { querystring: periodSchema, response: { 200: statisticsSummarySchema } } },
    async (request) => {
      const period = request.query;
      const [cases, procedures] = await Promise.all([casesIn(ctx.db, period), proceduresIn(ctx.db, period)]);
      return summarise(period, cases, procedures);
    },
  );

  for (const kind of ["cases", "procedures"] as const) {
    r.get(
      `/api/v1/statistics/${kind}.csv`,
      { config: exportAccess, schema: { querystring: exportQuerySchema } },
      async (request, reply) => {
        const { from, to, encoding } = request.query;
        const table =
          kind === "cases"
            ? exportTable(statisticsExports.cases.columns, await casesIn(ctx.db, { from, to }))
            : exportTable(statisticsExports.procedures.columns, await proceduresIn(ctx.db, { from, to }));
        const rows = table.length - 1;
        const { bytes, replaced } = encodeCsv(toCsv(table), encoding);
        await ctx.audit.write(ctx.db, actorOf(request), {
          action: "data.export",
          target: `statistics:${kind}`,
          detail: { from, to, encoding, rows, replaced },
          outcome: "success",
        });
        return sendCsv(reply, {
          bytes,
          replaced,
          encoding,
          name: exportFileName(kind, { from, to }, encoding),
        });
      },
    );
  }
}
