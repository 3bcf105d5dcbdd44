import { effectivePermissions, type Role } from "@ichimado/core/auth/permissions";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defaultRoles } from "../staff/organisation.ts";
import { createTestApp, type TestApp } from "../testing/test-app.ts";

/**
 * Every permission route × every role × the counter the staff member acts at, held against the
 * permission model (core's effectivePermissions): a role is let through exactly where the model says,
 * at the counter where it holds the role and nowhere else, and each refusal is in the audit log.
 */
let t: TestApp;
const sessions: { role: Role; atAssigned: string; atOther: string }[] = [];

const otherRole: Role = {
  id: "matrixNothing",
  name: "権限なし",
  functions: [],
  visibleProgrammes: [],
  acceptedProgrammes: [],
};

/** No default role holds データ出力 without 統計: this one tells "any of" from "all of" and "the first". */
const exportOnlyRole: Role = {
  id: "matrixExportOnly",
  name: "データ出力のみ",
  functions: ["export"],
  visibleProgrammes: [],
  acceptedProgrammes: [],
};
const roles = [...defaultRoles, exportOnlyRole];

beforeAll(async () => {
  t = await createTestApp();
  for (const role of [otherRole, exportOnlyRole]) {
    await t.database.db
      .insertInto("role")
      .values({
        id: role.id,
        name: role.name,
        functions: role.functions,
        visible_programmes: [],
        accepted_programmes: [],
      })
      .execute();
  }
  for (const role of roles) {
    const loginId = `matrix-${role.id.toLowerCase()}`;
    await t.createStaff({
      loginId,
      assignments: [
        ["shimin", role.id],
        ["kankyo", otherRole.id],
      ],
    });
    const atAssigned = await t.login(loginId);
    const atOther = await t.login(loginId);
    for (const [cookie, counterId] of [
      [atAssigned, "shimin"],
      [atOther, "kankyo"],
    ] as const) {
      const chosen = await t.call("POST", "/api/v1/auth/counter", { cookie, body: { counterId } });
      expect(chosen.statusCode, chosen.body).toBe(200);
    }
    sessions.push({ role, atAssigned, atOther });
  }
}, 300_000);
afterAll(() => t?.close());

/** An id no row has, so an allowed call reaches the handler and changes nothing. */
const concrete = (url: string) => url.replace(/:[A-Za-z]+/g, "999999").replace(/\*$/, "x");
const guardRefusal = "現在の窓口ではこの操作を行う権限がありません";

describe("permission matrix", () => {
  it("lets each role through exactly the routes its permissions name, at its own counter only", async () => {
    const routes = t.app.routeRegistry.filter((r) => r.access.kind === "permission");
    expect(routes.length).toBeGreaterThan(20);
    // the 対応履歴 CSV is shared by 統計 and データ出力: the "any of" case is in the matrix
    expect(routes.some((r) => r.access.kind === "permission" && Array.isArray(r.access.permission))).toBe(
      true,
    );
    expect(sessions.length).toBe(roles.length);
    const deniedBefore = await deniedCount();
    let denied = 0;
    const mismatches: string[] = [];
    for (const { role, atAssigned, atOther } of sessions) {
      const model = effectivePermissions([role]);
      for (const route of routes) {
        if (route.access.kind !== "permission") continue;
        // a route naming several permissions lets through a role holding any one of them
        const expectedAllowed = [route.access.permission].flat().some((p) => model.functions.has(p));
        for (const [cookie, allowed] of [
          [atAssigned, expectedAllowed],
          [atOther, false],
        ] as const) {
          const res = await t.call(route.method as "GET", concrete(route.url), {
            cookie,
            body: route.method === "GET" || route.method === "DELETE" ? undefined : {},
          });
          const refused = res.statusCode === 403 && res.json().error?.message === guardRefusal;
          if (!allowed) denied += 1;
          if (res.statusCode === 401 || res.statusCode >= 500 || refused === allowed) {
            mismatches.push(
              `${role.id}@${cookie === atAssigned ? "shimin" : "kankyo"} ${route.method} ${route.url}: ${res.statusCode}`,
            );
          }
        }
      }
    }
    expect(mismatches).toEqual([]);
    expect((await deniedCount()) - deniedBefore).toBe(denied);
  }, 600_000);
});

async function deniedCount(): Promise<number> {
  const row = await t.database.db
    .selectFrom("audit_log")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("action", "=", "auth.denied")
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
