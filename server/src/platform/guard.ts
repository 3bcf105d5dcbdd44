import { acceptedPermissions, type RouteAccess } from "@ichimado/core/auth/permissions";
import { errorCodes } from "@ichimado/core/common/errors";
import type { FastifyInstance, FastifyRequest, RouteOptions } from "fastify";
import { type ApiClient, resolveApiToken } from "../auth/api-tokens.ts";
import type { AuthContext } from "../auth/context.ts";
import { type AppContext, actorOf, counterRequired } from "./context.ts";
import { forbidden, HttpError, unauthenticated } from "./errors.ts";

declare module "fastify" {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
  interface FastifyRequest {
    auth: AuthContext | null;
    /** the robot or system of a token route */
    apiClient: ApiClient | null;
  }
  interface FastifyInstance {
    routeRegistry: RegisteredRoute[];
  }
}

export interface RegisteredRoute {
  method: string;
  url: string;
  access: RouteAccess;
}

export const sessionCookie = "ichimado_session";
/** Methods that change something: they need the CSRF header on cookie routes. */
export const unsafeMethods: ReadonlySet<string> = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * Every route states its access, and the server refuses to start if an API route forgets to:
 * a new route cannot be reachable without a guard. Static files of the web app are public.
 */
export function installGuard(app: FastifyInstance, ctx: AppContext): void {
  app.decorate("routeRegistry", [] as RegisteredRoute[]);
  app.decorateRequest("auth", null);
  app.decorateRequest("apiClient", null);

  app.addHook("onRoute", (route: RouteOptions) => {
    const url = route.url ?? "";
    const config = (route.config ?? {}) as { access?: RouteAccess };
    if (!config.access) {
      if (url.startsWith("/api")) {
        throw new Error(`API route ${String(route.method)} ${url} does not declare its access`);
      }
      route.config = { ...config, access: { kind: "public" } };
    }
    const access = (route.config as { access: RouteAccess }).access;
    for (const method of [route.method].flat()) {
      if (method !== "HEAD" || !url.startsWith("/api")) app.routeRegistry.push({ method, url, access });
    }
  });

  app.addHook("onRequest", async (request, reply) => {
    const access = request.routeOptions.config.access ?? { kind: "public" };
    if (access.kind === "public") {
      checkCsrf(request);
      return;
    }
    if (access.kind === "token") {
      // A bearer token is never sent by a browser on its own, so no CSRF header is asked for.
      const client = await resolveApiToken(ctx.db, request.headers.authorization);
      if (!client) throw unauthenticated();
      request.apiClient = client;
      if (!client.scopes.includes(access.scope)) {
        await ctx.audit.write(ctx.db, actorOf(request), {
          action: "auth.denied",
          target: `${request.method} ${request.routeOptions.url}`,
          detail: { scope: access.scope },
          outcome: "denied",
        });
        throw forbidden("このトークンではこの操作を行えません");
      }
      return;
    }
    const token = request.cookies[sessionCookie];
    const auth = token ? await ctx.auth.resolve(token) : null;
    if (!auth) {
      if (token) reply.clearCookie(sessionCookie, { path: "/" });
      throw unauthenticated();
    }
    request.auth = auth;
    checkCsrf(request);
    if (auth.mustChangePassword && !(access.kind === "session" && access.allowPendingPasswordChange)) {
      throw new HttpError(403, errorCodes.passwordChangeRequired, "初期パスワードを変更してください");
    }
    if (access.kind === "session") {
      if (!access.allowNoCounter && !auth.counterId) throw counterRequired();
      return;
    }
    if (!auth.counterId) throw counterRequired();
    if (!acceptedPermissions(access).some((p) => auth.permissions.functions.has(p))) {
      await ctx.audit.write(ctx.db, actorOf(request), {
        action: "auth.denied",
        target: `${request.method} ${request.routeOptions.url}`,
        detail: { permission: access.permission },
        outcome: "denied",
      });
      throw forbidden("現在の窓口ではこの操作を行う権限がありません");
    }
  });
}

/**
 * SameSite=Strict already keeps other sites' forms from carrying the cookie; the custom header
 * is a second lock that a cross-site form or image cannot set.
 */
function checkCsrf(request: FastifyRequest): void {
  if (!unsafeMethods.has(request.method) || !request.url.startsWith("/api")) return;
  if (request.headers["x-requested-with"] !== "ichimado") {
    throw forbidden("不正な要求です (X-Requested-With ヘッダがありません)");
  }
}
