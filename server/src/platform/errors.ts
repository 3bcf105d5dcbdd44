import { type ApiError, type ErrorCode, errorCodes } from "@ichimado/core/common/errors";
import type { FastifyError, FastifyInstance, FastifyReply } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";

/** An error the API shows to staff as-is: a status, a stable code and a Japanese message. */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: ErrorCode,
    message: string,
    readonly issues?: { path: string; message: string }[],
  ) {
    super(message);
  }
}

export const unauthenticated = () =>
  new HttpError(401, errorCodes.unauthenticated, "ログインしてください (セッションが無効か期限切れです)");
export const forbidden = (message = "この操作を行う権限がありません") =>
  new HttpError(403, errorCodes.forbidden, message);

function body(code: string, message: string, issues?: { path: string; message: string }[]): ApiError {
  return { error: issues ? { code, message, issues } : { code, message } };
}

/**
 * One place turns every failure into the API's error shape: validation → 400 with each field's
 * message, known errors → their status, anything else → 500 without internals (logged instead).
 */
export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | HttpError | Error, request, reply) => {
    if (error instanceof HttpError) {
      return reply.status(error.statusCode).send(body(error.code, error.message, error.issues));
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const issues = error.validation.map((v) => ({
        path: [error.validationContext, ...String(v.instancePath).split("/").filter(Boolean)].join("."),
        message: v.message ?? "値が不正です",
      }));
      // One problem: say it outright; several: point to the field messages.
      const message =
        issues.length === 1 ? (issues[0]?.message ?? "") : `入力内容に誤りがあります (${issues.length} 件)`;
      return reply.status(400).send(body(errorCodes.validation, message, issues));
    }
    const fe = error as FastifyError;
    if (fe.statusCode === 429) {
      return reply
        .status(429)
        .send(
          body(
            errorCodes.rateLimited,
            "短時間に多くの要求がありました。しばらく待ってから再度お試しください",
          ),
        );
    }
    if (typeof fe.statusCode === "number" && fe.statusCode >= 400 && fe.statusCode < 500) {
      // Body parser and similar framework errors: malformed JSON, wrong content type, too large.
      return reply.status(fe.statusCode).send(body(errorCodes.validation, japaneseClientError(fe)));
    }
    if (isDatabaseUnavailable(error)) {
      // Not the request's fault and not a bug: the pool reconnects by itself once the database is
      // back, so the client is told to try again shortly (the web app does so for reads).
      request.log.warn({ code: (error as { code?: string }).code }, "database unavailable");
      return reply
        .status(503)
        .header("retry-after", "5")
        .send(
          body(
            errorCodes.unavailable,
            "データベースに接続できません。しばらく待ってから再度お試しください (入力内容は保存されていません)",
          ),
        );
    }
    request.log.error({ err: error }, "unhandled error");
    return reply
      .status(500)
      .send(body(errorCodes.internal, "システムエラーが発生しました。時間をおいて再度お試しください"));
  });
}

const unavailableNodeCodes = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "ENOTFOUND",
  "EAI_AGAIN",
]);

/**
 * The database went away or is restarting: connection refused or reset, the server shutting down
 * (57P01–57P03), a connection-class error (08xxx), or pg's own words for a dropped connection.
 */
function isDatabaseUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === "string") {
    if (unavailableNodeCodes.has(code) || code.startsWith("57P") || code.startsWith("08")) return true;
  }
  return /Connection terminated|timeout exceeded when trying to connect|not queryable|connection error/i.test(
    error.message,
  );
}

/** The 404 body for unknown API paths (app.ts owns the not-found handler: it also serves the SPA). */
export function sendNotFound(reply: FastifyReply): FastifyReply {
  return reply.status(404).send(body(errorCodes.notFound, "指定されたページまたは API は存在しません"));
}

function japaneseClientError(error: FastifyError): string {
  switch (error.code) {
    case "FST_ERR_CTP_INVALID_JSON_BODY":
    case "FST_ERR_CTP_EMPTY_JSON_BODY":
      return "送信されたデータの形式が正しくありません (JSON)";
    case "FST_ERR_CTP_BODY_TOO_LARGE":
      return "送信されたデータが大きすぎます";
    case "FST_ERR_CTP_INVALID_MEDIA_TYPE":
      return "送信されたデータの種類に対応していません";
    default:
      return "要求の内容が正しくありません";
  }
}
