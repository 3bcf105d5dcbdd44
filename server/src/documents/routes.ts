import { japanDate } from "@ichimado/core/common/dates";
import {
  guideSheetQuerySchema,
  printableTemplateListSchema,
  printHistorySchema,
  printRequestSchema,
  reprintRequestSchema,
} from "@ichimado/core/documents/api";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { stepActor } from "../cases/steps.ts";
import { type AppContext, actorOf, requireAuth } from "../platform/context.ts";
import { HttpError } from "../platform/errors.ts";
import { counterPrintRoutes } from "./counter-routes.ts";
import { printGuideSheet } from "./guide-sheet.ts";
import { printHistory } from "./history.ts";
import { type Printed, printForms } from "./print.ts";
import { reprintDocument } from "./reprint.ts";
import { templatesInForce } from "./store.ts";

const access = { access: { kind: "permission", permission: "print" } } as const;
const caseParams = z.object({ id: z.coerce.number().int().positive("対応番号が正しくありません") });
const documentParams = caseParams.extend({ documentId: z.coerce.number().int().positive() });

/** A PDF with personal data: shown in the browser, never cached, the printed records' ids beside it. */
export function sendPdf(reply: FastifyReply, printed: Printed, file: string) {
  return reply
    .type("application/pdf")
    .header("content-disposition", `inline; filename="${file}"`)
    .header("cache-control", "no-store")
    .header("x-printed-documents", printed.ids.join(","))
    .send(Buffer.from(printed.pdf));
}

/** Printing for a case (G26–G29, H30): forms, reprints, the history, the 手続き案内書. */
export async function documentRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const who = (request: FastifyRequest) => {
    const auth = requireAuth(request);
    return { auth, actor: stepActor(auth, actorOf(request)), today: japanDate(new Date()) };
  };

  r.get(
    "/api/v1/document-templates",
    { config: access, schema: { response: { 200: printableTemplateListSchema } } },
    async () => ({
      templates: (await templatesInForce(ctx.db, japanDate(new Date()))).map((t) => ({
        key: t.key,
        version: t.version,
        name: t.name,
      })),
    }),
  );

  r.post(
    "/api/v1/cases/:id/documents",
    { config: access, schema: { params: caseParams, body: printRequestSchema } },
    async (request, reply) => {
      const { auth, actor, today } = who(request);
      const printed = await printForms(ctx, auth, actor, request.params.id, request.body, today);
      return sendPdf(reply, printed, `case-${request.params.id}-documents.pdf`);
    },
  );

  r.post(
    "/api/v1/cases/:id/documents/:documentId/reprint",
    { config: access, schema: { params: documentParams, body: reprintRequestSchema } },
    async (request, reply) => {
      const { auth, actor, today } = who(request);
      const { id, documentId } = request.params;
      const ack = request.body.acknowledgeMissingGlyphs;
      const printed = await reprintDocument(ctx, auth, actor, id, documentId, ack, today);
      return sendPdf(reply, printed, `case-${id}-document-${documentId}.pdf`);
    },
  );

  r.get(
    "/api/v1/cases/:id/documents",
    { config: access, schema: { params: caseParams, response: { 200: printHistorySchema } } },
    async (request) => {
      const exists = await ctx.db
        .selectFrom("reception_case")
        .select("id")
        .where("id", "=", request.params.id)
        .executeTakeFirst();
      if (!exists) throw new HttpError(404, "NOT_FOUND", "指定された対応はありません");
      const documents = await printHistory(ctx.db, request.params.id);
      await ctx.audit.write(ctx.db, actorOf(request), {
        action: "case.read",
        target: `case:${request.params.id}`,
        personIds: [...new Set(documents.flatMap((d) => d.persons.map((p) => p.id)))],
        detail: { view: "printHistory" },
        outcome: "success",
      });
      return { documents };
    },
  );

  r.get(
    "/api/v1/cases/:id/guide-sheet.pdf",
    { config: access, schema: { params: caseParams, querystring: guideSheetQuerySchema } },
    async (request, reply) => {
      const { auth, actor, today } = who(request);
      const ack = request.query.acknowledgeMissingGlyphs;
      const printed = await printGuideSheet(ctx, auth, actor, request.params.id, ack, today);
      return sendPdf(reply, printed, `case-${request.params.id}-guide.pdf`);
    },
  );

  await counterPrintRoutes(app, ctx);
}
