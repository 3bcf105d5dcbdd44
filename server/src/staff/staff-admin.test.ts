import type { StaffSaved, StaffSummary } from "@ichimado/core/staff/schemas";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../testing/test-app.ts";

/** Staff accounts, counters and roles administered on a real database as the app role. */
let t: TestApp;
let admin: string;
let adminId: number;

beforeAll(async () => {
  t = await createTestApp();
  adminId = await t.createStaff({ loginId: "staffadmin", assignments: [["johoseisaku", "systemAdmin"]] });
  admin = await t.login("staffadmin");
  await t.call("POST", "/api/v1/auth/counter", { cookie: admin, body: { counterId: "johoseisaku" } });
}, 180_000);
afterAll(async () => {
  await t?.close();
});

const listed = async (loginId: string) => {
  const res = await t.call("GET", "/api/v1/admin/staff", { cookie: admin });
  expect(res.statusCode, res.body).toBe(200);
  return (res.json().staff as StaffSummary[]).find((s) => s.loginId === loginId) as StaffSummary;
};
const sessionsOf = async (staffId: number) =>
  (
    await t.database.db
      .selectFrom("staff_session")
      .select("token_hash")
      .where("staff_id", "=", staffId)
      .execute()
  ).length;
const auditOf = (target: string) =>
  t.database.db
    .selectFrom("audit_log")
    .select(["action", "detail", "outcome", "login_id"])
    .where("target", "=", target)
    .where("action", "=", "staff.change")
    .orderBy("seq")
    .execute();

describe("staff accounts", () => {
  it("creates an account with a one-time password shown once, which must be changed at first login", async () => {
    const body = {
      loginId: "newclerk",
      name: "髙﨑 花子",
      department: "市民課",
      validFrom: "2020-04-01",
      validTo: null,
      assignments: [{ counterId: "shimin", roleId: "residentClerk" }],
      password: null,
    };
    const res = await t.call("POST", "/api/v1/admin/staff", { cookie: admin, body });
    expect(res.statusCode, res.body).toBe(201);
    const saved = res.json() as StaffSaved;
    expect(saved.oneTimePassword).toMatch(/^[A-Za-z0-9-]{14}$/);
    expect(saved.staff).toMatchObject({ loginId: "newclerk", name: "髙﨑 花子", mustChangePassword: true });
    const login = await t.call("POST", "/api/v1/auth/login", {
      body: { loginId: "newclerk", password: saved.oneTimePassword },
    });
    expect(login.statusCode, login.body).toBe(200);
    expect(login.json().mustChangePassword).toBe(true);
    const [row] = await auditOf(`staff_user:${saved.staff.id}`);
    expect(row).toMatchObject({ action: "staff.change", outcome: "success", login_id: "staffadmin" });
    expect(JSON.stringify(row?.detail)).not.toContain(saved.oneTimePassword as string);

    const again = await t.call("POST", "/api/v1/admin/staff", {
      cookie: admin,
      body: { ...body, loginId: "NewClerk" },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toBe("ログインID「NewClerk」はすでに使われています");
  });

  it("refuses a password against the policy and an unknown counter in Japanese with 400", async () => {
    const body = {
      loginId: "weak",
      name: "弱い パスワード",
      department: null,
      validFrom: "2020-04-01",
      validTo: null,
      assignments: [{ counterId: "shimin", roleId: "residentClerk" }],
      password: "short",
    };
    const weak = await t.call("POST", "/api/v1/admin/staff", { cookie: admin, body });
    expect(weak.statusCode).toBe(400);
    expect(weak.body).toContain("パスワードは12文字以上にしてください");
    const unknown = await t.call("POST", "/api/v1/admin/staff", {
      cookie: admin,
      body: { ...body, password: null, assignments: [{ counterId: "nowhere", roleId: "residentClerk" }] },
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.message).toBe("窓口「nowhere」はありません");
  });

  it("moves a clerk to another counter: their sessions end at once; a stale save is refused with 409", async () => {
    const id = await t.createStaff({ loginId: "mover", assignments: [["shimin", "residentClerk"]] });
    const clerk = await t.login("mover");
    await t.call("POST", "/api/v1/auth/counter", { cookie: clerk, body: { counterId: "shimin" } });
    const before = await listed("mover");
    const edit = {
      name: "異動 一郎",
      department: "保険年金課",
      validFrom: "2020-04-01",
      validTo: "2030-03-31",
      assignments: [{ counterId: "hokennenkin", roleId: "insuranceClerk" }],
      expectedUpdatedAt: before.updatedAt,
    };
    const saved = await t.call("PUT", `/api/v1/admin/staff/${id}`, { cookie: admin, body: edit });
    expect(saved.statusCode, saved.body).toBe(200);
    expect((saved.json() as StaffSaved).staff).toMatchObject({
      name: "異動 一郎",
      department: "保険年金課",
      validTo: "2030-03-31",
      assignments: [{ counterId: "hokennenkin", roleId: "insuranceClerk" }],
    });
    expect(await sessionsOf(id)).toBe(0);
    expect((await t.call("GET", "/api/v1/auth/session", { cookie: clerk })).statusCode).toBe(401);

    const stale = await t.call("PUT", `/api/v1/admin/staff/${id}`, {
      cookie: admin,
      body: { ...edit, name: "古い 画面" },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.message).toContain("他の管理者が更新しました");
    expect((await listed("mover")).name).toBe("異動 一郎");

    const audit = await auditOf(`staff_user:${id}`);
    expect(audit.map((a) => a.detail)).toEqual([
      expect.objectContaining({ operation: "update", assignmentRemoved: true, sessionsEnded: 1 }),
    ]);
  });

  it("disables (ending sessions), enables, unlocks and resets a password", async () => {
    const id = await t.createStaff({ loginId: "locked01", assignments: [["shimin", "residentClerk"]] });
    await t.login("locked01");
    let current = await listed("locked01");
    const act = async (action: string) => {
      const res = await t.call("POST", `/api/v1/admin/staff/${id}/${action}`, {
        cookie: admin,
        body: { expectedUpdatedAt: current.updatedAt },
      });
      expect(res.statusCode, res.body).toBe(200);
      current = (res.json() as StaffSaved).staff;
      return res.json() as StaffSaved;
    };
    expect((await act("disable")).staff.disabled).toBe(true);
    expect(await sessionsOf(id)).toBe(0);
    expect(
      (
        await t.call("POST", "/api/v1/auth/login", {
          body: { loginId: "locked01", password: "correct-horse-42" },
        })
      ).statusCode,
    ).toBe(401);
    expect((await act("enable")).staff.disabled).toBe(false);

    await t.database.db
      .updateTable("staff_user")
      .set({ locked_until: new Date(Date.now() + 600_000), updated_at: new Date() })
      .where("id", "=", id)
      .execute();
    current = await listed("locked01");
    expect(current.locked).toBe(true);
    expect((await act("unlock")).staff.locked).toBe(false);
    const reset = await act("reset-password");
    expect(reset.staff.mustChangePassword).toBe(true);
    const login = await t.call("POST", "/api/v1/auth/login", {
      body: { loginId: "locked01", password: reset.oneTimePassword },
    });
    expect(login.statusCode).toBe(200);
    expect(
      (await auditOf(`staff_user:${id}`)).map((a) => (a.detail as { operation: string }).operation),
    ).toEqual(["disable", "enable", "unlock", "resetPassword"]);
  });

  it("refuses an administrator disabling themself or removing their own last staffAdmin assignment", async () => {
    const self = await listed("staffadmin");
    const disable = await t.call("POST", `/api/v1/admin/staff/${adminId}/disable`, {
      cookie: admin,
      body: { expectedUpdatedAt: self.updatedAt },
    });
    expect(disable.statusCode).toBe(409);
    expect(disable.json().error.message).toContain("自分を無効にしたり");
    const strip = await t.call("PUT", `/api/v1/admin/staff/${adminId}`, {
      cookie: admin,
      body: {
        name: self.name,
        department: null,
        validFrom: self.validFrom,
        validTo: null,
        assignments: [{ counterId: "johoseisaku", roleId: "residentClerk" }],
        expectedUpdatedAt: self.updatedAt,
      },
    });
    expect(strip.statusCode).toBe(409);
    const after = await listed("staffadmin");
    expect(after).toMatchObject({
      disabled: false,
      assignments: [{ counterId: "johoseisaku", roleId: "systemAdmin" }],
    });
    expect(await sessionsOf(adminId)).toBe(1);
    expect((await auditOf(`staff_user:${adminId}`)).map((a) => [a.outcome, a.detail])).toEqual([
      ["denied", { refused: "selfLockout" }],
      ["denied", { refused: "selfLockout" }],
    ]);
  });

  it("refuses every administration call to staff without staffAdmin with 403", async () => {
    await t.createStaff({ loginId: "plainclerk", assignments: [["shimin", "residentClerk"]] });
    const clerk = await t.login("plainclerk");
    await t.call("POST", "/api/v1/auth/counter", { cookie: clerk, body: { counterId: "shimin" } });
    for (const [method, url] of [
      ["GET", "/api/v1/admin/staff"],
      ["POST", "/api/v1/admin/staff"],
      ["POST", `/api/v1/admin/staff/${adminId}/disable`],
      ["PUT", "/api/v1/admin/roles/systemAdmin"],
      ["POST", "/api/v1/admin/staff/import/preview"],
    ] as const)
      expect((await t.call(method, url, { cookie: clerk, body: {} })).statusCode, url).toBe(403);
  });
});

describe("counters and roles", () => {
  it("adds, renames and deactivates a counter, taking it out of the counter choice", async () => {
    const created = await t.call("POST", "/api/v1/admin/counters", {
      cookie: admin,
      body: {
        id: "kaisei",
        name: "臨時窓口",
        kind: "department",
        department: "市民課",
        place: "1階",
        active: true,
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = await t.createStaff({
      loginId: "temp01",
      assignments: [
        ["kaisei", "residentClerk"],
        ["shimin", "residentClerk"],
      ],
    });
    const clerk = await t.login("temp01");
    await t.call("POST", "/api/v1/auth/counter", { cookie: clerk, body: { counterId: "kaisei" } });
    const update = {
      name: "臨時窓口（閉鎖）",
      kind: "department",
      department: "市民課",
      place: null,
      active: false,
      expectedVersion: created.json().version,
    };
    const saved = await t.call("PUT", "/api/v1/admin/counters/kaisei", { cookie: admin, body: update });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ name: "臨時窓口（閉鎖）", active: false, place: null });
    const session = await t.call("GET", "/api/v1/auth/session", { cookie: clerk });
    expect(session.json().counter).toBeNull();
    expect(session.json().counters.map((c: { id: string }) => c.id)).toEqual(["shimin"]);
    expect(id).toBeGreaterThan(0);
    const stale = await t.call("PUT", "/api/v1/admin/counters/kaisei", { cookie: admin, body: update });
    expect(stale.statusCode).toBe(409);
    expect(
      (await auditOf("counter:kaisei")).map((a) => (a.detail as { operation: string }).operation),
    ).toEqual(["create", "update"]);
  });

  it("adds and edits a role, refusing an edit that leaves no staffAdmin for the administrator", async () => {
    const created = await t.call("POST", "/api/v1/admin/roles", {
      cookie: admin,
      body: {
        id: "reader",
        name: "照会のみ",
        functions: ["search"],
        visibleProgrammes: ["residency"],
        acceptedProgrammes: [],
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const edited = await t.call("PUT", "/api/v1/admin/roles/reader", {
      cookie: admin,
      body: {
        name: "照会と印刷",
        functions: ["search", "print"],
        visibleProgrammes: ["residency"],
        acceptedProgrammes: [],
        expectedVersion: created.json().version,
      },
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ name: "照会と印刷", functions: ["search", "print"] });

    const roles = (await t.call("GET", "/api/v1/admin/roles", { cookie: admin })).json().roles as {
      id: string;
      name: string;
      functions: string[];
      visibleProgrammes: string[];
      acceptedProgrammes: string[];
      version: string;
    }[];
    const sys = roles.find((r) => r.id === "systemAdmin");
    if (!sys) throw new Error("no systemAdmin role");
    const { id: _, version, ...rest } = sys;
    const lockout = await t.call("PUT", "/api/v1/admin/roles/systemAdmin", {
      cookie: admin,
      body: { ...rest, functions: sys.functions.filter((f) => f !== "staffAdmin"), expectedVersion: version },
    });
    expect(lockout.statusCode).toBe(409);
    expect(lockout.json().error.message).toContain("職員・権限管理を使えなくなり");
    const still = (await t.call("GET", "/api/v1/admin/roles", { cookie: admin })).json().roles;
    expect(still.find((r: { id: string }) => r.id === "systemAdmin").functions).toContain("staffAdmin");
  });
});
