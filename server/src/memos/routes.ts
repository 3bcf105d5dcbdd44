import {
  adminMemoTemplateListSchema,
  type MemoTemplateInput,
  memoTemplateInputSchema,
  memoTemplateListSchema,
  memoTemplateQuerySchema,
  memoTemplateSavedSchema,
} from "@ichimado/core/memos/templates";
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { Kysely, Transaction } from "kysely";
import { z } from "zod";
import type { Database } from "../db/schema.ts";
import { type AppContext, actorOf, requireAuth } from "../platform/context.ts";
import { HttpError } from "../platform/errors.ts";
import { listCounters, requireKnownCounters } from "../staff/queries.ts";

const session = { access: { kind: "session" } } as const;
const admin = { access: { kind: "permission", permission: "catalogAdmin" } } as const;
const templateParams = z.object({ id: z.coerce.number().int().positive("定型文の番号が正しくありません") });

const notFound = () => new HttpError(404, "NOT_FOUND", "指定された定型文はありません");

const checkCounter = (db: Kysely<Database>, input: MemoTemplateInput) =>
  requireKnownCounters(db, input.counterId === null ? [] : [input.counterId], "body.counterId");

const columnsOf = (input: MemoTemplateInput) => ({
  use: input.use,
  counter_id: input.counterId,
  text: input.text,
  sort_order: input.sortOrder,
});

/**
 * 定型文 (O46): staff are offered the shared templates and their current counter's for a use;
 * administrators (catalogAdmin) add, edit and delete them, each change audited in its own
 * transaction as `settings.change` on `memo-template:<id>`.
 */
export async function memoTemplateRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  const audited = (
    trx: Transaction<Database>,
    request: FastifyRequest,
    id: number,
    detail: Record<string, unknown>,
  ) =>
    ctx.audit.write(trx, actorOf(request), {
      action: "settings.change",
      target: `memo-template:${id}`,
      detail,
      outcome: "success",
    });

  r.get(
    "/api/v1/memo-templates",
    {
      config: session,
      schema: { querystring: memoTemplateQuerySchema, response: { 200: memoTemplateListSchema } },
    },
    async (request) => {
      const auth = requireAuth(request);
      const counterId = auth.counterId;
      const rows = await ctx.db
        .selectFrom("memo_template")
        .select(["id", "text", "counter_id"])
        .where("use", "=", request.query.use)
        .where("deleted_at", "is", null)
        .where((eb) =>
          counterId
            ? eb.or([eb("counter_id", "is", null), eb("counter_id", "=", counterId)])
            : eb("counter_id", "is", null),
        )
        .orderBy("sort_order")
        .orderBy("id")
        .execute();
      return {
        templates: rows.map((row) => ({ id: row.id, text: row.text, shared: row.counter_id === null })),
      };
    },
  );

  r.get(
    "/api/v1/admin/memo-templates",
    { config: admin, schema: { response: { 200: adminMemoTemplateListSchema } } },
    async () => {
      const [rows, counters] = await Promise.all([
        ctx.db
          .selectFrom("memo_template")
          .leftJoin("staff_user as editor", "editor.id", "memo_template.updated_by")
          .selectAll("memo_template")
          .select("editor.name as updated_by_name")
          .where("memo_template.deleted_at", "is", null)
          .orderBy("memo_template.use")
          .orderBy("memo_template.sort_order")
          .orderBy("memo_template.id")
          .execute(),
        listCounters(ctx.db),
      ]);
      return {
        templates: rows.map((row) => ({
          id: row.id,
          use: row.use,
          counterId: row.counter_id,
          text: row.text,
          sortOrder: row.sort_order,
          updatedBy: row.updated_by_name,
          updatedAt: row.updated_at.toISOString(),
        })),
        counters: counters.map(({ id, name, kind, place }) => ({ id, name, kind, place })),
      };
    },
  );

  r.post(
    "/api/v1/admin/memo-templates",
    { config: admin, schema: { body: memoTemplateInputSchema, response: { 201: memoTemplateSavedSchema } } },
    async (request, reply) => {
      const auth = requireAuth(request);
      const input = request.body;
      await checkCounter(ctx.db, input);
      const id = await ctx.db.transaction().execute(async (trx) => {
        const { id } = await trx
          .insertInto("memo_template")
          .values({ ...columnsOf(input), created_by: auth.staffId, updated_by: auth.staffId })
          .returning("id")
          .executeTakeFirstOrThrow();
        await audited(trx, request, id, { operation: "create", ...input });
        return id;
      });
      return reply.status(201).send({ id });
    },
  );

  r.put(
    "/api/v1/admin/memo-templates/:id",
    {
      config: admin,
      schema: {
        params: templateParams,
        body: memoTemplateInputSchema,
        response: { 200: memoTemplateSavedSchema },
      },
    },
    async (request) => {
      const auth = requireAuth(request);
      const { id } = request.params;
      const input = request.body;
      await checkCounter(ctx.db, input);
      await ctx.db.transaction().execute(async (trx) => {
        const updated = await trx
          .updateTable("memo_template")
          .set({ ...columnsOf(input), updated_by: auth.staffId, updated_at: new Date() })
          .where("id", "=", id)
          .where("deleted_at", "is", null)
          .returning("id")
          .executeTakeFirst();
        if (!updated) throw notFound();
        await audited(trx, request, id, { operation: "update", ...input });
      });
      return { id };
    },
  );

  r.delete(
    "/api/v1/admin/memo-templates/:id",
    { config: admin, schema: { params: templateParams, response: { 200: memoTemplateSavedSchema } } },
    async (request) => {
      const auth = requireAuth(request);
      const { id } = request.params;
      await ctx.db.transaction().execute(async (trx) => {
        const deleted = await trx
          .updateTable("memo_template")
          .set({ deleted_at: new Date(), updated_by: auth.staffId, updated_at: new Date() })
          .where("id", "=", id)
          .where("deleted_at", "is", null)
          .returning(["text"])
          .executeTakeFirst();
        if (!deleted) throw notFound();
        await audited(trx, request, id, { operation: "delete", text: deleted.text });
      });
      return { id };
    },
  );
}
