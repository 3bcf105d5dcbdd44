import type { ApiTokenSummary } from "@ichimado/core/auth/api-tokens";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../testing/test-app.ts";

/** API tokens issued and revoked by an administrator, on a real database as the app role. */
let t: TestApp;
let admin: string;
let clerk: string;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.loginAt("tokenadmin", "johoseisaku", "systemAdmin");
  clerk = await t.loginAt("tokenclerk", "shimin", "residentClerk");
}, 180_000);
afterAll(async () => {
  await t?.close();
});

const claim = (token: string) => t.call("POST", "/api/v1/rpa/jobs/claim", { token, body: {}, csrf: false });
const list = async () => {
  const res = await t.call("GET", "/api/v1/admin/api-tokens", { cookie: admin });
  expect(res.statusCode, res.body).toBe(200);
  return res;
};

describe("API tokens managed by administrators", () => {
  it("issues a token shown once that a robot can use, lists it without its hash, and revokes it", async () => {
    const created = await t.call("POST", "/api/v1/admin/api-tokens", {
      cookie: admin,
      body: { name: "robot-1", scopes: ["rpa"] },
    });
    expect(created.statusCode, created.body).toBe(201);
    const { name, token } = created.json() as { name: string; token: string };
    expect(name).toBe("robot-1");
    expect(token).toMatch(/^ichimado_[A-Za-z0-9_-]{43}$/);

    expect((await claim(token)).json()).toEqual({ jobs: [] });

    const listed = await list();
    expect(listed.body).not.toContain(token);
    const stored = await t.database.db
      .selectFrom("api_token")
      .select("token_hash")
      .where("name", "=", "robot-1")
      .executeTakeFirstOrThrow();
    expect(listed.body).not.toContain(stored.token_hash);
    const [row] = (listed.json() as { tokens: ApiTokenSummary[] }).tokens;
    expect(Object.keys(row ?? {}).sort()).toEqual(
      ["createdAt", "createdBy", "lastUsedAt", "name", "revokedAt", "scopes"].sort(),
    );
    expect(row).toMatchObject({
      name: "robot-1",
      scopes: ["rpa"],
      createdBy: "テスト tokenadmin",
      revokedAt: null,
    });
    expect(row?.lastUsedAt).not.toBeNull();

    const revoked = await t.call("DELETE", "/api/v1/admin/api-tokens/robot-1", { cookie: admin });
    expect(revoked.statusCode, revoked.body).toBe(204);
    const refused = await claim(token);
    expect(refused.statusCode).toBe(401);
    const [after] = (await list()).json().tokens as ApiTokenSummary[];
    expect(after?.revokedAt).not.toBeNull();

    const again = await t.call("DELETE", "/api/v1/admin/api-tokens/robot-1", { cookie: admin });
    expect(again.statusCode).toBe(404);
    expect(again.json().error.message).toBe(
      "有効なトークン「robot-1」はありません（失効済みか、未発行です）",
    );

    // Each change is audited under the administrator, and the token is in no audit row.
    const audit = await t.database.db
      .selectFrom("audit_log")
      .select(["action", "target", "login_id", "detail", "outcome"])
      .where("target", "=", "api-token:robot-1")
      .orderBy("seq")
      .execute();
    expect(audit).toEqual([
      {
        action: "settings.change",
        target: "api-token:robot-1",
        login_id: "tokenadmin",
        detail: { operation: "create", scopes: ["rpa"] },
        outcome: "success",
      },
      {
        action: "settings.change",
        target: "api-token:robot-1",
        login_id: "tokenadmin",
        detail: { operation: "revoke" },
        outcome: "success",
      },
    ]);
    const everything = await t.database.db.selectFrom("audit_log").selectAll().execute();
    expect(JSON.stringify(everything)).not.toContain(token);
  });

  it("refuses a name already used, even by a revoked token, with 409 in Japanese", async () => {
    const body = { name: "robot-dup", scopes: ["rpa"] };
    expect((await t.call("POST", "/api/v1/admin/api-tokens", { cookie: admin, body })).statusCode).toBe(201);
    const twice = await t.call("POST", "/api/v1/admin/api-tokens", { cookie: admin, body });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.message).toBe(
      "トークン「robot-dup」はすでにあります。失効したトークンの名前も使えないため、別の名前にしてください",
    );
    await t.call("DELETE", "/api/v1/admin/api-tokens/robot-dup", { cookie: admin });
    expect((await t.call("POST", "/api/v1/admin/api-tokens", { cookie: admin, body })).statusCode).toBe(409);
  });

  it("refuses bad names and scopes with 400 in Japanese, never 500", async () => {
    for (const body of [
      { name: "Robot 1", scopes: ["rpa"] },
      { name: "ロボット", scopes: ["rpa"] },
      { name: "r", scopes: ["rpa"] },
      { name: "-robot", scopes: ["rpa"] },
      { name: "a".repeat(42), scopes: ["rpa"] },
    ]) {
      const res = await t.call("POST", "/api/v1/admin/api-tokens", { cookie: admin, body });
      expect(res.statusCode, body.name).toBe(400);
      expect(res.json().error.message).toBe(
        "名前は半角英小文字・数字・ハイフンで2〜41文字にしてください（先頭は英小文字か数字）",
      );
    }
    for (const body of [
      { name: "robot-x", scopes: [] },
      { name: "robot-x", scopes: ["admin"] },
      { name: "robot-x" },
      { name: "robot-x", scopes: ["rpa"], token: "mine" },
      ["robot-x"],
    ]) {
      const res = await t.call("POST", "/api/v1/admin/api-tokens", { cookie: admin, body });
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().error.message).toMatch(/[ぁ-んァ-ン一-龥]/);
    }
    const empty = await t.call("POST", "/api/v1/admin/api-tokens", {
      cookie: admin,
      body: { name: "robot-x", scopes: [] },
    });
    expect(empty.json().error.message).toBe("用途を1つ以上選んでください");
    const badParam = await t.call("DELETE", "/api/v1/admin/api-tokens/NOT%20A%20NAME", { cookie: admin });
    expect(badParam.statusCode).toBe(400);
    expect((await list()).json().tokens.map((x: ApiTokenSummary) => x.name)).not.toContain("robot-x");
  });

  it("is for administrators only: a counter clerk gets 403, a robot's token 401", async () => {
    const made = await t.call("POST", "/api/v1/admin/api-tokens", {
      cookie: admin,
      body: { name: "robot-own", scopes: ["rpa"] },
    });
    const { token } = made.json() as { token: string };
    for (const [method, url] of [
      ["GET", "/api/v1/admin/api-tokens"],
      ["POST", "/api/v1/admin/api-tokens"],
      ["DELETE", "/api/v1/admin/api-tokens/robot-own"],
    ] as const) {
      const body = method === "POST" ? { name: "clerk-made", scopes: ["rpa"] } : undefined;
      expect((await t.call(method, url, { cookie: clerk, body })).statusCode, `${method} ${url}`).toBe(403);
      expect((await t.call(method, url, { token, body, csrf: false })).statusCode, `${method} ${url}`).toBe(
        401,
      );
    }
    const names = ((await list()).json().tokens as ApiTokenSummary[]).map((x) => x.name);
    expect(names).not.toContain("clerk-made");
    expect((await claim(token)).statusCode).toBe(200);
    const denied = await t.database.db
      .selectFrom("audit_log")
      .select(["action", "login_id"])
      .where("action", "=", "auth.denied")
      .where("login_id", "=", "tokenclerk")
      .execute();
    expect(denied).toHaveLength(3);
  });
});
