import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp, testPassword } from "../testing/test-app.ts";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ LOGIN_MAX_FAILURES: "3", LOCKOUT_MINUTES: "15" });
});
afterAll(() => t?.close());

const login = (loginId: string, password: string) =>
  t.call("POST", "/api/v1/auth/login", { body: { loginId, password } });

async function staffRow(loginId: string) {
  return t.database.db
    .selectFrom("staff_user")
    .selectAll()
    .where("login_id", "=", loginId)
    .executeTakeFirstOrThrow();
}

describe("login", () => {
  it("refuses a wrong password, counts it and records it in the audit log", async () => {
    await t.createStaff({ loginId: "wrongpw", assignments: [["shimin", "residentClerk"]] });
    const res = await login("wrongpw", "not-the-password-1");
    expect(res.statusCode).toBe(401);
    expect(res.json().error).toMatchObject({
      code: "LOGIN_FAILED",
      message: "ログインIDまたはパスワードが正しくありません",
    });
    expect(res.cookies.find((c) => c.name === "ichimado_session")).toBeUndefined();
    expect((await staffRow("wrongpw")).failed_attempts).toBe(1);
    const audit = await t.database.db
      .selectFrom("audit_log")
      .selectAll()
      .where("login_id", "=", "wrongpw")
      .orderBy("seq", "desc")
      .executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ action: "auth.login", outcome: "failure" });
    expect(audit.detail).toMatchObject({ reason: "wrongPassword", failedAttempts: 1 });
  });

  it("answers an unknown login ID exactly like a wrong password", async () => {
    const res = await login("nobody-here", "whatever-password-1");
    expect(res.statusCode).toBe(401);
    expect(res.json().error.message).toBe("ログインIDまたはパスワードが正しくありません");
  });

  it("locks the account after the configured number of failures, even against the right password", async () => {
    await t.createStaff({ loginId: "locker", assignments: [["shimin", "residentClerk"]] });
    for (let i = 0; i < 3; i++) expect((await login("locker", "bad-password-xx")).statusCode).toBe(401);
    const locked = await login("locker", testPassword);
    expect(locked.statusCode).toBe(423);
    expect(locked.json().error.code).toBe("ACCOUNT_LOCKED");
    expect(locked.json().error.message).toMatch(/ロックされています/);
    expect((await staffRow("locker")).locked_until).not.toBeNull();
    // Once the lock has passed, the right password works again and the counter is reset.
    await t.database.db
      .updateTable("staff_user")
      .set({ locked_until: new Date(Date.now() - 1000) })
      .where("login_id", "=", "locker")
      .execute();
    expect((await login("locker", testPassword)).statusCode).toBe(200);
    expect((await staffRow("locker")).failed_attempts).toBe(0);
  });

  it("refuses an account outside its validity period", async () => {
    await t.createStaff({
      loginId: "expired",
      validTo: "2024-03-31",
      assignments: [["shimin", "residentClerk"]],
    });
    await t.createStaff({
      loginId: "future",
      validFrom: "2099-04-01",
      assignments: [["shimin", "residentClerk"]],
    });
    for (const id of ["expired", "future"]) {
      const res = await login(id, testPassword);
      expect(res.statusCode).toBe(401);
      expect(res.json().error.message).toMatch(/有効期間外/);
    }
  });

  it("ends a session when the account expires while logged in", async () => {
    await t.createStaff({ loginId: "midday", assignments: [["shimin", "residentClerk"]] });
    const cookie = await t.login("midday");
    expect((await t.call("GET", "/api/v1/auth/session", { cookie })).statusCode).toBe(200);
    await t.database.db
      .updateTable("staff_user")
      .set({ valid_to: "2020-04-02" })
      .where("login_id", "=", "midday")
      .execute();
    expect((await t.call("GET", "/api/v1/auth/session", { cookie })).statusCode).toBe(401);
  });

  it("answers malformed login bodies with 400 and Japanese messages, never 500", async () => {
    for (const body of [
      {},
      { loginId: "" },
      { loginId: "a b", password: "x" },
      { loginId: "x".repeat(300), password: "y" },
    ]) {
      const res = await t.call("POST", "/api/v1/auth/login", { body });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe("VALIDATION");
      expect(res.json().error.issues.length).toBeGreaterThan(0);
    }
    const broken = await t.app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      headers: { "content-type": "application/json", "x-requested-with": "ichimado" },
      payload: "{not json",
    });
    expect(broken.statusCode).toBe(400);
    expect(broken.json().error.message).toMatch(/形式/);
  });

  it("refuses state-changing requests without the CSRF header", async () => {
    const res = await t.call("POST", "/api/v1/auth/login", {
      body: { loginId: "x", password: "y" },
      csrf: false,
    });
    expect(res.statusCode).toBe(403);
  });
});

describe("sessions and counters", () => {
  it("switches permissions with the counter: a route needing a permission held only at Y works only after switching to Y", async () => {
    await t.createStaff({
      loginId: "twohats",
      assignments: [
        ["shimin", "residentClerk"],
        ["johoseisaku", "auditor"],
      ],
    });
    const cookie = await t.login("twohats");

    const noCounter = await t.call("GET", "/api/v1/audit/entries", { cookie });
    expect(noCounter.statusCode).toBe(403);
    expect(noCounter.json().error.code).toBe("COUNTER_REQUIRED");

    const atShimin = await t.call("POST", "/api/v1/auth/counter", { cookie, body: { counterId: "shimin" } });
    expect(atShimin.statusCode).toBe(200);
    expect(atShimin.json().functions).toContain("search");
    expect(atShimin.json().functions).not.toContain("auditView");
    const denied = await t.call("GET", "/api/v1/audit/entries", { cookie });
    expect(denied.statusCode).toBe(403);
    expect(denied.json().error.code).toBe("FORBIDDEN");

    const atJoho = await t.call("POST", "/api/v1/auth/counter", {
      cookie,
      body: { counterId: "johoseisaku" },
    });
    expect(atJoho.json().counter.id).toBe("johoseisaku");
    const allowed = await t.call("GET", "/api/v1/audit/entries?limit=5", { cookie });
    expect(allowed.statusCode).toBe(200);
    expect(allowed.json().entries.length).toBeGreaterThan(0);

    // Back at 市民課 the permission is gone again, and the refusal is audited.
    await t.call("POST", "/api/v1/auth/counter", { cookie, body: { counterId: "shimin" } });
    expect((await t.call("GET", "/api/v1/audit/entries", { cookie })).statusCode).toBe(403);
    const deniedRows = await t.database.db
      .selectFrom("audit_log")
      .select(["action", "outcome", "counter_id"])
      .where("login_id", "=", "twohats")
      .where("action", "=", "auth.denied")
      .execute();
    expect(deniedRows.length).toBeGreaterThanOrEqual(2);
    expect(deniedRows.every((r) => r.counter_id === "shimin" && r.outcome === "denied")).toBe(true);
  });

  it("does not let staff choose a counter where they hold no role", async () => {
    await t.createStaff({ loginId: "onlyshimin", assignments: [["shimin", "residentClerk"]] });
    const cookie = await t.login("onlyshimin");
    const res = await t.call("POST", "/api/v1/auth/counter", { cookie, body: { counterId: "johoseisaku" } });
    expect(res.statusCode).toBe(403);
    const session = await t.call("GET", "/api/v1/auth/session", { cookie });
    expect(session.json().counter).toBeNull();
  });

  it("forces an initial password change before anything else, with the policy enforced", async () => {
    await t.createStaff({
      loginId: "newbie",
      mustChangePassword: true,
      assignments: [["shimin", "residentClerk"]],
    });
    const cookie = await t.login("newbie");
    const blocked = await t.call("POST", "/api/v1/auth/counter", { cookie, body: { counterId: "shimin" } });
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error.code).toBe("PASSWORD_CHANGE_REQUIRED");

    const weak = await t.call("POST", "/api/v1/auth/password", {
      cookie,
      body: { currentPassword: testPassword, newPassword: "short" },
    });
    expect(weak.statusCode).toBe(400);
    expect(
      weak
        .json()
        .error.issues.map((i: { message: string }) => i.message)
        .join(),
    ).toMatch(/12文字以上/);

    const wrongCurrent = await t.call("POST", "/api/v1/auth/password", {
      cookie,
      body: { currentPassword: "not-it-at-all-1", newPassword: "a-much-better-pass-9" },
    });
    expect(wrongCurrent.statusCode).toBe(400);

    const ok = await t.call("POST", "/api/v1/auth/password", {
      cookie,
      body: { currentPassword: testPassword, newPassword: "a-much-better-pass-9" },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().mustChangePassword).toBe(false);
    expect(
      (await t.call("POST", "/api/v1/auth/counter", { cookie, body: { counterId: "shimin" } })).statusCode,
    ).toBe(200);
    expect((await login("newbie", testPassword)).statusCode).toBe(401);
    expect((await login("newbie", "a-much-better-pass-9")).statusCode).toBe(200);
  });

  it("ends the session at logout and after the idle timeout", async () => {
    await t.createStaff({ loginId: "leaver", assignments: [["shimin", "residentClerk"]] });
    const cookie = await t.login("leaver");
    expect((await t.call("POST", "/api/v1/auth/logout", { cookie })).statusCode).toBe(204);
    expect((await t.call("GET", "/api/v1/auth/session", { cookie })).statusCode).toBe(401);

    const idle = await t.login("leaver");
    await t.database.db
      .updateTable("staff_session")
      .set({ last_seen_at: new Date(Date.now() - t.config.session.idleMs - 1000) })
      .execute();
    const res = await t.call("GET", "/api/v1/auth/session", { cookie: idle });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe("UNAUTHENTICATED");
  });

  it("stores only a hash of the session token", async () => {
    await t.createStaff({ loginId: "hashcheck", assignments: [["shimin", "residentClerk"]] });
    const cookie = await t.login("hashcheck");
    const token = cookie.split("=")[1] as string;
    const rows = await t.database.db.selectFrom("staff_session").select("token_hash").execute();
    expect(rows.some((r) => r.token_hash === token)).toBe(false);
    expect(rows.every((r) => /^[0-9a-f]{64}$/.test(r.token_hash))).toBe(true);
  });
});
