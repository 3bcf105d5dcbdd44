import {
  certificateQuoteRequestSchema,
  certificateQuoteSchema,
  certificateRequestListSchema,
  certificateSettingsSchema,
} from "@ichimado/core/certificates/api";
import { japanDate } from "@ichimado/core/common/dates";
import { guideSheetQuerySchema } from "@ichimado/core/documents/api";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { stepActor } from "../cases/steps.ts";
import { sendPdf } from "../documents/routes.ts";
import { type AppContext, actorOf, requireAuth } from "../platform/context.ts";
import { printRequestForm } from "./print-form.ts";
import { quoteRequest } from "./quote.ts";
import { acceptRequest, caseRequests } from "./requests.ts";
import { currentCertificateSettings } from "./settings.ts";

const access = { access: { kind: "permission", permission: "certificates" } } as const;
const caseParams = z.object({ id: z.coerce.number().int().positive("対応番号が正しくありません") });

/**
 * 証明受付 (I31–I35): the certificate settings, the quote of a request (fees and what stops it),
 * and requests accepted into a case, which decide with the same rules again.
 */
export async function certificateRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    "/api/v1/certificates/settings",
    { config: access, schema: { response: { 200: certificateSettingsSchema } } },
    async () => (await currentCertificateSettings(ctx.db)).settings,
  );

  r.post(
    "/api/v1/certificates/quote",
    {
      config: access,
      schema: { body: certificateQuoteRequestSchema, response: { 200: certificateQuoteSchema } },
    },
    async (request) => {
      const auth = requireAuth(request);
      const { quote, personIds } = await quoteRequest(ctx.db, auth, request.body, japanDate(new Date()));
      // The register's flags were read for these persons: who asked, for whom.
      await ctx.audit.write(ctx.db, actorOf(request), {
        action: "person.read",
        target: "certificate:quote",
        personIds,
        detail: { requester: request.body.requester.kind, lines: request.body.lines.length },
        outcome: "success",
      });
      return quote;
    },
  );

  r.post(
    "/api/v1/cases/:id/certificate-requests",
    {
      config: access,
      schema: {
        params: caseParams,
        body: certificateQuoteRequestSchema,
        response: { 201: certificateQuoteSchema },
      },
    },
    async (request, reply) => {
      const auth = requireAuth(request);
      const actor = stepActor(auth, actorOf(request));
      const quote = await acceptRequest(ctx, actor, request.params.id, request.body, japanDate(new Date()));
      return reply.status(201).send(quote);
    },
  );

  r.get(
    "/api/v1/cases/:id/certificate-requests/:requestId/form.pdf",
    {
      config: access,
      schema: {
        params: caseParams.extend({ requestId: z.coerce.number().int().positive() }),
        querystring: guideSheetQuerySchema,
      },
    },
    async (request, reply) => {
      const auth = requireAuth(request);
      const actor = stepActor(auth, actorOf(request));
      const { id, requestId } = request.params;
      const printed = await printRequestForm(
        ctx,
        actor,
        id,
        requestId,
        request.query.acknowledgeMissingGlyphs,
      );
      return sendPdf(reply, printed, "certificate-request.pdf");
    },
  );

  r.get(
    "/api/v1/cases/:id/certificate-requests",
    { config: access, schema: { params: caseParams, response: { 200: certificateRequestListSchema } } },
    async (request) => {
      const requests = await caseRequests(ctx.db, request.params.id);
      await ctx.audit.write(ctx.db, actorOf(request), {
        action: "case.read",
        target: `case:${request.params.id}:certificate-requests`,
        personIds: [...new Set(requests.flatMap((r) => r.lines.map((l) => l.personId)))],
        detail: { requests: requests.length },
        outcome: "success",
      });
      return { requests };
    },
  );
}
