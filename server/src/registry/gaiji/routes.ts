import fs from "node:fs/promises";
import path from "node:path";
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { type AppContext, actorOf } from "../../platform/context.ts";
import { HttpError } from "../../platform/errors.ts";
import { FontCoverage } from "./font-coverage.ts";
import { gaijiFontFile } from "./font-file.ts";

const fontUploadMaxBytes = 64 * 1024 * 1024;

/** The gaiji font: the city uploads the one its core systems use; the counter screens draw names with it. */
export async function gaijiRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.get("/api/v1/gaiji/font", { config: { access: { kind: "session" } } }, async (_request, reply) => {
    const file = gaijiFontFile(ctx.config);
    if (!file) throw new HttpError(404, "NOT_FOUND", "外字フォントが登録されていません");
    reply.header("cache-control", "private, max-age=3600");
    return reply.type("font/ttf").send(await fs.readFile(file));
  });

  app.post(
    "/api/v1/gaiji/font",
    {
      config: { access: { kind: "permission", permission: "dataFeedAdmin" } },
      bodyLimit: fontUploadMaxBytes,
      schema: { response: { 200: z.object({ installed: z.literal(true) }) } },
    },
    async (request, reply) => {
      const body = request.body;
      if (!Buffer.isBuffer(body) || body.length < 12) {
        throw new HttpError(
          400,
          "VALIDATION",
          "フォントファイル (TrueType / OpenType) を application/octet-stream で送ってください",
        );
      }
      try {
        FontCoverage.parse(new DataView(body.buffer, body.byteOffset, body.byteLength), "upload");
      } catch {
        throw new HttpError(
          400,
          "VALIDATION",
          "TrueType / OpenType フォントとして読めません (文字対応表 cmap が見つかりません)",
        );
      }
      const file = ctx.config.gaiji.uploadedFont;
      await fs.mkdir(path.dirname(file), { recursive: true });
      await fs.writeFile(`${file}.tmp`, body);
      await fs.rename(`${file}.tmp`, file);
      await ctx.audit.write(ctx.db, actorOf(request), {
        action: "settings.change",
        target: "gaiji_font",
        detail: { bytes: body.length },
        outcome: "success",
      });
      return reply.status(200).send({ installed: true });
    },
  );
}
