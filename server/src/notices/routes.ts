import { japanDate } from "@ichimado/core/common/dates";
import {
  adminNoticeListSchema,
  compareNotices,
  isNoticeShown,
  type NoticeInput,
  noticeInputSchema,
  noticeListSchema,
  noticeSavedSchema,
} from "@ichimado/core/notices/notices";
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { Kysely, Transaction } from "kysely";
import { z } from "zod";
import type { Database } from "../db/schema.ts";
import { type AppContext, actorOf, requireAuth } from "../platform/context.ts";
import { HttpError } from "../platform/errors.ts";
import { listCounters, requireKnownCounters } from "../staff/queries.ts";
import { adminViewOf, columnsOf, reachOf, selectNotices, viewOf } from "./store.ts";

const session = { access: { kind: "session" } } as const;
const admin = { access: { kind: "permission", permission: "noticeAdmin" } } as const;
const noticeParams = z.object({ id: z.coerce.number().int().positive("伝達事項の番号が正しくありません") });

const notFound = () => new HttpError(404, "NOT_FOUND", "指定された伝達事項はありません");

/** A counter the administrator chose that does not exist: said at the field, like a schema problem. */
const checkCounters = (db: Kysely<Database>, input: NoticeInput) =>
  requireKnownCounters(
    db,
    input.audience.kind === "all" ? [] : input.audience.counterIds,
    "body.audience.counterIds",
  );

/**
 * 伝達事項 (P48): every member of staff reads the notices in force at their counter and marks them
 * read; administrators (noticeAdmin) write, edit and withdraw them, each change audited in its own
 * transaction as `settings.change` on `notice:<id>`.
 */
export async function noticeRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  const audited = (
    trx: Transaction<Database>,
    request: FastifyRequest,
    id: number,
    detail: Record<string, unknown>,
  ) =>
    ctx.audit.write(trx, actorOf(request), {
      action: "settings.change",
      target: `notice:${id}`,
      detail,
      outcome: "success",
    });

  r.get(
    "/api/v1/notices",
    { config: session, schema: { response: { 200: noticeListSchema } } },
    async (request) => {
      const auth = requireAuth(request);
      const now = new Date();
      const counterId = auth.counterId ?? "";
      const rows = await selectNotices(ctx.db, { today: japanDate(now) }).execute();
      const shown = rows.filter((row) => isNoticeShown(reachOf(row), counterId, now));
      const reads =
        shown.length === 0
          ? []
          : await ctx.db
              .selectFrom("notice_read")
              .select(["notice_id", "read_at"])
              .where("staff_id", "=", auth.staffId)
              .where(
                "notice_id",
                "in",
                shown.map((row) => row.id),
              )
              .execute();
      const readAt = new Map(reads.map((read) => [read.notice_id, read.read_at]));
      return { notices: shown.map((row) => viewOf(row, readAt.get(row.id) ?? null)).sort(compareNotices) };
    },
  );

  r.post(
    "/api/v1/notices/:id/read",
    { config: session, schema: { params: noticeParams, response: { 200: noticeSavedSchema } } },
    async (request) => {
      const auth = requireAuth(request);
      const { id } = request.params;
      const row = await selectNotices(ctx.db).where("notice.id", "=", id).executeTakeFirst();
      // A notice meant for other counters is as unknown to this member of staff as a missing one.
      if (!row || !isNoticeShown(reachOf(row), auth.counterId ?? "", new Date())) throw notFound();
      await ctx.db
        .insertInto("notice_read")
        .values({ notice_id: id, staff_id: auth.staffId })
        .onConflict((oc) => oc.columns(["notice_id", "staff_id"]).doNothing())
        .execute();
      return { id };
    },
  );

  r.get(
    "/api/v1/admin/notices",
    { config: admin, schema: { response: { 200: adminNoticeListSchema } } },
    async () => {
      const now = new Date();
      const [rows, counts, counters] = await Promise.all([
        selectNotices(ctx.db).orderBy("notice.id", "desc").execute(),
        ctx.db
          .selectFrom("notice_read")
          .select(["notice_id", (eb) => eb.fn.countAll<number>().as("count")])
          .groupBy("notice_id")
          .execute(),
        listCounters(ctx.db),
      ]);
      const readCount = new Map(counts.map((c) => [c.notice_id, Number(c.count)]));
      return {
        notices: rows.map((row) => adminViewOf(row, readCount.get(row.id) ?? 0, now)),
        counters: counters.map(({ id, name, kind, place }) => ({ id, name, kind, place })),
      };
    },
  );

  r.post(
    "/api/v1/admin/notices",
    { config: admin, schema: { body: noticeInputSchema, response: { 201: noticeSavedSchema } } },
    async (request, reply) => {
      const auth = requireAuth(request);
      const input = request.body;
      await checkCounters(ctx.db, input);
      const id = await ctx.db.transaction().execute(async (trx) => {
        const { id } = await trx
          .insertInto("notice")
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
    "/api/v1/admin/notices/:id",
    {
      config: admin,
      schema: { params: noticeParams, body: noticeInputSchema, response: { 200: noticeSavedSchema } },
    },
    async (request) => {
      const auth = requireAuth(request);
      const { id } = request.params;
      const input = request.body;
      await checkCounters(ctx.db, input);
      await ctx.db.transaction().execute(async (trx) => {
        const current = await trx
          .selectFrom("notice")
          .select("withdrawn_at")
          .where("id", "=", id)
          .forUpdate()
          .executeTakeFirst();
        if (!current) throw notFound();
        if (current.withdrawn_at) {
          throw new HttpError(409, "CONFLICT", "取り下げた伝達事項は編集できません。新しく作成してください");
        }
        await trx
          .updateTable("notice")
          .set({ ...columnsOf(input), updated_by: auth.staffId, updated_at: new Date() })
          .where("id", "=", id)
          .execute();
        await audited(trx, request, id, { operation: "update", ...input });
      });
      return { id };
    },
  );

  r.post(
    "/api/v1/admin/notices/:id/withdraw",
    { config: admin, schema: { params: noticeParams, response: { 200: noticeSavedSchema } } },
    async (request) => {
      const auth = requireAuth(request);
      const { id } = request.params;
      await ctx.db.transaction().execute(async (trx) => {
        const withdrawn = await trx
          .updateTable("notice")
          .set({ withdrawn_at: new Date(), updated_by: auth.staffId, updated_at: new Date() })
          .where("id", "=", id)
          .where("withdrawn_at", "is", null)
          .returning("id")
          .executeTakeFirst();
        if (!withdrawn) {
          const exists = await trx.selectFrom("notice").select("id").where("id", "=", id).executeTakeFirst();
          if (!exists) throw notFound();
          throw new HttpError(409, "CONFLICT", "この伝達事項はすでに取り下げられています");
        }
        await audited(trx, request, id, { operation: "withdraw" });
      });
      return { id };
    },
  );
}
