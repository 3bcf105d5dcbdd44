import { japanDate } from "@ichimado/core/common/dates";
import {
  basePdfSavedSchema,
  leafletListSchema,
  leafletSavedSchema,
  templateDraftSchema,
  templateSavedSchema,
  templateVersionListSchema,
} from "@ichimado/core/documents/api";
import { bindFields } from "@ichimado/core/documents/bind";
import { sampleDocumentData } from "@ichimado/core/documents/sample";
import {
  answerKeyOf,
  fieldPlacementProblems,
  templateKeySchema,
  templateSaveSchema,
} from "@ichimado/core/documents/template";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { loadCatalog } from "../catalog/store.ts";
import { type AppContext, actorOf, requireAuth } from "../platform/context.ts";
import { HttpError } from "../platform/errors.ts";
import { prepareBasePdf } from "./base-pdf.ts";
import { documentFonts } from "./fonts.ts";
import { renderForms } from "./render.ts";
import {
  allLeaflets,
  allTemplateVersions,
  loadBasePdf,
  saveBasePdf,
  saveLeaflet,
  saveTemplateVersion,
} from "./store.ts";

/** An uploaded PDF (raw body), checked and read for its page sizes. */
async function readPdfBody(body: unknown): Promise<NonNullable<Awaited<ReturnType<typeof prepareBasePdf>>>> {
  if (!Buffer.isBuffer(body) || body.subarray(0, 5).toString("latin1") !== "%PDF-") {
    throw new HttpError(400, "VALIDATION", "PDFファイルを application/octet-stream で送ってください");
  }
  const prepared = await prepareBasePdf(body);
  if (!prepared)
    throw new HttpError(400, "VALIDATION", "PDFとして読めません (壊れているか、暗号化されています)");
  return prepared;
}

const access = { access: { kind: "permission", permission: "catalogAdmin" } } as const;
const basePdfMaxBytes = 20 * 1024 * 1024;

/**
 * Template administration (手続き設定): upload the city's paper form as a base PDF, save a template
 * over it as a new version, preview it with made-up data. Versions are never changed afterwards.
 */
export async function documentAdminRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    "/api/v1/admin/documents/base-pdfs",
    {
      config: access,
      bodyLimit: basePdfMaxBytes,
      schema: {
        querystring: z.object({ name: z.string().trim().min(1, "PDFの名前を指定してください").max(80) }),
        response: { 201: basePdfSavedSchema },
      },
    },
    async (request, reply) => {
      const prepared = await readPdfBody(request.body);
      const auth = requireAuth(request);
      const { bytes, pages } = prepared;
      const id = await saveBasePdf(ctx.db, {
        name: request.query.name,
        bytes,
        pages,
        staffId: auth.staffId,
      });
      await ctx.audit.write(ctx.db, actorOf(request), {
        action: "settings.change",
        target: `document_base_pdf:${id}`,
        detail: { name: request.query.name, bytes: bytes.length, pages: pages.length },
        outcome: "success",
      });
      return reply.status(201).send({ id, pages });
    },
  );

  // The designer draws the base PDF's pages under the fields it places (no personal data in it).
  r.get(
    "/api/v1/admin/documents/base-pdfs/:id",
    {
      config: access,
      schema: {
        params: z.object({
          id: z.coerce
            .number()
            .int()
            .positive()
            .max(2 ** 31 - 1),
        }),
      },
    },
    async (request, reply) => {
      const base = await loadBasePdf(ctx.db, request.params.id);
      if (!base) throw new HttpError(404, "NOT_FOUND", "元のPDFがありません");
      return reply
        .type("application/pdf")
        .header("cache-control", "private, max-age=3600")
        .send(Buffer.from(base.bytes));
    },
  );

  r.get(
    "/api/v1/admin/documents/leaflets",
    { config: access, schema: { response: { 200: leafletListSchema } } },
    async () => ({ leaflets: await allLeaflets(ctx.db) }),
  );

  r.post(
    "/api/v1/admin/documents/leaflets",
    {
      config: access,
      bodyLimit: basePdfMaxBytes,
      schema: {
        querystring: z.object({
          key: templateKeySchema,
          name: z.string().trim().min(1, "チラシの名前を指定してください").max(80),
        }),
        response: { 201: leafletSavedSchema },
      },
    },
    async (request, reply) => {
      const prepared = await readPdfBody(request.body);
      const auth = requireAuth(request);
      const { key, name } = request.query;
      const version = await ctx.db.transaction().execute(async (trx) => {
        const pdfId = await saveBasePdf(trx, {
          name,
          bytes: prepared.bytes,
          pages: prepared.pages,
          staffId: auth.staffId,
        });
        const v = await saveLeaflet(trx, { key, name, pdfId, staffId: auth.staffId });
        await ctx.audit.write(trx, actorOf(request), {
          action: "settings.change",
          target: `document_leaflet:${key}:${v}`,
          detail: { name, pages: prepared.pages.length },
          outcome: "success",
        });
        return v;
      });
      return reply.status(201).send({ key, version, pages: prepared.pages.length });
    },
  );

  r.get(
    "/api/v1/admin/documents/templates",
    { config: access, schema: { response: { 200: templateVersionListSchema } } },
    async () => ({ templates: await allTemplateVersions(ctx.db) }),
  );

  r.post(
    "/api/v1/admin/documents/templates",
    { config: access, schema: { body: templateSaveSchema, response: { 201: templateSavedSchema } } },
    async (request, reply) => {
      const save = request.body;
      const base = await loadBasePdf(ctx.db, save.basePdfId);
      if (!base) throw new HttpError(400, "VALIDATION", "元のPDFがありません。先にPDFを登録してください");
      const catalog = await loadCatalog(ctx.db);
      const questions = new Set(catalog.questions.map((q) => q.key));
      const problems = [
        ...fieldPlacementProblems(save.fields, base.pages),
        ...save.fields.flatMap((f, i) => {
          const key = answerKeyOf(f.source);
          return key !== null && !questions.has(key)
            ? [
                {
                  path: `fields.${i}.source`,
                  message: `${f.label || f.name}: 質問 ${key} は手続きカタログにありません`,
                },
              ]
            : [];
        }),
      ];
      if (problems.length > 0)
        throw new HttpError(400, "VALIDATION", problems[0]?.message ?? "様式に誤りがあります", problems);
      const auth = requireAuth(request);
      const version = await ctx.db.transaction().execute(async (trx) => {
        const v = await saveTemplateVersion(trx, save, auth.staffId);
        await ctx.audit.write(trx, actorOf(request), {
          action: "settings.change",
          target: `document_template:${save.key}:${v}`,
          detail: { baseVersion: save.baseVersion, fields: save.fields.length, validFrom: save.validFrom },
          outcome: "success",
        });
        return v;
      });
      return reply.status(201).send({ key: save.key, version });
    },
  );

  r.post(
    "/api/v1/admin/documents/templates/preview",
    { config: access, schema: { body: templateDraftSchema } },
    async (request, reply) => {
      const { basePdfId, fields } = request.body;
      const base = await loadBasePdf(ctx.db, basePdfId);
      if (!base) throw new HttpError(404, "NOT_FOUND", "元のPDFがありません");
      const problems = fieldPlacementProblems(fields, base.pages);
      if (problems.length > 0)
        throw new HttpError(400, "VALIDATION", problems[0]?.message ?? "様式に誤りがあります", problems);
      const catalog = await loadCatalog(ctx.db);
      const data = sampleDocumentData(japanDate(new Date()));
      // Answers are shown as the question's label, so the designer sees which one lands where.
      const answers = Object.fromEntries(catalog.questions.map((q) => [q.key, `（${q.label}）`] as const));
      const values = bindFields({ fields }, { ...data, answers });
      const fonts = await documentFonts(ctx.config);
      const pdf = await renderForms(
        [{ basePdf: base.bytes, pageCount: base.pages.length, fields, values }],
        fonts,
        "見本",
      );
      return reply
        .type("application/pdf")
        .header("content-disposition", 'inline; filename="preview.pdf"')
        .send(Buffer.from(pdf));
    },
  );
}
