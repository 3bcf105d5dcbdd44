import fs from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import swagger, { type SwaggerTransform, type SwaggerTransformObject } from "@fastify/swagger";
import {
  acceptedPermissions,
  apiScopeLabels,
  functionPermissionLabels,
  type RouteAccess,
} from "@ichimado/core/auth/permissions";
import { conditionSchema } from "@ichimado/core/catalog/rules";
import { apiErrorSchema } from "@ichimado/core/common/errors";
import type { FastifyInstance, FastifySchema, RouteOptions } from "fastify";
import { jsonSchemaTransform, jsonSchemaTransformObject } from "fastify-type-provider-zod";
import { z } from "zod";
import serverPackage from "../../package.json" with { type: "json" };
import { sessionCookie, unsafeMethods } from "./guard.ts";

const documentPath = "/api/openapi.json";
const pagePath = "/api/docs";
const apiPrefix = "/api/v1/";

/**
 * Routes that answer a file. Their handlers send a Buffer or a string, which no zod response
 * schema describes, so the document learns the media type from the path's extension
 * (…/guide-sheet.pdf) or, for paths without one, from this list; the test names each of them.
 */
const fileResponses: Readonly<Record<string, string>> = {
  "GET /api/v1/gaiji/font": "font/ttf",
  "POST /api/v1/cases/:id/documents": "application/pdf",
  "POST /api/v1/cases/:id/documents/:documentId/reprint": "application/pdf",
  "GET /api/v1/admin/documents/base-pdfs/:id": "application/pdf",
  "POST /api/v1/admin/documents/templates/preview": "application/pdf",
};
const fileExtensions: Readonly<Record<string, string>> = {
  pdf: "application/pdf",
  csv: "text/csv",
  md: "text/markdown",
  css: "text/css",
  woff2: "font/woff2",
};

const areaDescriptions: Readonly<Record<string, string>> = {
  auth: "ログイン・ログアウト、セッション、窓口の選択、パスワード変更",
  audit: "監査証跡の閲覧と改ざん検査",
  feeds: "データ連携（基幹システムの連携ファイルの取込と設定、鮮度）",
  gaiji: "外字フォント",
  search: "宛名検索",
  persons: "宛名の照会（個人、関連者、同一住所、支援措置の確認）",
  households: "世帯の照会",
  cases: "受付（対応、来庁者、本人確認、住民異動届、手続き、証明受付、印刷）",
  catalog: "手続きカタログ（窓口での参照）",
  "identity-documents": "本人確認書類",
  "document-templates": "印刷できる帳票様式",
  certificates: "証明書の手数料と設定（窓口での参照）",
  addresses: "住所マスタ（町字）",
  rpa: "RPA連携（ロボットによる基幹システムへの入力）",
  statistics: "統計（集計と対応履歴の CSV）",
  export: "データ出力（データ辞書）",
  notices: "伝達事項",
  "admin/staff": "職員の管理",
  "admin/roles": "役割の管理",
  "admin/counters": "窓口の管理",
  "admin/catalog": "手続きカタログの設定（版、書き出し、読み込み）",
  "admin/documents": "帳票様式・元PDF・案内チラシの設定",
  "admin/certificates": "証明書の種類・目的・免除の設定",
  "admin/api-tokens": "API トークンの発行と失効",
  "admin/notices": "伝達事項の管理",
};

const securitySchemes = {
  sessionCookie: {
    type: "apiKey",
    in: "cookie",
    name: sessionCookie,
    description:
      `職員のセッション。POST /api/v1/auth/login で受け取る Cookie \`${sessionCookie}\`（HttpOnly, SameSite=Strict）です。` +
      "状態を変える要求（POST・PUT・PATCH・DELETE）には CSRF 対策としてヘッダ `X-Requested-With: ichimado` が必須で、" +
      "ないと 403 になります（ログインなど認証不要の API も同じです）。" +
      "この方式に付けた名前は、その操作に必要な機能権限（現在の窓口での役割が持つもの）です。",
  },
  apiToken: {
    type: "http",
    scheme: "bearer",
    description:
      "ロボット（RPA）や他のシステム用の API トークン。`Authorization: Bearer <トークン>` で送ります。" +
      "管理者が発行し（画面の API トークン、または `npm run cli -- api-token create`）、値は発行時に一度だけ表示されます。" +
      "Cookie を使わないので X-Requested-With ヘッダは要りません。職員のセッションではこれらの API を呼び出せません。" +
      "この方式に付けた名前は、トークンに必要なスコープです。",
  },
} as const;

const csrfHeader = {
  type: "string",
  enum: ["ichimado"],
  default: "ichimado",
  description: "CSRF 対策のヘッダ。状態を変える要求では必須です。",
};

type JsonObject = Record<string, unknown>;

/**
 * Schemas that become components. A recursive schema must be one (an inline one would refer to a
 * definition the document never holds); the error shape is one because every operation answers it.
 */
const namedSchemas: readonly [z.ZodType, string][] = [
  [apiErrorSchema, "ApiError"],
  [conditionSchema, "CatalogCondition"],
];

const fileResponse = (mediaType: string) => ({
  description: "ファイル",
  content: { [mediaType]: { schema: { type: "string", contentMediaType: mediaType } } },
});
// @fastify/swagger takes a response's description from this key and leaves the schema without it.
const responseDescriptionKey = "x-response-description";
const unknownResponse = { [responseDescriptionKey]: "成功（応答の形はスキーマで定められていません）" };

function statusText(status: string, access: RouteAccess): string {
  switch (status) {
    case "200":
      return "成功";
    case "201":
      return "作成しました";
    case "202":
      return "受け付けました（処理はこのあと行われます）";
    case "204":
      return "成功（本文なし）";
    case "400":
      return "入力の誤り（issues に項目ごとの理由）";
    case "401":
      return access.kind === "token"
        ? "API トークンがないか、無効または失効しています"
        : "ログインしていないか、セッションが切れています";
    case "403":
      return access.kind === "token"
        ? "このトークンのスコープではこの操作を行えません"
        : "権限がないか、窓口が選ばれていないか、初期パスワードが変更されていません（状態を変える要求では X-Requested-With ヘッダがないときも）";
    case "default":
      return "エラー（400 入力の誤り、404 見つからない、409 競合、429 回数の制限など）。message は職員向けの日本語です";
    default:
      return `HTTP ${status}`;
  }
}

/**
 * The public API's description (P50): OpenAPI 3.1 made from the routes' zod schemas, at
 * /api/openapi.json, and a browsable page at /api/docs. Register it before the routes: the
 * generator collects routes as they are added.
 */
export async function registerOpenApi(app: FastifyInstance): Promise<void> {
  for (const [schema, id] of namedSchemas) {
    if (!z.globalRegistry.has(schema)) z.globalRegistry.add(schema, { id });
  }

  await app.register(swagger, {
    openapi: {
      openapi: "3.1.0",
      info: {
        title: "Ichimado API",
        version: serverPackage.version,
        license: { name: "MIT", identifier: "MIT" },
        description:
          "いちまど（窓口支援システム）の REST API です。職員の画面が使う API と、ロボット（RPA）などが API トークンで使う API があります。\n\n" +
          "- パスは `/api/v1/…` で、互換性のない変更は新しい版のパスで行います。\n" +
          "- 各操作には、必要な認証（職員のセッション、機能権限、API トークンのスコープ）を security と説明に記しています。\n" +
          "- エラーは常に `{ error: { code, message, issues? } }` の形で、message は職員向けの日本語です。\n" +
          "- 要求と応答の形は、サーバが検査に使う zod スキーマから作っています。",
      },
      components: { securitySchemes },
    },
    transform: describeRoute,
    transformObject: finishDocument,
  });

  const open = { access: { kind: "public" } } as const;
  // Outside /api/v1, so not in the document itself (describeRoute hides it), like the page.
  app.get(documentPath, { config: open }, async () => app.swagger());
  servePage(app, open);
}

const describeRoute: SwaggerTransform = (input) => {
  const { url, route } = input;
  if (!url.startsWith(apiPrefix)) return { schema: { hide: true }, url };
  const method = String(route.method).toUpperCase();
  const access = accessOf(route);
  const own = input.schema ?? {};
  const extension = /\.([a-z0-9]+)$/.exec(url)?.[1] ?? "";
  const file = fileResponses[`${method} ${url}`] ?? (own.response ? undefined : fileExtensions[extension]);

  // The errors every route can answer, unless the route says otherwise (status keys sort numerically).
  const zodResponses: Record<string, unknown> = {
    ...(own.body || own.querystring || own.params ? { 400: apiErrorSchema } : {}),
    ...(access.kind === "public" ? {} : { 401: apiErrorSchema, 403: apiErrorSchema }),
    default: apiErrorSchema,
    ...(own.response as Record<string, unknown> | undefined),
  };
  const { schema } = jsonSchemaTransform({ ...input, schema: { ...own, response: zodResponses } });
  const fromZod = Object.entries(schema.response as Record<string, JsonObject>).map(([status, json]) => [
    status,
    // A $ref loses its sibling keywords on the way, except `description`, which swagger reads first.
    {
      ...json,
      [json.$ref ? "description" : responseDescriptionKey]: json.description ?? statusText(status, access),
    },
  ]);
  // Plain OpenAPI responses go in after the zod transform, which accepts zod schemas only.
  const response = {
    ...(file ? { 200: fileResponse(file) } : own.response ? {} : { 200: unknownResponse }),
    ...Object.fromEntries(fromZod),
  };

  const described: FastifySchema & JsonObject = {
    ...schema,
    response,
    tags: [areaOf(url)],
    operationId: operationIdOf(method, url),
    description: [own.description, accessDescription(access)].filter(Boolean).join("\n\n"),
    security: securityOf(access),
    "x-ichimado-access": access,
  };
  // A raw body (feed files, fonts, PDFs) has no zod schema; such routes set their own body limit.
  if (!own.body && route.bodyLimit !== undefined && unsafeMethods.has(method)) {
    described.body = {
      type: "string",
      contentMediaType: "application/octet-stream",
      description: "ファイルの中身をそのまま送ります（Content-Type: application/octet-stream）",
    };
    described.consumes = ["application/octet-stream"];
  }
  if (unsafeMethods.has(method) && access.kind !== "token") {
    described.headers = withCsrfHeader(schema.headers as JsonObject | undefined);
  }
  return { schema: described, url };
};

const finishDocument: SwaggerTransformObject = (input) => {
  const document = jsonSchemaTransformObject(input) as JsonObject & {
    paths?: Record<string, JsonObject>;
    components?: JsonObject & { schemas?: Record<string, unknown> };
  };
  const used = new Set<string>();
  for (const item of Object.values(document.paths ?? {})) {
    for (const operation of Object.values(item)) {
      for (const tag of (operation as { tags?: string[] }).tags ?? []) used.add(tag);
    }
  }
  const tags = [...used].sort().map((name) => {
    const description = areaDescriptions[name];
    return description ? { name, description } : { name };
  });
  const schemas = referencedSchemas(document.paths, document.components?.schemas ?? {});
  return {
    ...document,
    components: { ...document.components, schemas },
    tags,
  } as ReturnType<SwaggerTransformObject>;
};

/**
 * zod's registry gives every registered schema an input twin (ApiErrorInput) whether a route
 * reads it or not; the document keeps only the schemas something refers to.
 */
function referencedSchemas(paths: unknown, schemas: Record<string, unknown>): Record<string, unknown> {
  const refsIn = (value: unknown) =>
    [...JSON.stringify(value ?? null).matchAll(/"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1] ?? "");
  const kept = new Set(refsIn(paths));
  const queue = [...kept];
  for (let name = queue.pop(); name !== undefined; name = queue.pop()) {
    for (const ref of refsIn(schemas[name])) {
      if (!kept.has(ref)) {
        kept.add(ref);
        queue.push(ref);
      }
    }
  }
  return Object.fromEntries(Object.entries(schemas).filter(([name]) => kept.has(name)));
}

function accessOf(route: RouteOptions): RouteAccess {
  // The guard has given every route an access before any route reaches the generator.
  const access = (route.config as { access?: RouteAccess } | undefined)?.access;
  if (!access) throw new Error(`${String(route.method)} ${route.url} has no access`);
  return access;
}

/** The area: the first segment after /api/v1, or the first two under /api/v1/admin. */
function areaOf(url: string): string {
  const [first = "", second] = url.slice(apiPrefix.length).split("/");
  return first === "admin" && second ? `admin/${second}` : first;
}

/** A stable, unique name for client generators: GET /api/v1/cases/:id/memos → getCasesByIdMemos. */
function operationIdOf(method: string, url: string): string {
  const words = url
    .slice(apiPrefix.length)
    .split(/[/.-]/)
    .filter(Boolean)
    .map((part) => (part.startsWith(":") ? `By${capitalise(part.slice(1))}` : capitalise(part)));
  return method.toLowerCase() + words.join("");
}

const capitalise = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

function securityOf(access: RouteAccess): { [scheme: string]: string[] }[] {
  switch (access.kind) {
    case "public":
      return [];
    case "session":
      return [{ sessionCookie: [] }];
    case "permission":
      // OpenAPI 3.1 lets a non-OAuth requirement name roles: here the function permission. A route
      // that accepts any of several has one requirement each: the list of requirements is an "or".
      return acceptedPermissions(access).map((permission) => ({ sessionCookie: [permission] }));
    case "token":
      return [{ apiToken: [access.scope] }];
  }
}

function accessDescription(access: RouteAccess): string {
  switch (access.kind) {
    case "public":
      return "認証は要りません。";
    case "session": {
      const before = [
        access.allowNoCounter ? "窓口を選ぶ前" : null,
        access.allowPendingPasswordChange ? "初期パスワードを変更する前" : null,
      ].filter(Boolean);
      return before.length > 0
        ? `ログイン中の職員なら誰でも呼び出せます（${before.join("や")}でも可）。`
        : "ログインして窓口を選んだ職員なら誰でも呼び出せます。";
    }
    case "permission":
      return `現在の窓口での役割に、権限${acceptedPermissions(access)
        .map((p) => `「${functionPermissionLabels[p]}」（${p}）`)
        .join("または")}が必要です。`;
    case "token":
      return `API トークン専用です。必要なスコープ: ${access.scope}（${apiScopeLabels[access.scope]}）。職員のセッションでは呼び出せません。`;
  }
}

function withCsrfHeader(headers: JsonObject | undefined): JsonObject {
  const properties = (headers?.properties as JsonObject | undefined) ?? {};
  const required = (headers?.required as string[] | undefined) ?? [];
  return {
    ...headers,
    type: "object",
    properties: { ...properties, "X-Requested-With": csrfHeader },
    required: [...required, "X-Requested-With"],
  };
}

/**
 * Swagger UI, served from our own origin (the city's network has no internet); the app's CSP
 * (script-src 'self') allows it as it is. The files are the ones @fastify/swagger-ui ships: its
 * plugin's own routes cannot declare the access every /api route must, and swagger-ui-dist would
 * bring an install-time analytics package along.
 */
function servePage(app: FastifyInstance, open: { access: RouteAccess }): void {
  const dist = path.join(
    path.dirname(fileURLToPath(import.meta.resolve("@fastify/swagger-ui/package.json"))),
    "static",
  );
  const assets: Record<string, { file: string; type: string }> = {
    "swagger-ui.css": { file: path.join(dist, "swagger-ui.css"), type: "text/css; charset=utf-8" },
    "swagger-ui-bundle.js": {
      file: path.join(dist, "swagger-ui-bundle.js"),
      type: "application/javascript; charset=utf-8",
    },
  };

  app.get(pagePath, { config: open }, async (_request, reply) =>
    reply.type("text/html; charset=utf-8").send(pageHtml),
  );
  app.get(`${pagePath}/init.js`, { config: open }, async (_request, reply) =>
    reply.type("application/javascript; charset=utf-8").send(initScript),
  );
  app.get<{ Params: { asset: string } }>(`${pagePath}/:asset`, { config: open }, async (request, reply) => {
    const asset = assets[request.params.asset];
    if (!asset) return reply.callNotFound();
    return reply
      .type(asset.type)
      .header("cache-control", "public, max-age=3600")
      .send(await fs.readFile(asset.file));
  });
}

const pageHtml = `<!doctype html>
<html lang="ja">
<head>
<meta charset="utf-8">
<title>Ichimado API</title>
<link rel="stylesheet" href="${pagePath}/swagger-ui.css">
</head>
<body>
<div id="swagger-ui"></div>
<script src="${pagePath}/swagger-ui-bundle.js"></script>
<script src="${pagePath}/init.js"></script>
</body>
</html>
`;

// No validator badge (it would call out to the internet); staff trying requests from the page
// send their session cookie, so the CSRF header is added to every request.
const initScript = `window.ui = SwaggerUIBundle({
  url: "${documentPath}",
  dom_id: "#swagger-ui",
  deepLinking: true,
  validatorUrl: null,
  requestInterceptor: (request) => {
    request.headers["X-Requested-With"] = "ichimado";
    return request;
  },
});
`;
