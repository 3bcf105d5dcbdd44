import fs from "node:fs";
import path from "node:path";
import cookie from "@fastify/cookie";
import helmet from "@fastify/helmet";
import rateLimit from "@fastify/rate-limit";
import fastifyStatic from "@fastify/static";
import { cardReaderConfigSchema } from "@ichimado/core/cardreader/schemas";
import Fastify, { type FastifyInstance, LogController } from "fastify";
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { addressRoutes } from "./addresses/routes.ts";
import { auditRoutes } from "./audit/routes.ts";
import { apiTokenRoutes } from "./auth/api-token-routes.ts";
import { authRoutes } from "./auth/routes.ts";
import { progressRoutes } from "./cases/progress-routes.ts";
import { caseRoutes } from "./cases/routes.ts";
import { catalogAdminRoutes } from "./catalog/admin-routes.ts";
import { catalogRoutes } from "./catalog/routes.ts";
import { certificateAdminRoutes } from "./certificates/admin-routes.ts";
import { certificateRoutes } from "./certificates/routes.ts";
import { documentAdminRoutes } from "./documents/admin-routes.ts";
import { documentRoutes } from "./documents/routes.ts";
import { exportRoutes } from "./export/export-routes.ts";
import { memoTemplateRoutes } from "./memos/routes.ts";
import { noticeRoutes } from "./notices/routes.ts";
import { metricsRoutes } from "./ops/metrics.ts";
import type { ServiceLevelRecorder } from "./ops/service-level.ts";
import type { AppContext } from "./platform/context.ts";
import { installErrorHandling, sendNotFound } from "./platform/errors.ts";
import { installGuard } from "./platform/guard.ts";
import { healthRoutes } from "./platform/health.ts";
import { registerOpenApi } from "./platform/openapi.ts";
import { feedRoutes } from "./registry/feeds/routes.ts";
import { gaijiRoutes } from "./registry/gaiji/routes.ts";
import { rpaRoutes } from "./rpa/routes.ts";
import { householdRoutes } from "./search/household-view.ts";
import { searchRoutes } from "./search/routes.ts";
import { sameAddressRoutes } from "./search/same-address.ts";
import { staffRoutes } from "./staff/routes.ts";
import { statisticsRoutes } from "./statistics/routes.ts";

z.config(z.locales.ja());

/** Assembles the HTTP app from the area plugins; no I/O happens here beyond what ctx provides. */
export async function buildApp(
  ctx: AppContext,
  options: { logger?: boolean; serviceLevel?: ServiceLevelRecorder; logStream?: NodeJS.WritableStream } = {},
): Promise<FastifyInstance> {
  const app = Fastify({
    logger:
      options.logger === false
        ? false
        : { level: ctx.config.logLevel, redact: ["req.headers.cookie"], stream: options.logStream },
    trustProxy: ctx.config.trustProxy,
    bodyLimit: 2 * 1024 * 1024,
    // Request lines carry query strings (search criteria are personal data); the audit log records
    // what was asked, and the operations log stays free of it.
    logController: new LogController({ disableRequestLogging: true }),
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandling(app);
  // The cookie parser's hook must run before the guard's, which reads the session cookie.
  await app.register(cookie);
  installGuard(app, ctx);

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        upgradeInsecureRequests: null,
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", "data:", "blob:"],
        fontSrc: ["'self'", "data:"],
        // the counter PC's card-reader bridge on localhost (cardreader/README.md)
        connectSrc: ["'self'", ...(ctx.config.cardBridgeOrigin ? [ctx.config.cardBridgeOrigin] : [])],
        // the print preview shows the PDF the server just made, held as a blob in the page
        frameSrc: ["'self'", "blob:"],
        frameAncestors: ["'none'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
      },
    },
  });
  await app.register(rateLimit, { global: false });
  await registerOpenApi(app);

  await healthRoutes(app, ctx);
  await metricsRoutes(app, options.serviceLevel);
  await authRoutes(app, ctx);
  await staffRoutes(app, ctx);
  await auditRoutes(app, ctx);
  // Feed files and fonts are sent as the raw body: a 200 MB delivery is neither base64-inflated nor
  // parsed as JSON. Routes that accept it set their own body limit.
  app.addContentTypeParser(
    ["application/octet-stream", "text/csv"],
    { parseAs: "buffer", bodyLimit: ctx.config.feeds.uploadMaxBytes },
    (_request, body, done) => done(null, body),
  );
  await feedRoutes(app, ctx);
  await gaijiRoutes(app, ctx);
  await searchRoutes(app, ctx);
  await sameAddressRoutes(app, ctx);
  await householdRoutes(app, ctx);
  await caseRoutes(app, ctx);
  await progressRoutes(app, ctx);
  await catalogRoutes(app, ctx);
  await catalogAdminRoutes(app, ctx);
  await documentRoutes(app, ctx);
  await certificateRoutes(app, ctx);
  await certificateAdminRoutes(app, ctx);
  await documentAdminRoutes(app, ctx);
  await addressRoutes(app, ctx);
  await rpaRoutes(app, ctx);
  await apiTokenRoutes(app, ctx);
  await noticeRoutes(app, ctx);
  await memoTemplateRoutes(app, ctx);
  await statisticsRoutes(app, ctx);
  await exportRoutes(app, ctx);
  // Where the screens find the card-reader bridge; the bridge itself is the counter PC's, not ours.
  app
    .withTypeProvider<ZodTypeProvider>()
    .get(
      "/api/v1/cardreader/config",
      { config: { access: { kind: "session" } }, schema: { response: { 200: cardReaderConfigSchema } } },
      async () => ({ bridgeUrl: ctx.config.cardBridgeOrigin ?? null }),
    );

  await serveWebApp(app, ctx.config.webDist);
  return app;
}

/** The built staff UI, with unknown non-API GET paths answered by index.html so client routes reload. */
async function serveWebApp(app: FastifyInstance, webDist: string): Promise<void> {
  const hasWebApp = fs.existsSync(path.join(webDist, "index.html"));
  if (hasWebApp) await app.register(fastifyStatic, { root: webDist, wildcard: false, index: ["index.html"] });
  app.setNotFoundHandler((request, reply) => {
    if (hasWebApp && request.method === "GET" && !request.url.startsWith("/api")) {
      return reply.type("text/html").sendFile("index.html");
    }
    return sendNotFound(reply);
  });
}
