import { japanDate } from "@ichimado/core/common/dates";
import { mayViewProtectedAddress } from "@ichimado/core/registry/masking";
import { foldKana } from "@ichimado/core/search/kana";
import { nameQueryKey } from "@ichimado/core/search/keys";
import {
  personDetailSchema,
  personSearchQuerySchema,
  personSearchResultSchema,
  relatedPersonRequestSchema,
} from "@ichimado/core/search/schemas";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { type AppContext, actorOf, requireAuth } from "../platform/context.ts";
import { HttpError } from "../platform/errors.ts";
import { planSearch } from "./criteria.ts";
import { personDetail } from "./person-view.ts";
import { isProtected, summary } from "./present.ts";
import { resultContext, searchPersons } from "./queries.ts";

const searchAccess = { access: { kind: "permission", permission: "search" } } as const;
const receptionAccess = { access: { kind: "permission", permission: "reception" } } as const;
const personParams = z.object({ id: z.string().regex(/^\d{10}$/, "宛名番号は10桁の数字です") });

export async function searchRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    "/api/v1/search/persons",
    {
      config: {
        ...searchAccess,
        // After the guard, so the limit is the staff member's, wherever they log in from.
        rateLimit: {
          max: ctx.config.search.ratePerMinute,
          timeWindow: "1 minute",
          hook: "preHandler",
          keyGenerator: (req) => `staff:${req.auth?.staffId ?? req.ip}`,
        },
      },
      schema: { querystring: personSearchQuerySchema, response: { 200: personSearchResultSchema } },
    },
    async (request) => {
      const auth = requireAuth(request);
      const plan = planSearch(request.query, auth.permissions.visibleProgrammes);
      const today = japanDate(new Date());
      // Found through an address, a protected person would betray where they live: such persons are
      // left out for roles that may not see protected addresses — by the query, so that whether there
      // are more says nothing of them — and the audit row waits for the answer.
      const hides = plan.address !== undefined && !mayViewProtectedAddress(auth.permissions);
      const found = await searchPersons(ctx.db, plan, hides ? today : undefined);
      const audit = (ids: readonly string[]) =>
        ctx.audit.write(ctx.db, actorOf(request), {
          action: "person.search",
          target: "person",
          personIds: ids,
          detail: {
            criteria: criteriaForAudit(request.query),
            count: ids.length,
            truncated: found.truncated,
          },
          outcome: "success",
        });
      // Where nothing is left out, the audit row is written while the protection state and flags
      // are read (on another connection): the answer still leaves only once both are done. Where
      // the query left protected persons out, the rows pass the state's check too before the row.
      const [{ state, flags }] = await Promise.all([
        resultContext(ctx.db, auth.tokenHash, found.rows, today),
        hides ? undefined : audit(found.rows.map((row) => row.id)),
      ]);
      const rows = hides ? found.rows.filter((row) => !isProtected(state, row)) : found.rows;
      if (hides) await audit(rows.map((row) => row.id));
      const persons = rows.map((row) => summary(auth, state, flags, row, matchedBy(row, plan)));
      return { persons, truncated: found.truncated };
    },
  );

  r.get(
    "/api/v1/persons/:id",
    { config: searchAccess, schema: { params: personParams, response: { 200: personDetailSchema } } },
    async (request) => {
      const auth = requireAuth(request);
      const detail = await personDetail(ctx.db, auth, request.params.id, japanDate(new Date()));
      if (!detail) throw new HttpError(404, "NOT_FOUND", "指定された宛名はありません");
      await ctx.audit.write(ctx.db, actorOf(request), {
        action: "person.read",
        target: `person:${detail.person.id}`,
        // Everyone whose name, birth date or address went out: the household and the related persons.
        personIds: [
          ...new Set([
            detail.person.id,
            ...(detail.household?.members.map((m) => m.id) ?? []),
            ...detail.related.map((r) => r.person.id),
          ]),
        ],
        detail: { enrollments: detail.enrollments.length, supportMeasure: detail.supportMeasure !== null },
        outcome: "success",
      });
      return detail;
    },
  );

  r.post(
    "/api/v1/persons/:id/related",
    {
      config: receptionAccess,
      schema: {
        params: personParams,
        body: relatedPersonRequestSchema,
        response: { 201: z.object({ linkId: z.number() }) },
      },
    },
    async (request, reply) => {
      const auth = requireAuth(request);
      const { relatedPersonId, relation, note } = request.body;
      if (relatedPersonId === request.params.id)
        throw new HttpError(400, "VALIDATION", "同じ宛名どうしは関連付けできません");
      const found = await ctx.db
        .selectFrom("person")
        .select("id")
        .where("id", "in", [request.params.id, relatedPersonId])
        .execute();
      if (new Set(found.map((f) => f.id)).size < 2)
        throw new HttpError(404, "NOT_FOUND", "指定された宛名はありません");
      const linkId = await ctx.db.transaction().execute(async (trx) => {
        const existing = await trx
          .selectFrom("related_person")
          .select("id")
          .where((eb) =>
            eb.or([
              eb.and([
                eb("person_id", "=", request.params.id),
                eb("related_person_id", "=", relatedPersonId),
              ]),
              eb.and([
                eb("person_id", "=", relatedPersonId),
                eb("related_person_id", "=", request.params.id),
              ]),
            ]),
          )
          .executeTakeFirst();
        if (existing) throw new HttpError(409, "CONFLICT", "この2人はすでに関連付けられています");
        const { id } = await trx
          .insertInto("related_person")
          .values({
            person_id: request.params.id,
            related_person_id: relatedPersonId,
            relation,
            note,
            created_by: auth.staffId,
          })
          .returning("id")
          .executeTakeFirstOrThrow();
        await ctx.audit.write(trx, actorOf(request), {
          action: "person.change",
          target: `related_person:${id}`,
          personIds: [request.params.id, relatedPersonId],
          detail: { relation },
          outcome: "success",
        });
        return id;
      });
      return reply.status(201).send({ linkId });
    },
  );

  r.delete(
    "/api/v1/persons/:id/related/:linkId",
    {
      config: receptionAccess,
      schema: {
        params: personParams.extend({ linkId: z.coerce.number().int().positive() }),
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await ctx.db.transaction().execute(async (trx) => {
        const removed = await trx
          .deleteFrom("related_person")
          .where("id", "=", request.params.linkId)
          .where((eb) =>
            eb.or([eb("person_id", "=", request.params.id), eb("related_person_id", "=", request.params.id)]),
          )
          .returning(["person_id", "related_person_id"])
          .executeTakeFirst();
        if (!removed) throw new HttpError(404, "NOT_FOUND", "指定された関連付けはありません");
        await ctx.audit.write(trx, actorOf(request), {
          action: "person.change",
          target: `related_person:${request.params.linkId}`,
          personIds: [removed.person_id, removed.related_person_id],
          detail: { removed: true },
          outcome: "success",
        });
      });
      return reply.status(204).send(null);
    },
  );

  r.post(
    "/api/v1/persons/:id/support-measure/acknowledge",
    {
      config: searchAccess,
      schema: { params: personParams, response: { 200: z.object({ acknowledged: z.literal(true) }) } },
    },
    async (request) => {
      const auth = requireAuth(request);
      const person = await ctx.db
        .selectFrom("person")
        .select(["id", "household_id"])
        .where("id", "=", request.params.id)
        .executeTakeFirst();
      if (!person) throw new HttpError(404, "NOT_FOUND", "指定された宛名はありません");
      await ctx.db.transaction().execute(async (trx) => {
        await trx
          .insertInto("support_measure_ack")
          .values({ token_hash: auth.tokenHash, person_id: person.id, household_id: person.household_id })
          .onConflict((oc) => oc.columns(["token_hash", "person_id"]).doNothing())
          .execute();
        await ctx.audit.write(trx, actorOf(request), {
          action: "supportMeasure.acknowledge",
          target: `person:${person.id}`,
          personIds: [person.id],
          detail: { mayViewAddress: mayViewProtectedAddress(auth.permissions) },
          outcome: "success",
        });
      });
      return { acknowledged: true as const };
    },
  );
}

function matchedBy(
  row: {
    via_previous: boolean;
    search_kana: string;
    search_name: string;
    name_kana: string;
    alias_kana: string | null;
    alias: string | null;
  },
  plan: ReturnType<typeof planSearch>,
): string | null {
  if (row.via_previous) return plan.kana !== undefined || plan.name !== undefined ? "旧氏名" : "前住所";
  if (plan.kana !== undefined && row.alias_kana && !foldKana(row.name_kana).includes(plan.kana))
    return "通称";
  if (
    plan.name !== undefined &&
    row.alias &&
    !row.search_name.split("/")[0]?.includes(plan.name) &&
    nameQueryKey(row.alias).includes(plan.name)
  )
    return "通称";
  return null;
}

/** Criteria as typed, for the audit log (the persons returned are recorded separately). */
function criteriaForAudit(query: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined && v !== ""));
}
