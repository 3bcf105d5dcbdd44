import { staffImportMaxBytes } from "@ichimado/core/staff/import";
import {
  counterCreateSchema,
  counterListSchema,
  counterUpdateSchema,
  roleCreateSchema,
  roleListSchema,
  roleUpdateSchema,
  staffActionSchema,
  staffCreateSchema,
  staffImportApplyQuerySchema,
  staffImportPreviewSchema,
  staffImportQuerySchema,
  staffImportResultSchema,
  staffListSchema,
  staffSavedSchema,
  staffUpdateSchema,
} from "@ichimado/core/staff/schemas";
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { type AppContext, actorOf, requireAuth } from "../platform/context.ts";
import { HttpError } from "../platform/errors.ts";
import { changeAccountState, createStaff, lockoutAudited, type StaffActor, updateStaff } from "./accounts.ts";
import { applyStaffImport, previewStaffImport } from "./import-service.ts";
import { createCounter, createRole, updateCounter, updateRole } from "./organisation-admin.ts";
import { listCounters, listRoles, listStaff } from "./queries.ts";

const staffAdmin = { access: { kind: "permission", permission: "staffAdmin" } } as const;

const staffParams = z.object({
  id: z.coerce
    .number()
    .int()
    .positive("職員の番号が正しくありません")
    .max(Number.MAX_SAFE_INTEGER, "職員の番号が正しくありません"),
});
const idParams = z.object({ id: z.string().min(1).max(40) });
const accountActions = {
  disable: "disable",
  enable: "enable",
  unlock: "unlock",
  "reset-password": "resetPassword",
} as const;

function staffActor(request: FastifyRequest): StaffActor {
  const auth = requireAuth(request);
  return { ...actorOf(request), staffId: auth.staffId };
}

/** The uploaded CSV: raw bytes, with the size cap said in Japanese rather than as a bare 413. */
function uploadedCsv(body: unknown): Buffer {
  if (!Buffer.isBuffer(body) || body.length === 0)
    throw new HttpError(400, "VALIDATION", "ファイルの中身がありません（CSV ファイルを選んでください）");
  if (body.length > staffImportMaxBytes)
    throw new HttpError(
      413,
      "VALIDATION",
      `ファイルが大きすぎます（${Math.ceil(body.length / 1024)} KB）。${staffImportMaxBytes / 1024 / 1024} MB までにしてください`,
    );
  return body;
}

export async function staffRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    "/api/v1/admin/staff",
    { config: staffAdmin, schema: { response: { 200: staffListSchema } } },
    async (request) => {
      const staff = await listStaff(ctx.db);
      await ctx.audit.write(ctx.db, actorOf(request), {
        action: "staff.read",
        target: "staff_user",
        detail: { count: staff.length },
        outcome: "success",
      });
      return { staff };
    },
  );

  r.post(
    "/api/v1/admin/staff",
    { config: staffAdmin, schema: { body: staffCreateSchema, response: { 201: staffSavedSchema } } },
    async (request, reply) =>
      reply.status(201).send(await createStaff(ctx, staffActor(request), request.body)),
  );

  r.put(
    "/api/v1/admin/staff/:id",
    {
      config: staffAdmin,
      schema: { params: staffParams, body: staffUpdateSchema, response: { 200: staffSavedSchema } },
    },
    async (request) => {
      const actor = staffActor(request);
      const { id } = request.params;
      return lockoutAudited(ctx, actor, `staff_user:${id}`, () => updateStaff(ctx, actor, id, request.body));
    },
  );

  for (const [path, action] of Object.entries(accountActions))
    r.post(
      `/api/v1/admin/staff/:id/${path}`,
      {
        config: staffAdmin,
        schema: { params: staffParams, body: staffActionSchema, response: { 200: staffSavedSchema } },
      },
      async (request) => {
        const actor = staffActor(request);
        const { id } = request.params;
        return lockoutAudited(ctx, actor, `staff_user:${id}`, () =>
          changeAccountState(ctx, actor, id, action, request.body.expectedUpdatedAt),
        );
      },
    );

  r.post(
    "/api/v1/admin/staff/import/preview",
    {
      config: staffAdmin,
      bodyLimit: staffImportMaxBytes * 4,
      schema: { querystring: staffImportQuerySchema, response: { 200: staffImportPreviewSchema } },
    },
    async (request) =>
      previewStaffImport(ctx, staffActor(request), uploadedCsv(request.body), request.query.disableAbsent),
  );

  r.post(
    "/api/v1/admin/staff/import/apply",
    {
      config: staffAdmin,
      bodyLimit: staffImportMaxBytes * 4,
      schema: { querystring: staffImportApplyQuerySchema, response: { 200: staffImportResultSchema } },
    },
    async (request) => {
      const actor = staffActor(request);
      return lockoutAudited(ctx, actor, "staff_user:import", () =>
        applyStaffImport(ctx, actor, uploadedCsv(request.body), request.query),
      );
    },
  );

  r.get(
    "/api/v1/admin/counters",
    { config: staffAdmin, schema: { response: { 200: counterListSchema } } },
    async () => ({ counters: await listCounters(ctx.db) }),
  );

  r.post(
    "/api/v1/admin/counters",
    {
      config: staffAdmin,
      schema: { body: counterCreateSchema, response: { 201: counterListSchema.shape.counters.element } },
    },
    async (request, reply) =>
      reply.status(201).send(await createCounter(ctx, staffActor(request), request.body)),
  );

  r.put(
    "/api/v1/admin/counters/:id",
    {
      config: staffAdmin,
      schema: {
        params: idParams,
        body: counterUpdateSchema,
        response: { 200: counterListSchema.shape.counters.element },
      },
    },
    async (request) => {
      const actor = staffActor(request);
      const { id } = request.params;
      return lockoutAudited(ctx, actor, `counter:${id}`, () => updateCounter(ctx, actor, id, request.body));
    },
  );

  r.get(
    "/api/v1/admin/roles",
    { config: staffAdmin, schema: { response: { 200: roleListSchema } } },
    async () => ({ roles: await listRoles(ctx.db) }),
  );

  r.post(
    "/api/v1/admin/roles",
    {
      config: staffAdmin,
      schema: { body: roleCreateSchema, response: { 201: roleListSchema.shape.roles.element } },
    },
    async (request, reply) =>
      reply.status(201).send(await createRole(ctx, staffActor(request), request.body)),
  );

  r.put(
    "/api/v1/admin/roles/:id",
    {
      config: staffAdmin,
      schema: {
        params: idParams,
        body: roleUpdateSchema,
        response: { 200: roleListSchema.shape.roles.element },
      },
    },
    async (request) => {
      const actor = staffActor(request);
      const { id } = request.params;
      return lockoutAudited(ctx, actor, `role:${id}`, () => updateRole(ctx, actor, id, request.body));
    },
  );
}
