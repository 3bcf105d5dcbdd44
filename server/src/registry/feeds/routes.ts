import fs from "node:fs/promises";
import path from "node:path";
import { feedLayoutById, feedLayouts } from "@ichimado/core/feeds/layouts";
import {
  feedSettingSchema,
  feedStatusSchema,
  importAcceptedSchema,
  importRunDetailSchema,
  importRunListSchema,
  importRunQuerySchema,
  importUploadQuerySchema,
} from "@ichimado/core/feeds/schemas";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { type AppContext, actorOf, requireAuth } from "../../platform/context.ts";
import { HttpError } from "../../platform/errors.ts";
import { feedOverview, listRuns, readSetting, runDetail, writeSetting } from "./queries.ts";

const feedAdmin = { access: { kind: "permission", permission: "dataFeedAdmin" } } as const;
const anyStaff = { access: { kind: "session" } } as const;

const feedParams = z.object({ feedId: z.string().max(40) });

function layoutOf(feedId: string) {
  const layout = feedLayoutById.get(feedId);
  if (!layout) throw new HttpError(404, "NOT_FOUND", `連携 ${feedId} はありません`);
  return layout;
}

export async function feedRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  // System status (P48) for every member of staff: how fresh each feed's data is.
  r.get(
    "/api/v1/feeds/status",
    { config: anyStaff, schema: { response: { 200: feedStatusSchema } } },
    async () => {
      const { latest, loadedAt } = await feedOverview(ctx.db);
      return {
        feeds: feedLayouts.map((l) => ({
          id: l.id,
          name: l.name,
          fileName: l.fileName,
          loadedAt: loadedAt.get(l.id) ?? null,
          lastRun: latest.get(l.id) ?? null,
        })),
        checkedAt: new Date().toISOString(),
      };
    },
  );

  r.get(
    "/api/v1/feeds/runs",
    {
      config: feedAdmin,
      schema: { querystring: importRunQuerySchema, response: { 200: importRunListSchema } },
    },
    async (request) => ({ runs: await listRuns(ctx.db, request.query.feed, request.query.limit) }),
  );

  r.get(
    "/api/v1/feeds/runs/:id",
    {
      config: feedAdmin,
      schema: {
        params: z.object({ id: z.coerce.number().int().positive() }),
        response: { 200: importRunDetailSchema },
      },
    },
    async (request) => {
      const run = await runDetail(ctx.db, request.params.id);
      if (!run) throw new HttpError(404, "NOT_FOUND", "指定された取込履歴はありません");
      return run;
    },
  );

  r.get(
    "/api/v1/feeds/:feedId/setting",
    { config: feedAdmin, schema: { params: feedParams, response: { 200: feedSettingSchema } } },
    async (request) => readSetting(ctx.db, layoutOf(request.params.feedId).id),
  );

  r.put(
    "/api/v1/feeds/:feedId/setting",
    {
      config: feedAdmin,
      schema: { params: feedParams, body: feedSettingSchema, response: { 200: feedSettingSchema } },
    },
    async (request) => {
      const layout = layoutOf(request.params.feedId);
      const fields = new Set(layout.columns.map((c) => c.field));
      const issues = Object.entries(request.body.headerMap)
        .filter(([, field]) => !fields.has(field))
        .map(([header, field]) => ({
          path: `body.headerMap.${header}`,
          message: `${layout.name} に項目 ${field} はありません`,
        }));
      if (issues.length > 0)
        throw new HttpError(400, "VALIDATION", "見出しの対応付けに誤りがあります", issues);
      await ctx.db.transaction().execute(async (trx) => {
        await writeSetting(trx, layout.id, request.body, requireAuth(request).staffId);
        await ctx.audit.write(trx, actorOf(request), {
          action: "settings.change",
          target: `feed_setting:${layout.id}`,
          detail: request.body,
          outcome: "success",
        });
      });
      return readSetting(ctx.db, layout.id);
    },
  );

  r.post(
    "/api/v1/feeds/:feedId/imports",
    {
      config: feedAdmin,
      bodyLimit: ctx.config.feeds.uploadMaxBytes,
      schema: {
        params: feedParams,
        querystring: importUploadQuerySchema,
        response: { 202: importAcceptedSchema },
      },
    },
    async (request, reply) => {
      const layout = layoutOf(request.params.feedId);
      const body = request.body;
      if (!Buffer.isBuffer(body) || body.length === 0) {
        throw new HttpError(
          400,
          "VALIDATION",
          "ファイルの中身がありません (Content-Type: application/octet-stream でファイルを送ってください)",
        );
      }
      const auth = requireAuth(request);
      const fileName = path.basename(request.query.fileName ?? layout.fileName);
      const dir = path.join(ctx.config.feeds.dir, "uploads");
      await fs.mkdir(dir, { recursive: true });
      const file = path.join(dir, `${Date.now()}-${auth.staffId}-${layout.fileName}`);
      await fs.writeFile(file, body);
      const runId = await ctx.feeds.enqueue({
        file,
        request: {
          feedId: layout.id,
          fileName,
          differential: request.query.differential,
          ...(request.query.encoding ? { encoding: request.query.encoding } : {}),
          source: "upload",
          staffId: auth.staffId,
        },
        actor: actorOf(request),
        finished: () => fs.rm(file, { force: true }),
      });
      return reply
        .status(202)
        .send({ runId, message: `${layout.name} の取込を受け付けました (受付番号 ${runId})` });
    },
  );
}
