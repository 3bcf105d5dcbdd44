import SwaggerParser from "@apidevtools/swagger-parser";
import { functionPermissions } from "@ichimado/core/auth/permissions";
import fc from "fast-check";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiToken } from "../auth/api-tokens.ts";
import { insertHouseholds, plainMember } from "../testing/register-fixture.ts";
import { arbitraryFor, type JsonSchema, nastyString } from "../testing/schema-arbitrary.ts";
import { createTestApp, type TestApp } from "../testing/test-app.ts";

/**
 * Every route of the OpenAPI document gets malformed, huge, oddly encoded and injected input from
 * a staff member who may do everything: never a 500, and a refused request (4xx) or any GET leaves
 * every table as it was. FUZZ_RUNS raises the runs per route (default 6).
 */
interface Operation {
  parameters?: { in: string; name: string; schema?: JsonSchema }[];
  requestBody?: { content: Record<string, { schema?: JsonSchema }> };
}

let t: TestApp;
let cookie: string;
let token: string;
let operations: { method: string; path: string; operation: Operation }[];
let fingerprintSql: string;
// As the owner: the app role may not read every table, and the check must see them all.
let owner: pg.Client;

// Routes that end the fuzzer's own session or move it to another counter would blind the rest.
const skipped = new Set([
  "POST /api/v1/auth/logout",
  "POST /api/v1/auth/password",
  "POST /api/v1/auth/counter",
]);
// Tables that change on refusals by design: the audit log, sessions' last activity, login failure
// counts, token use times, and the SLA counters.
const volatile = new Set([
  "audit_log",
  "staff_session",
  "staff_user",
  "api_token",
  "service_level_daily",
  "service_heartbeat",
  "schema_migration",
  "schema_migration_lock",
]);

beforeAll(async () => {
  t = await createTestApp();
  await t.database.db
    .insertInto("role")
    .values({
      id: "fuzzEverything",
      name: "全権限",
      functions: [...functionPermissions],
      visible_programmes: [],
      accepted_programmes: [],
    })
    .execute();
  await t.createStaff({ loginId: "fuzzer", assignments: [["shimin", "fuzzEverything"]] });
  cookie = await t.login("fuzzer");
  await t.call("POST", "/api/v1/auth/counter", { cookie, body: { counterId: "shimin" } });
  token = await createApiToken(t.database.db, { name: "fuzz", scopes: ["rpa", "metrics"], createdBy: null });
  await insertHouseholds(t.database.ownerUrl, [
    {
      id: "9600000000",
      townCode: "T001",
      lot: "1",
      members: [
        plainMember("9600000001", "出雲　太郎", "世帯主"),
        plainMember("9600000002", "出雲　花子", "妻"),
      ],
      supportMeasure: true,
    },
  ]);
  const res = await t.call("GET", "/api/openapi.json", { csrf: false });
  const doc = (await SwaggerParser.dereference(res.json())) as unknown as {
    paths: Record<string, Record<string, Operation>>;
  };
  operations = Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, operation]) => ({ method: method.toUpperCase(), path, operation })),
  );
  owner = new pg.Client({ connectionString: t.database.ownerUrl });
  await owner.connect();
  const { rows } = await owner.query<{ name: string }>(
    "select tablename as name from pg_tables where schemaname = 'public' order by 1",
  );
  const tables = rows.map((r) => r.name).filter((n) => !volatile.has(n) && !n.startsWith("enrollment_"));
  fingerprintSql = `select ${tables
    .map(
      (n) =>
        `(select count(*) || ':' || coalesce(md5(string_agg(x::text, ',' order by x::text)), '') from "${n}" x)`,
    )
    .join(" || '|' || ")} as f`;
}, 300_000);
afterAll(async () => {
  await owner?.end();
  await t?.close();
});

async function fingerprint(): Promise<string> {
  const { rows } = await owner.query<{ f: string }>(fingerprintSql);
  return rows[0]?.f ?? "";
}

/** Lone surrogates cannot be percent-encoded; they go as the invalid UTF-8 a broken client sends. */
function urlPart(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return `${encodeURIComponent(
      Array.from(value)
        .filter((ch) => !/^[\uD800-\uDFFF]$/.test(ch))
        .join(""),
    )}%ED%A0%80`;
  }
}

function requestArbitrary(path: string, operation: Operation) {
  const params = operation.parameters ?? [];
  const pathParams = params.filter((p) => p.in === "path");
  const queryParams = params.filter((p) => p.in === "query");
  const body = operation.requestBody?.content["application/json"]?.schema;
  return fc.record({
    path: fc
      .tuple(...pathParams.map(() => nastyString))
      .map((values) =>
        pathParams.reduce(
          (p, param, i) => p.replace(`{${param.name}}`, urlPart(values[i] ?? "") || "x"),
          path,
        ),
      ),
    query: fc
      .tuple(...queryParams.map((q) => fc.option(fc.oneof(nastyString, arbitraryFor(q.schema).map(String)))))
      .map((values) =>
        queryParams
          .flatMap((q, i) =>
            values[i] == null ? [] : [`${q.name}=${urlPart(String(values[i]).slice(0, 5000))}`],
          )
          .join("&"),
      ),
    body: operation.requestBody ? arbitraryFor(body) : fc.constant(undefined),
  });
}

describe("bad input on every route", () => {
  it("never answers 500, and changes nothing when it refuses", async () => {
    expect(operations.length).toBeGreaterThan(50);
    const runs = Number(process.env.FUZZ_RUNS ?? 6);
    const problems: string[] = [];
    const statuses = new Map<number, number>();
    for (const { method, path, operation } of operations) {
      if (skipped.has(`${method} ${path}`)) continue;
      await fc.assert(
        fc.asyncProperty(requestArbitrary(path, operation), async (req) => {
          const before = await fingerprint();
          const url = req.query ? `${req.path}?${req.query}` : req.path;
          const res = await t.app.inject({
            method: method as "GET",
            url,
            headers: { cookie, authorization: `Bearer ${token}`, "x-requested-with": "ichimado" },
            ...(req.body === undefined
              ? {}
              : {
                  payload: JSON.stringify(req.body),
                  headers: {
                    cookie,
                    authorization: `Bearer ${token}`,
                    "x-requested-with": "ichimado",
                    "content-type": "application/json",
                  },
                }),
          });
          statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
          const label = `${method} ${url.slice(0, 200)} → ${res.statusCode}`;
          if (res.statusCode >= 500) problems.push(`${label}: ${res.body.slice(0, 200)}`);
          else if ((res.statusCode >= 400 || method === "GET") && (await fingerprint()) !== before) {
            problems.push(`${label}: changed rows`);
          }
        }),
        { numRuns: runs, seed: Number(process.env.FUZZ_SEED ?? 20261205) },
      );
    }
    if (process.env.FUZZ_VERBOSE) console.log(Object.fromEntries(statuses));
    expect(problems).toEqual([]);
    const requests = [...statuses.values()].reduce((a, b) => a + b, 0);
    const fuzzed = operations.filter(({ method, path }) => !skipped.has(`${method} ${path}`));
    expect(requests).toBe(fuzzed.length * runs);
    // the check can see a change: an accepted write moves the fingerprint
    const before = await fingerprint();
    const created = await t.call("POST", "/api/v1/cases", { cookie, body: { channel: "visit" } });
    expect(created.statusCode).toBe(201);
    expect(await fingerprint()).not.toBe(before);
  }, 900_000);

  it("refuses malformed JSON, deep nesting and a wrong content type with 4xx", async () => {
    const headers = { cookie, "x-requested-with": "ichimado", "content-type": "application/json" };
    for (const payload of ["{", '{"channel":', "\u0000", "[".repeat(100_000), '{"a":1}'.repeat(1000)]) {
      const res = await t.app.inject({ method: "POST", url: "/api/v1/cases", headers, payload });
      expect(res.statusCode, payload.slice(0, 20)).toBeGreaterThanOrEqual(400);
      expect(res.statusCode).toBeLessThan(500);
    }
    const xml = await t.app.inject({
      method: "POST",
      url: "/api/v1/cases",
      headers: { ...headers, "content-type": "application/xml" },
      payload: "<case/>",
    });
    expect(xml.statusCode).toBe(415);
  });
});
