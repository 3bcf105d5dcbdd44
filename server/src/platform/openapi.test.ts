import SwaggerParser from "@apidevtools/swagger-parser";
import { functionPermissionLabels, type RouteAccess } from "@ichimado/core/auth/permissions";
import { sessionInfoSchema } from "@ichimado/core/auth/schemas";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { createTestApp, type TestApp } from "../testing/test-app.ts";

/**
 * The public API's OpenAPI document (P50): valid by a third-party validator, holding every
 * /api/v1 route with the security its guard enforces, and made from the zod schemas only.
 */

interface Operation {
  operationId?: string;
  description?: string;
  security?: Record<string, string[]>[];
  parameters?: { in: string; name: string; required?: boolean }[];
  requestBody?: { content: Record<string, { schema?: unknown }> };
  responses: Record<string, { description: string; content?: Record<string, { schema?: unknown }> }>;
  "x-ichimado-access"?: RouteAccess;
}
interface Document {
  openapi: string;
  info: { title: string; version: string; description: string };
  paths: Record<string, Record<string, Operation>>;
  components: {
    securitySchemes: Record<string, { type: string; in?: string; name?: string; scheme?: string }>;
  };
}

let t: TestApp;
let doc: Document;
beforeAll(async () => {
  t = await createTestApp();
  const res = await t.call("GET", "/api/openapi.json", { csrf: false });
  expect(res.statusCode).toBe(200);
  doc = res.json();
});
afterAll(() => t?.close());

const operations = () =>
  Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, operation]) => ({ path, method: method.toUpperCase(), operation })),
  );
const openApiPath = (url: string) => url.replace(/:([A-Za-z0-9_]+)/g, "{$1}");
const apiRoutes = () => t.app.routeRegistry.filter((r) => r.url.startsWith("/api/v1/"));
const operationOf = (method: string, url: string) => doc.paths[openApiPath(url)]?.[method.toLowerCase()];

// Stated again here, not imported: the test is the guard's declaration read independently.
const expectedSecurity = (access: RouteAccess): Record<string, string[]>[] =>
  access.kind === "public"
    ? []
    : access.kind === "token"
      ? [{ apiToken: [access.scope] }]
      : access.kind === "permission"
        ? [access.permission].flat().map((permission) => ({ sessionCookie: [permission] }))
        : [{ sessionCookie: [] }];

describe("the OpenAPI document", () => {
  it("is OpenAPI 3.1 and valid for a third-party validator (schema and every $ref)", async () => {
    expect(doc.openapi).toMatch(/^3\.1\./);
    expect(doc.info.title).toBe("Ichimado API");
    expect(doc.info.version).toMatch(/^\d+\.\d+\.\d+/);
    // validate() dereferences in place: give it a copy.
    const api = await SwaggerParser.validate(structuredClone(doc) as unknown as SwaggerParser["api"]);
    expect(api.info.title).toBe("Ichimado API");
  });

  it("holds what the validator does not check for 3.x: unique operation ids, declared path parameters", () => {
    const ids = operations().map((o) => o.operation.operationId);
    expect(ids.every((id) => typeof id === "string")).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    for (const { path, method, operation } of operations()) {
      const inPath = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]).sort();
      const declared = (operation.parameters ?? []).filter((p) => p.in === "path").map((p) => p.name);
      expect(declared.sort(), `${method} ${path}`).toEqual(inPath);
      for (const requirement of operation.security ?? []) {
        for (const scheme of Object.keys(requirement))
          expect(doc.components.securitySchemes).toHaveProperty(scheme);
      }
    }
  });

  it("has every /api/v1 route with the security its access declares, and nothing else", () => {
    const routes = apiRoutes();
    expect(routes.length).toBeGreaterThan(50);
    for (const route of routes) {
      const operation = operationOf(route.method, route.url);
      const name = `${route.method} ${route.url}`;
      expect(operation, name).toBeDefined();
      if (!operation) continue;
      expect(operation.security, name).toEqual(expectedSecurity(route.access));
      expect(operation["x-ichimado-access"], name).toEqual(route.access);
      if (route.access.kind === "permission") {
        for (const permission of [route.access.permission].flat()) {
          expect(operation.description, name).toContain(functionPermissionLabels[permission]);
          expect(operation.description, name).toContain(permission);
        }
      }
      const csrf = operation.parameters?.find((p) => p.in === "header" && p.name === "X-Requested-With");
      const unsafe = route.method !== "GET";
      // Robots send a bearer token, which no browser adds by itself: they need no CSRF header.
      expect(Boolean(csrf?.required), name).toBe(unsafe && route.access.kind !== "token");
    }
    const registered = new Set(routes.map((r) => `${r.method} ${openApiPath(r.url)}`));
    for (const { path, method } of operations()) expect(registered).toContain(`${method} ${path}`);
  });

  it("describes both ways in: the session cookie (with the CSRF header) and bearer API tokens", () => {
    const { sessionCookie, apiToken } = doc.components.securitySchemes;
    expect(sessionCookie).toMatchObject({ type: "apiKey", in: "cookie", name: "ichimado_session" });
    expect(JSON.stringify(sessionCookie)).toContain("X-Requested-With: ichimado");
    expect(apiToken).toMatchObject({ type: "http", scheme: "bearer" });
    const tokenRoutes = apiRoutes().filter((r) => r.access.kind === "token");
    expect(tokenRoutes.length).toBeGreaterThan(0);
  });

  it("gives raw uploads and file answers their media types instead of JSON", () => {
    const uploads = [
      "POST /api/v1/feeds/:feedId/imports",
      "POST /api/v1/gaiji/font",
      "POST /api/v1/admin/documents/base-pdfs",
      "POST /api/v1/admin/documents/leaflets",
    ];
    for (const name of uploads) {
      const [method = "", url = ""] = name.split(" ");
      expect(Object.keys(operationOf(method, url)?.requestBody?.content ?? {}), name).toEqual([
        "application/octet-stream",
      ]);
    }
    const files: [string, string][] = [
      ["GET /api/v1/gaiji/font", "font/ttf"],
      ["GET /api/v1/fonts/register.css", "text/css"],
      ["GET /api/v1/fonts/register.woff2", "font/woff2"],
      ["POST /api/v1/cases/:id/documents", "application/pdf"],
      ["POST /api/v1/cases/:id/documents/:documentId/reprint", "application/pdf"],
      ["GET /api/v1/cases/:id/guide-sheet.pdf", "application/pdf"],
      ["GET /api/v1/cases/:id/certificate-requests/:requestId/form.pdf", "application/pdf"],
      ["GET /api/v1/admin/documents/base-pdfs/:id", "application/pdf"],
      ["POST /api/v1/admin/documents/templates/preview", "application/pdf"],
    ];
    for (const [name, mediaType] of files) {
      const [method = "", url = ""] = name.split(" ");
      expect(Object.keys(operationOf(method, url)?.responses["200"]?.content ?? {}), name).toEqual([
        mediaType,
      ]);
    }
  });

  it("answers errors in the one error shape", () => {
    for (const { path, method, operation } of operations()) {
      expect(operation.responses.default?.content?.["application/json"]?.schema, `${method} ${path}`).toEqual(
        {
          $ref: "#/components/schemas/ApiError",
        },
      );
    }
  });
});

describe("schemas come from zod, not from the database", () => {
  const propertyNames = (value: unknown, into = new Set<string>()): Set<string> => {
    if (Array.isArray(value)) for (const v of value) propertyNames(v, into);
    else if (value && typeof value === "object") {
      for (const [key, child] of Object.entries(value)) {
        if (key === "properties" && child && typeof child === "object") {
          for (const name of Object.keys(child)) into.add(name);
        }
        if (key === "required" && Array.isArray(child)) for (const name of child) into.add(String(name));
        propertyNames(child, into);
      }
    }
    return into;
  };

  it("names no database column that the zod schemas do not (columns are snake_case, schemas camelCase)", async () => {
    const { rows } = await sql<{ column: string }>`
      select distinct a.attname as column
      from pg_attribute a
      join pg_class c on c.oid = a.attrelid
      join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = current_schema() and c.relkind in ('r', 'p', 'v', 'm')
        and a.attnum > 0 and not a.attisdropped`.execute(t.database.db);
    const columns = rows.map((r) => r.column);
    expect(columns).toContain("password_hash");
    const names = propertyNames(doc.paths);
    const parameters = operations().flatMap((o) => (o.operation.parameters ?? []).map((p) => p.name));
    for (const name of [...names, ...parameters]) {
      if (name === "X-Requested-With") continue;
      expect(name, "a property or parameter name that is not camelCase").toMatch(/^[a-z][A-Za-z0-9]*$/);
    }
    const snake = columns.filter((c) => c.includes("_"));
    expect(snake.length).toBeGreaterThan(20);
    for (const column of snake) expect(names.has(column), column).toBe(false);
    const text = JSON.stringify(doc);
    for (const secret of ["password_hash", "passwordHash", "token_hash", "tokenHash"]) {
      expect(text).not.toContain(secret);
    }
  });

  it("is the route's zod schema, converted (GET /api/v1/auth/session)", () => {
    const { $schema: _, ...expected } = z.toJSONSchema(sessionInfoSchema, {
      io: "output",
      target: "draft-2020-12",
    });
    const schema =
      doc.paths["/api/v1/auth/session"]?.get?.responses["200"]?.content?.["application/json"]?.schema;
    expect(schema).toEqual(expected);
  });
});

describe("where it is served", () => {
  it("serves the document without a session, and a browsable page from our own origin", async () => {
    const page = await t.call("GET", "/api/docs", { csrf: false });
    expect(page.statusCode).toBe(200);
    expect(page.headers["content-type"]).toMatch(/^text\/html/);
    expect(page.body).toContain('id="swagger-ui"');
    const scripts = [...page.body.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1] ?? "");
    expect(scripts.length).toBeGreaterThanOrEqual(3);
    for (const asset of scripts) {
      // The city network has no internet: everything the page loads is ours.
      expect(asset.startsWith("/api/docs/")).toBe(true);
      const res = await t.call("GET", asset, { csrf: false });
      expect(res.statusCode, asset).toBe(200);
      expect(res.headers["content-type"], asset).toMatch(/^(text\/css|application\/javascript)/);
    }
    expect((await t.call("GET", "/api/docs/package.json", { csrf: false })).statusCode).toBe(404);
  });

  it("keeps the app's CSP on the page (script-src 'self' suffices for the viewer)", async () => {
    const page = await t.call("GET", "/api/docs", { csrf: false });
    const elsewhere = await t.call("GET", "/api/openapi.json", { csrf: false });
    const csp = String(page.headers["content-security-policy"]);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain("unsafe-eval");
    expect(csp).toBe(elsewhere.headers["content-security-policy"]);
  });
});
