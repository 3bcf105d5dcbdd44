import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../testing/test-app.ts";

/**
 * Walks every registered route, so a route added later without a guard fails here: no session →
 * 401, a session whose role at the current counter grants nothing → 403 on every permission route.
 */
let t: TestApp;
let powerless: string;
beforeAll(async () => {
  t = await createTestApp();
  await t.database.db
    .insertInto("role")
    .values({
      id: "nothing",
      name: "権限なし",
      functions: [],
      visible_programmes: [],
      accepted_programmes: [],
    })
    .execute();
  powerless = await t.loginAt("powerless", "shimin", "nothing");
});
afterAll(() => t?.close());

const concrete = (url: string) => url.replace(/:[A-Za-z]+/g, "1").replace(/\*$/, "x");

describe("every route is guarded", () => {
  it("has API routes registered, each with a declared access", () => {
    const api = t.app.routeRegistry.filter((r) => r.url.startsWith("/api"));
    expect(api.length).toBeGreaterThan(5);
    for (const r of api) expect(["public", "session", "permission", "token"]).toContain(r.access.kind);
  });

  it("answers 401 to a staff session on every route for robots (they take an API token only)", async () => {
    const tokenRoutes = t.app.routeRegistry.filter((r) => r.access.kind === "token");
    expect(tokenRoutes.length).toBeGreaterThan(0);
    for (const route of tokenRoutes) {
      const res = await t.call(route.method as "GET", concrete(route.url), {
        cookie: powerless,
        body: route.method === "GET" ? undefined : {},
      });
      expect(res.statusCode, `${route.method} ${route.url}`).toBe(401);
    }
  });

  it("answers 401 without a session on every non-public route", async () => {
    const guarded = t.app.routeRegistry.filter((r) => r.access.kind !== "public");
    expect(guarded.length).toBeGreaterThan(0);
    for (const route of guarded) {
      const res = await t.call(route.method as "GET", concrete(route.url), {
        body: route.method === "GET" ? undefined : {},
      });
      expect(res.statusCode, `${route.method} ${route.url}`).toBe(401);
      expect(res.json().error.code).toBe("UNAUTHENTICATED");
    }
  });

  it("answers 403 on every permission route for a role without that permission", async () => {
    const permissionRoutes = t.app.routeRegistry.filter((r) => r.access.kind === "permission");
    expect(permissionRoutes.length).toBeGreaterThan(0);
    for (const route of permissionRoutes) {
      const res = await t.call(route.method as "GET", concrete(route.url), {
        cookie: powerless,
        body: route.method === "GET" ? undefined : {},
      });
      expect(res.statusCode, `${route.method} ${route.url}`).toBe(403);
      expect(res.json().error.code).toBe("FORBIDDEN");
    }
  });

  it("refuses to register an API route that does not declare its access", async () => {
    const { default: Fastify } = await import("fastify");
    const { installGuard } = await import("./guard.ts");
    const bare = Fastify();
    installGuard(bare, t.ctx);
    expect(() => bare.get("/api/v1/forgotten", async () => ({}))).toThrow(/does not declare its access/);
  });
});
