import fs from "node:fs/promises";
import path from "node:path";
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { type AppContext, actorOf } from "../../platform/context.ts";
import { HttpError } from "../../platform/errors.ts";
import { FontCoverage } from "./font-coverage.ts";
import { gaijiFontFile } from "./font-file.ts";
import { forgetRegisterFont, registerFont } from "./register-font.ts";

const fontUploadMaxBytes = 64 * 1024 * 1024;

/** The gaiji font: the city uploads the one its core systems use; the counter screens draw names with it. */
export async function gaijiRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.get("/api/v1/gaiji/font", { config: { access: { kind: "session" } } }, async (_request, reply) => {
    const file = gaijiFontFile(ctx.config);
    if (!file) throw new HttpError(404, "NOT_FOUND", "外字フォントが登録されていません");
    reply.header("cache-control", "private, max-age=3600");
    return reply.type("font/ttf").send(await fs.readFile(file));
  });

  // The screens' web font for the register's MJ characters (register-font.ts). The style sheet is
  // checked on each load (ETag); the font's URL carries its version, so it is kept for good.
  app.get(
    "/api/v1/fonts/register.css",
    { config: { access: { kind: "session" } } },
    async (request, reply) => {
      const font = await registerFont(ctx.db, ctx.config);
      reply.header("cache-control", "private, no-cache").header("etag", font.etag);
      if (request.headers["if-none-match"] === font.etag) return reply.status(304).send();
      return reply.type("text/css; charset=utf-8").send(font.css);
    },
  );

  app.get(
    "/api/v1/fonts/register.woff2",
    { config: { access: { kind: "session" } } },
    async (_request, reply) => {
      const { woff2 } = await registerFont(ctx.db, ctx.config);
      if (!woff2) throw new HttpError(404, "NOT_FOUND", "住民記録に専用フォントの要る文字はありません");
      reply.header("cache-control", "private, max-age=31536000, immutable");
      return reply.type("font/woff2").send(woff2);
    },
  );

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
      forgetRegisterFont();
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
