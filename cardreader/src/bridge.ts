import http from "node:http";
import { cardBirthDate, cardSex } from "@ichimado/core/cardreader/basic-info";
import {
  type BridgeError,
  type BridgeStatus,
  type CardBasicInfo,
  readBasicRequestSchema,
} from "@ichimado/core/cardreader/schemas";
import { CardError, readBasicInfo } from "./read-basic.ts";
import { type CardTerminal, TerminalError } from "./terminal.ts";
import { TlvError } from "./tlv.ts";

export interface BridgeOptions {
  terminal: CardTerminal;
  /** Origins of the Ichimado server whose pages may call the bridge (scheme://host:port). */
  allowedOrigins: readonly string[];
  /**
   * One line per request: method, path, status and time only. Bodies, PINs and card data are
   * never passed here, so no configuration can make them appear in a log.
   */
  log: (line: string) => void;
}

const maxBody = 1024;

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: BridgeError,
  ) {
    super(body.message);
  }
}

const fail = (status: number, code: BridgeError["code"], message: string, triesLeft?: number) =>
  new HttpError(status, triesLeft === undefined ? { code, message } : { code, message, triesLeft });

/**
 * The bridge's HTTP server. Listen on 127.0.0.1 only: the card never becomes reachable from the
 * network, and the Origin allow-list keeps other sites' pages in this browser from using it.
 */
export function createBridge(options: BridgeOptions): http.Server {
  const allowed = new Set(options.allowedOrigins.map((o) => new URL(o).origin));
  // The card takes one conversation at a time: a second read waits for the first.
  let queue: Promise<unknown> = Promise.resolve();
  const exclusive = <T>(run: () => Promise<T>): Promise<T> => {
    const next = queue.then(run, run);
    queue = next.catch(() => undefined);
    return next;
  };

  return http.createServer(async (request, response) => {
    const started = Date.now();
    const path = (request.url ?? "/").split("?")[0] ?? "/";
    const origin = request.headers.origin;
    const send = (status: number, body: unknown) => {
      response.statusCode = status;
      response.setHeader("Cache-Control", "no-store");
      response.setHeader("Content-Type", "application/json; charset=utf-8");
      response.end(body === null ? undefined : JSON.stringify(body));
    };
    try {
      if (!isLocalHost(request.headers.host))
        throw fail(403, "forbiddenOrigin", "このホスト名では利用できません");
      if (!origin || !allowed.has(origin))
        throw fail(
          403,
          "forbiddenOrigin",
          "このページからはカードリーダーを利用できません (許可されていないオリジン)",
        );
      response.setHeader("Access-Control-Allow-Origin", origin);
      response.setHeader("Vary", "Origin");
      if (request.method === "OPTIONS") {
        response.setHeader("Access-Control-Allow-Methods", "GET, POST");
        response.setHeader("Access-Control-Allow-Headers", "Content-Type");
        response.setHeader("Access-Control-Max-Age", "600");
        // Private Network Access: Chromium and Edge ask before a page calls localhost.
        if (request.headers["access-control-request-private-network"] === "true")
          response.setHeader("Access-Control-Allow-Private-Network", "true");
        send(204, null);
      } else if (request.method === "GET" && path === "/v1/status") {
        const status: BridgeStatus = {
          ...(await options.terminal.status()),
          simulator: options.terminal.simulator,
        };
        send(200, status);
      } else if (request.method === "POST" && path === "/v1/read-basic") {
        const parsed = readBasicRequestSchema.safeParse(await jsonBody(request));
        if (!parsed.success)
          throw fail(400, "badRequest", "暗証番号 (4桁) または照合番号B (14桁) を数字で入力してください");
        const card = await exclusive(() => readCard(options.terminal, parsed.data));
        send(200, { card });
      } else {
        throw fail(404, "notFound", "この操作はありません");
      }
    } catch (error) {
      const e = toHttpError(error);
      send(e.status, { error: e.body });
    } finally {
      options.log(`${request.method} ${path} ${response.statusCode} ${Date.now() - started}ms`);
    }
  });
}

async function readCard(
  terminal: CardTerminal,
  secret: Parameters<typeof readBasicInfo>[1],
): Promise<CardBasicInfo> {
  const outcome = await terminal.withCard((card) => readBasicInfo(card, secret));
  const what = "pin" in secret ? "暗証番号" : "照合番号B";
  if (outcome.kind === "wrongSecret")
    throw fail(401, "wrongPin", `${what}が違います。残り${outcome.triesLeft}回`, outcome.triesLeft);
  if (outcome.kind === "locked")
    throw fail(
      423,
      "pinLocked",
      `${what}がロックされています。カードの暗証番号の初期化 (再設定) は、住所地の市区町村のマイナンバーカード窓口で行ってください`,
      0,
    );
  const t = outcome.texts;
  return {
    name: t.name,
    address: t.address,
    birthDate: cardBirthDate(t.birthDate),
    birthDateText: t.birthDate,
    sex: cardSex(t.sex),
    sexCode: t.sex,
  };
}

function toHttpError(error: unknown): HttpError {
  if (error instanceof HttpError) return error;
  if (error instanceof TerminalError)
    return error.code === "noReader"
      ? fail(503, "noReader", "カードリーダーが見つかりません。接続を確かめてください")
      : fail(503, "noCard", "カードが置かれていません。カードをリーダーに置いてください");
  if (error instanceof CardError || error instanceof TlvError)
    return fail(
      502,
      "cardError",
      `カードを読み取れませんでした。置き直してもう一度お試しください (${error.message})`,
    );
  return fail(500, "cardError", "カードリーダー中継で予期しない問題が起きました");
}

/** Host header of a request made to this machine; another name means DNS rebinding, not our page. */
function isLocalHost(host: string | undefined): boolean {
  if (!host) return false;
  const name = host.replace(/:\d+$/, "");
  return name === "127.0.0.1" || name === "localhost" || name === "[::1]";
}

async function jsonBody(request: http.IncomingMessage): Promise<unknown> {
  if (!(request.headers["content-type"] ?? "").startsWith("application/json"))
    throw fail(400, "badRequest", "JSON で送ってください");
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > maxBody) throw fail(400, "badRequest", "要求が大きすぎます");
    chunks.push(chunk as Buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString("utf8"));
  } catch {
    throw fail(400, "badRequest", "JSON を読み取れませんでした");
  }
}
