import { exportFileName, exportTable, statisticsExports } from "@ichimado/core/statistics/columns";
import { type ExportEncoding, exportQuerySchema, periodSchema } from "@ichimado/core/statistics/period";
import { statisticsSummarySchema, summarise } from "@ichimado/core/statistics/summary";
import { cp932Replacement, encodeCp932 } from "@ichimado/tools/csv/cp932";
import { toCsv } from "@ichimado/tools/feeds/write-feeds";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { type AppContext, actorOf } from "../platform/context.ts";
import { casesIn, proceduresIn } from "./queries.ts";

const access = { access: { kind: "permission", permission: "statistics" } } as const;
/** 対応履歴 CSV: 統計 offers it beside the figures, データ出力 (N44) as the period's history. */
const exportAccess = { access: { kind: "permission", permission: ["statistics", "export"] } } as const;

/** Response header: how many characters a CP932 file has as 〓 (0 for UTF-8). */
export const replacedHeader = "x-ichimado-replaced-characters";

/**
 * The file's bytes. UTF-8 carries a BOM so that Excel opens it as UTF-8. CP932 writes 〓 for a
 * character it cannot hold (a staff name with 𠮷, say) and counts them, rather than refusing: the
 * period's figures are still right, nobody at the counter can change the name, and the screen says
 * how many were replaced and that the UTF-8 file has them all.
 */
export function encodeCsv(text: string, encoding: ExportEncoding): { bytes: Buffer; replaced: number } {
  if (encoding === "utf8") return { bytes: Buffer.from(`\uFEFF${text}`, "utf-8"), replaced: 0 };
  const { bytes, replaced } = encodeCp932(text, { replacement: cp932Replacement });
  return { bytes, replaced: replaced.length };
}

/** `attachment` with an ASCII name for old clients and the Japanese one (RFC 6266 / 5987). */
export function attachment(name: { ascii: string; japanese: string }): string {
  return `attachment; filename="${name.ascii}"; filename*=UTF-8''${encodeURIComponent(name.japanese)}`;
}

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
        return reply
          .header("content-type", `text/csv; charset=${encoding === "cp932" ? "Shift_JIS" : "UTF-8"}`)
          .header("content-disposition", attachment(exportFileName(kind, { from, to }, encoding)))
          .header("cache-control", "no-store")
          .header(replacedHeader, String(replaced))
          .send(bytes);
      },
    );
  }
}
