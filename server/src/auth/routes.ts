import {
  changePasswordRequestSchema,
  chooseCounterRequestSchema,
  loginRequestSchema,
  sessionInfoSchema,
} from "@ichimado/core/auth/schemas";
import type { FastifyInstance, FastifyReply } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { type AppContext, actorOf, requireAuth } from "../platform/context.ts";
import { sessionCookie } from "../platform/guard.ts";

const sessionAnyState = { kind: "session", allowPendingPasswordChange: true, allowNoCounter: true } as const;

export async function authRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const setCookie = (reply: FastifyReply, token: string) =>
    reply.setCookie(sessionCookie, token, {
      path: "/",
      httpOnly: true,
      sameSite: "strict",
      secure: ctx.config.session.cookieSecure,
      maxAge: Math.floor(ctx.config.session.absoluteMs / 1000),
    });

  r.post(
    "/api/v1/auth/login",
    {
      config: {
        access: { kind: "public" },
        rateLimit: {
          max: ctx.config.login.ratePerMinute,
          timeWindow: "1 minute",
          hook: "preHandler",
          keyGenerator: (req) => `${req.ip}|${String((req.body as { loginId?: unknown })?.loginId ?? "")}`,
        },
      },
      schema: { body: loginRequestSchema, response: { 200: sessionInfoSchema } },
    },
    async (request, reply) => {
      const { token } = await ctx.auth.login(request.body.loginId, request.body.password, {
        ip: request.ip,
        userAgent: request.headers["user-agent"] ?? null,
      });
      setCookie(reply, token);
      const auth = await ctx.auth.resolve(token);
      if (!auth) throw new Error("session vanished right after login");
      return ctx.auth.sessionInfo(auth);
    },
  );

  r.get(
    "/api/v1/auth/session",
    { config: { access: sessionAnyState }, schema: { response: { 200: sessionInfoSchema } } },
    async (request) => ctx.auth.sessionInfo(requireAuth(request)),
  );

  r.post(
    "/api/v1/auth/counter",
    {
      config: { access: { kind: "session", allowNoCounter: true } },
      schema: { body: chooseCounterRequestSchema, response: { 200: sessionInfoSchema } },
    },
    async (request) => {
      const auth = await ctx.auth.chooseCounter(
        requireAuth(request),
        request.body.counterId,
        actorOf(request),
      );
      return ctx.auth.sessionInfo(auth);
    },
  );

  r.post(
    "/api/v1/auth/password",
    {
      config: { access: sessionAnyState },
      schema: { body: changePasswordRequestSchema, response: { 200: sessionInfoSchema } },
    },
    async (request) => {
      const auth = await ctx.auth.changePassword(
        requireAuth(request),
        request.body.currentPassword,
        request.body.newPassword,
        actorOf(request),
      );
      return ctx.auth.sessionInfo(auth);
    },
  );

  r.post(
    "/api/v1/auth/logout",
    { config: { access: sessionAnyState }, schema: { response: { 204: z.null() } } },
    async (request, reply) => {
      await ctx.auth.logout(requireAuth(request), actorOf(request));
      reply.clearCookie(sessionCookie, { path: "/" });
      return reply.status(204).send(null);
    },
  );
}
