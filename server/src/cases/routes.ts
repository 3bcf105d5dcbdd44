import { identityDocumentListSchema, identityVerdictSchema } from "@ichimado/core/cases/identity";
import { residenceChangeInputSchema } from "@ichimado/core/cases/residence-change";
import {
  answersInputSchema,
  answersSavedSchema,
  caseDetailSchema,
  caseListQuerySchema,
  caseListSchema,
  createdSchema,
  identityCheckInputSchema,
  manualProcedureInputSchema,
  memoInputSchema,
  newCaseInputSchema,
  procedureStatusInputSchema,
  residenceChangeTakenSchema,
  stepDoneSchema,
  subjectInputSchema,
  transitionDoneSchema,
  visitorInputSchema,
} from "@ichimado/core/cases/schemas";
import { japanDate } from "@ichimado/core/common/dates";
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { sql } from "kysely";
import { z } from "zod";
import { loadIdentityDocuments } from "../catalog/store.ts";
import { type AppContext, actorOf, requireAuth } from "../platform/context.ts";
import { HttpError } from "../platform/errors.ts";
import { caseDetail, caseSummaries, personIdsOfCases } from "./present.ts";
import {
  addManualProcedure,
  addResidenceChange,
  removeResidenceChange,
  saveAnswers,
  setProcedureStatus,
} from "./residence-changes.ts";
import {
  addMemo,
  addSubject,
  openCase,
  removeSubject,
  setIdentity,
  setVisitor,
  transition,
} from "./service.ts";
import { stepActor } from "./steps.ts";

const access = { access: { kind: "permission", permission: "reception" } } as const;
const caseParams = z.object({ id: z.coerce.number().int().positive("対応番号が正しくありません") });
const childParams = caseParams.extend({ childId: z.coerce.number().int().positive() });

export async function caseRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const actor = (request: FastifyRequest) => stepActor(requireAuth(request), actorOf(request));

  r.get(
    "/api/v1/identity-documents",
    {
      config: access,
      schema: { response: { 200: identityDocumentListSchema } },
    },
    async () => ({ documents: await loadIdentityDocuments(ctx.db) }),
  );

  r.get(
    "/api/v1/cases",
    {
      config: access,
      schema: {
        querystring: caseListQuerySchema,
        response: { 200: caseListSchema },
      },
    },
    async (request) => {
      const auth = requireAuth(request);
      const q = request.query;
      const where = [sql`true`];
      if (q.status === "active") where.push(sql`c.status in ('open', 'suspended')`);
      else if (q.status !== "all") where.push(sql`c.status = ${q.status}`);
      // Periods are calendar days in Japan, whatever the server's time zone.
      if (q.from) where.push(sql`c.opened_at >= (${q.from}::date::timestamp at time zone 'Asia/Tokyo')`);
      if (q.to) where.push(sql`c.opened_at < ((${q.to}::date + 1)::timestamp at time zone 'Asia/Tokyo')`);
      if (q.counter === "mine") {
        where.push(
          sql`exists (select 1 from case_event e where e.case_id = c.id and e.counter_id = ${auth.counterId})`,
        );
      }
      const cases = await caseSummaries(ctx.db, sql.join(where, sql` and `), q.limit);
      // The list names visitors and subjects: who looked at whom is recorded as for one case.
      await ctx.audit.write(ctx.db, actorOf(request), {
        action: "case.read",
        target: "case-list",
        personIds: await personIdsOfCases(
          ctx.db,
          cases.map((c) => c.id),
        ),
        detail: { query: q, count: cases.length },
        outcome: "success",
      });
      return { cases };
    },
  );

  r.post(
    "/api/v1/cases",
    { config: access, schema: { body: newCaseInputSchema, response: { 201: createdSchema } } },
    async (request, reply) => {
      const id = await openCase(ctx, actor(request), request.body.channel);
      return reply.status(201).send({ id });
    },
  );

  r.get(
    "/api/v1/cases/:id",
    { config: access, schema: { params: caseParams, response: { 200: caseDetailSchema } } },
    async (request) => {
      const auth = requireAuth(request);
      const detail = await caseDetail(ctx.db, auth, request.params.id, japanDate(new Date()));
      if (!detail) throw new HttpError(404, "NOT_FOUND", "指定された対応はありません");
      await ctx.audit.write(ctx.db, actorOf(request), {
        action: "case.read",
        target: `case:${detail.id}`,
        personIds: [
          ...new Set([
            ...(detail.visitor?.input.personId ? [detail.visitor.input.personId] : []),
            ...detail.subjects.flatMap((s) => (s.person ? [s.person.id] : [])),
            ...detail.procedures.flatMap((p) => (p.personId ? [p.personId] : [])),
          ]),
        ],
        outcome: "success",
      });
      return detail;
    },
  );

  r.put(
    "/api/v1/cases/:id/visitor",
    {
      config: access,
      schema: { params: caseParams, body: visitorInputSchema, response: { 200: stepDoneSchema } },
    },
    async (request) => {
      await setVisitor(ctx, actor(request), request.params.id, request.body);
      return { ok: true as const };
    },
  );

  r.put(
    "/api/v1/cases/:id/identity",
    {
      config: access,
      schema: {
        params: caseParams,
        body: identityCheckInputSchema,
        response: { 200: identityVerdictSchema },
      },
    },
    async (request) =>
      setIdentity(ctx, actor(request), request.params.id, request.body.documents, request.body.note),
  );

  r.post(
    "/api/v1/cases/:id/subjects",
    {
      config: access,
      schema: {
        params: caseParams,
        body: subjectInputSchema,
        response: { 201: createdSchema },
      },
    },
    async (request, reply) => {
      const id = await addSubject(ctx, actor(request), request.params.id, request.body);
      return reply.status(201).send({ id });
    },
  );

  r.delete(
    "/api/v1/cases/:id/subjects/:childId",
    { config: access, schema: { params: childParams, response: { 204: z.null() } } },
    async (request, reply) => {
      await removeSubject(ctx, actor(request), request.params.id, request.params.childId);
      return reply.status(204).send(null);
    },
  );

  r.post(
    "/api/v1/cases/:id/residence-changes",
    {
      config: access,
      schema: {
        params: caseParams,
        body: residenceChangeInputSchema,
        response: { 201: residenceChangeTakenSchema },
      },
    },
    async (request, reply) => {
      const result = await addResidenceChange(ctx, actor(request), request.params.id, request.body);
      return reply.status(201).send(result);
    },
  );

  r.delete(
    "/api/v1/cases/:id/residence-changes/:childId",
    { config: access, schema: { params: childParams, response: { 204: z.null() } } },
    async (request, reply) => {
      await removeResidenceChange(ctx, actor(request), request.params.id, request.params.childId);
      return reply.status(204).send(null);
    },
  );

  r.put(
    "/api/v1/cases/:id/residence-changes/:childId/answers",
    {
      config: access,
      schema: { params: childParams, body: answersInputSchema, response: { 200: answersSavedSchema } },
    },
    async (request) =>
      saveAnswers(ctx, actor(request), request.params.id, request.params.childId, request.body.answers),
  );

  r.post(
    "/api/v1/cases/:id/procedures",
    {
      config: access,
      schema: {
        params: caseParams,
        body: manualProcedureInputSchema,
        response: { 201: createdSchema },
      },
    },
    async (request, reply) => {
      const id = await addManualProcedure(ctx, actor(request), request.params.id, request.body);
      return reply.status(201).send({ id });
    },
  );

  r.put(
    "/api/v1/cases/:id/procedures/:childId/status",
    {
      config: access,
      schema: { params: childParams, body: procedureStatusInputSchema, response: { 200: stepDoneSchema } },
    },
    async (request) => {
      await setProcedureStatus(
        ctx,
        actor(request),
        request.params.id,
        request.params.childId,
        request.body.status,
      );
      return { ok: true as const };
    },
  );

  r.post(
    "/api/v1/cases/:id/memos",
    {
      config: access,
      schema: { params: caseParams, body: memoInputSchema, response: { 201: createdSchema } },
    },
    async (request, reply) => {
      const id = await addMemo(ctx, actor(request), request.params.id, request.body.text);
      return reply.status(201).send({ id });
    },
  );

  r.post(
    "/api/v1/cases/:id/:transition",
    {
      config: access,
      schema: {
        params: caseParams.extend({ transition: z.enum(["suspend", "resume", "close", "cancel"]) }),
        response: { 200: transitionDoneSchema },
      },
    },
    async (request) => ({
      status: await transition(ctx, actor(request), request.params.id, request.params.transition),
    }),
  );
}
