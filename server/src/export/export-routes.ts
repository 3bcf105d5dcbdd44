import { toCsv } from "@ichimado/tools/feeds/write-feeds";
import type { FastifyInstance } from "fastify";
import { type AppContext, actorOf } from "../platform/context.ts";
import { attachment, encodeCsv } from "../platform/csv-file.ts";
import { type DescribedTable, describeExport, dictionary, dictionaryTable } from "./export.ts";

const access = { access: { kind: "permission", permission: "export" } } as const;

/** データ辞書 as Markdown (what export-data writes beside the files) or as a spreadsheet. */
const formats = {
  md: {
    contentType: "text/markdown; charset=UTF-8",
    body: (tables: DescribedTable[]) => Buffer.from(dictionary(tables), "utf-8"),
  },
  csv: {
    contentType: "text/csv; charset=UTF-8",
    body: (tables: DescribedTable[]) => encodeCsv(toCsv(dictionaryTable(tables)), "utf8").bytes,
  },
} as const;

/**
 * データ出力 (E②): the data dictionary of the city's data export, without any of the data. The
 * export itself (every table, 支援措置 addresses among them) is the `export-data` command on the
 * server, not a download: bulk personal data does not leave through a browser.
 */
export async function exportRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  for (const [format, { contentType, body }] of Object.entries(formats)) {
    app.get(`/api/v1/export/data-dictionary.${format}`, { config: access }, async (request, reply) => {
      const tables = await describeExport(ctx.db);
      await ctx.audit.write(ctx.db, actorOf(request), {
        action: "data.export",
        target: "city:dictionary",
        detail: { format, tables: tables.length },
        outcome: "success",
      });
      return reply
        .header("content-type", contentType)
        .header(
          "content-disposition",
          attachment({ ascii: `data-dictionary.${format}`, japanese: `データ辞書.${format}` }),
        )
        .header("cache-control", "no-store")
        .send(body(tables));
    });
  }
}
