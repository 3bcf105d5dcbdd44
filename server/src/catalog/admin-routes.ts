import {
  catalogImportSchema,
  catalogSavedSchema,
  catalogVersionListSchema,
  catalogViewSchema,
  procedureSaveSchema,
  questionSaveSchema,
} from "@ichimado/core/catalog/admin-schemas";
import { type CatalogContent, catalogFileSchema, catalogProblems } from "@ichimado/core/catalog/catalog-file";
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { sql } from "kysely";
import { z } from "zod";
import { type AppContext, actorOf, requireAuth } from "../platform/context.ts";
import { HttpError } from "../platform/errors.ts";
import { loadCatalog, lockCatalog, saveCatalog } from "./store.ts";

const access = { access: { kind: "permission", permission: "catalogAdmin" } } as const;
const keyParams = z.object({ key: z.string().min(1).max(61) });

/** A create must not replace, an update must not create: the editor said which it meant. */
function checkCreate(create: boolean, at: number, what: string): void {
  if (create && at >= 0)
    throw new HttpError(409, "CONFLICT", `${what} はすでにあります。別のキーにしてください`);
  if (!create && at < 0) throw new HttpError(404, "NOT_FOUND", `${what} はカタログにありません`);
}

/**
 * Catalog administration: each save writes a whole new version (old ones stay, so a case derived
 * from an old version still reads as it was, and any version can be exported or restored).
 */
export async function catalogAdminRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  /** Checks and writes a new version; refuses when someone saved since the editor loaded it. */
  async function save(
    request: FastifyRequest,
    baseVersion: number | null,
    change: (current: CatalogContent) => CatalogContent,
    note: string,
    detail: Record<string, unknown>,
  ): Promise<number> {
    const auth = requireAuth(request);
    return ctx.db.transaction().execute(async (trx) => {
      await lockCatalog(trx);
      const current = await loadCatalog(trx);
      if (baseVersion !== null && current.version !== baseVersion) {
        throw new HttpError(
          409,
          "CONFLICT",
          `手続きカタログは他の職員が更新しました (版 ${current.version})。読み込み直してから変更してください`,
        );
      }
      const next = change(current);
      // Inside the transaction: on the embedded database a second connection would wait for it.
      const counters = await trx.selectFrom("counter").select("id").execute();
      const roles = await trx.selectFrom("role").select("id").execute();
      const problems = catalogProblems(
        next,
        new Set(counters.map((c) => c.id)),
        new Set(roles.map((r) => r.id)),
      );
      if (problems.length > 0) {
        throw new HttpError(400, "VALIDATION", problems[0]?.message ?? "カタログに誤りがあります", problems);
      }
      const version = await saveCatalog(trx, next, auth.staffId, note);
      await ctx.audit.write(trx, actorOf(request), {
        action: "settings.change",
        target: `catalog:${version}`,
        detail: { ...detail, baseVersion: current.version, note },
        outcome: "success",
      });
      return version;
    });
  }

  r.get(
    "/api/v1/admin/catalog",
    { config: access, schema: { response: { 200: catalogViewSchema } } },
    async () => {
      const catalog = await loadCatalog(ctx.db);
      const [meta, counters, roles] = await Promise.all([
        ctx.db
          .selectFrom("catalog_version as v")
          .leftJoin("staff_user as s", "s.id", "v.created_by")
          .select(["v.note", "v.created_at", "s.name"])
          .where("v.version", "=", catalog.version)
          .executeTakeFirstOrThrow(),
        ctx.db.selectFrom("counter").select(["id", "name"]).orderBy("sort_order").execute(),
        ctx.db.selectFrom("role").select(["id", "name"]).orderBy("id").execute(),
      ]);
      return {
        ...catalog,
        note: meta.note,
        createdAt: meta.created_at.toISOString(),
        createdBy: meta.name,
        counters,
        roles,
      };
    },
  );

  r.get(
    "/api/v1/admin/catalog/versions",
    { config: access, schema: { response: { 200: catalogVersionListSchema } } },
    async () => {
      const { rows } = await sql<{
        version: number;
        note: string;
        created_at: Date;
        name: string | null;
        procedures: number;
        questions: number;
      }>`
        select v.version, v.note, v.created_at, s.name,
          jsonb_array_length(v.catalog->'procedures') as procedures,
          jsonb_array_length(v.catalog->'questions') as questions
        from catalog_version v left join staff_user s on s.id = v.created_by
        order by v.version desc limit 200`.execute(ctx.db);
      return {
        versions: rows.map((v) => ({
          version: v.version,
          note: v.note,
          createdAt: v.created_at.toISOString(),
          createdBy: v.name,
          procedures: Number(v.procedures),
          questions: Number(v.questions),
        })),
      };
    },
  );

  r.put(
    "/api/v1/admin/catalog/procedures/:key",
    {
      config: access,
      schema: { params: keyParams, body: procedureSaveSchema, response: { 200: catalogSavedSchema } },
    },
    async (request) => {
      const { baseVersion, note, create, definition } = request.body;
      if (definition.key !== request.params.key) {
        throw new HttpError(
          400,
          "VALIDATION",
          "手続きキーは変更できません (新しい手続きとして登録してください)",
        );
      }
      const version = await save(
        request,
        baseVersion,
        (current) => {
          const at = current.procedures.findIndex((p) => p.key === definition.key);
          checkCreate(create, at, `手続きキー ${definition.key}`);
          const procedures = [...current.procedures];
          if (at >= 0) procedures[at] = definition;
          else procedures.push(definition);
          return { ...current, procedures };
        },
        note,
        { procedure: definition.key },
      );
      return { version };
    },
  );

  r.put(
    "/api/v1/admin/catalog/questions/:key",
    {
      config: access,
      schema: { params: keyParams, body: questionSaveSchema, response: { 200: catalogSavedSchema } },
    },
    async (request) => {
      const { baseVersion, note, create, definition } = request.body;
      if (definition.key !== request.params.key) {
        throw new HttpError(400, "VALIDATION", "質問キーは変更できません (新しい質問として登録してください)");
      }
      const version = await save(
        request,
        baseVersion,
        (current) => {
          const at = current.questions.findIndex((q) => q.key === definition.key);
          checkCreate(create, at, `質問キー ${definition.key}`);
          const questions = [...current.questions];
          if (at >= 0) questions[at] = definition;
          else questions.push(definition);
          return { ...current, questions };
        },
        note,
        { question: definition.key },
      );
      return { version };
    },
  );

  r.get(
    "/api/v1/admin/catalog/export",
    {
      config: access,
      schema: {
        querystring: z.object({ version: z.coerce.number().int().positive().optional() }),
        response: { 200: catalogFileSchema },
      },
    },
    async (request, reply) => {
      const exists = request.query.version
        ? await ctx.db
            .selectFrom("catalog_version")
            .select("version")
            .where("version", "=", request.query.version)
            .executeTakeFirst()
        : true;
      if (!exists) throw new HttpError(404, "NOT_FOUND", "指定された版はありません");
      const catalog = await loadCatalog(ctx.db, request.query.version);
      reply.header("content-disposition", `attachment; filename="catalog-v${catalog.version}.json"`);
      return {
        format: "ichimado-catalog" as const,
        formatVersion: 1 as const,
        catalogVersion: catalog.version,
        exportedAt: new Date().toISOString(),
        procedures: catalog.procedures,
        questions: catalog.questions,
      };
    },
  );

  r.post(
    "/api/v1/admin/catalog/import",
    {
      config: access,
      bodyLimit: 20 * 1024 * 1024,
      schema: { body: catalogImportSchema, response: { 200: catalogSavedSchema } },
    },
    async (request) => {
      const file = request.body;
      const version = await save(
        request,
        file.baseVersion,
        () => ({ procedures: file.procedures, questions: file.questions }),
        `ファイルから取り込み (元の版 ${file.catalogVersion})`,
        { imported: true, procedures: file.procedures.length, questions: file.questions.length },
      );
      return { version };
    },
  );
}
