import { errorCodes } from "@ichimado/core/common/errors";
import type { FastifyRequest } from "fastify";
import type { Kysely } from "kysely";
import type { AuditActor, AuditWriter } from "../audit/writer.ts";
import type { AuthContext } from "../auth/context.ts";
import type { AuthService } from "../auth/service.ts";
import type { Config } from "../config.ts";
import type { Database } from "../db/schema.ts";
import type { FeedImportService } from "../registry/feeds/service.ts";
import { HttpError } from "./errors.ts";

/** What every area plugin gets: configuration, the database (app role), the audit writer, auth. */
export interface AppContext {
  config: Config;
  db: Kysely<Database>;
  audit: AuditWriter;
  auth: AuthService;
  auditKey: string;
  feeds: FeedImportService;
}

export const counterRequired = () => new HttpError(403, errorCodes.counterRequired, "窓口を選択してください");

/** The counter the staff member acts at; the guard refuses a permission route without one first. */
export function requireCounter(auth: AuthContext): string {
  if (auth.counterId === null) throw counterRequired();
  return auth.counterId;
}

export function actorOf(request: FastifyRequest): AuditActor {
  const auth = request.auth;
  return {
    staffId: auth?.staffId ?? null,
    loginId: auth?.loginId ?? (request.apiClient ? `api:${request.apiClient.name}` : null),
    counterId: auth?.counterId ?? null,
    clientIp: request.ip ?? null,
  };
}

/** The session of a guarded route; the guard has already refused requests without one. */
export function requireAuth(request: FastifyRequest): AuthContext {
  if (!request.auth) throw new Error("guarded route reached without a session");
  return request.auth;
}
