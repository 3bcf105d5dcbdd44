import {
  certificateSettingsInputSchema,
  certificateSettingsViewSchema,
} from "@ichimado/core/certificates/api";
import { readCertificateSettings, type SettingsIssue } from "@ichimado/core/certificates/settings";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { type AppContext, actorOf, requireAuth } from "../platform/context.ts";
import { HttpError } from "../platform/errors.ts";
import { certificateSettingsView, saveCertificateSettings, unknownProcedures } from "./settings.ts";

const access = { access: { kind: "permission", permission: "catalogAdmin" } } as const;

// Only the version is checked by the route's schema: the settings are read by the shared check,
// whose messages name the certificate and the field ("…「住民票の写し」の手数料の金額は…"), where the
// schema alone would say only that some number is too small.
const saveBody = certificateSettingsInputSchema.pick({ expectedVersion: true }).loose();

/** 400 with every problem at its field; one problem is said outright. */
function refused(issues: SettingsIssue[]): HttpError {
  const [first] = issues;
  const message =
    issues.length === 1 && first ? first.message : `入力内容に誤りがあります (${issues.length} 件)`;
  return new HttpError(400, "VALIDATION", message, issues);
}

/**
 * 証明書の設定 (catalogAdmin): the certificate types, purposes and exemptions the counter quotes
 * with, saved whole as a new version against the version the editor loaded.
 */
export async function certificateAdminRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    "/api/v1/admin/certificates/settings",
    { config: access, schema: { response: { 200: certificateSettingsViewSchema } } },
    async () => certificateSettingsView(ctx.db),
  );

  r.put(
    "/api/v1/admin/certificates/settings",
    { config: access, schema: { body: saveBody, response: { 200: certificateSettingsViewSchema } } },
    async (request) => {
      const auth = requireAuth(request);
      const read = readCertificateSettings(request.body);
      if (!read.ok) throw refused(read.issues);
      const unknown = await unknownProcedures(ctx.db, read.settings);
      if (unknown.length > 0) throw refused(unknown);
      return saveCertificateSettings(
        ctx,
        { ...actorOf(request), staffId: auth.staffId },
        request.body.expectedVersion,
        read.settings,
      );
    },
  );
}
