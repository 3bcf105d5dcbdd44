import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyAuditChain } from "../audit/verify.ts";
import { withOwner } from "../db/owner.ts";
import { insertHouseholds, plainMember } from "../testing/register-fixture.ts";
import { createTestApp, type TestApp, testAuditKey } from "../testing/test-app.ts";
import { erasedTables, erasePersonalData } from "./erase.ts";

/** E③: at the end of the contract every person's data goes; the configuration stays. */
let t: TestApp;
const count = (table: string) =>
  withOwner(t.database.ownerUrl, async (db) =>
    Number((await sql<{ n: string }>`select count(*) as n from ${sql.id(table)}`.execute(db)).rows[0]?.n),
  );

beforeAll(async () => {
  t = await createTestApp();
  await insertHouseholds(t.database.ownerUrl, [
    {
      id: "H960",
      townCode: "T001",
      lot: "9-6",
      members: [plainMember("9600000001", "消去　一郎", "世帯主")],
      supportMeasure: true,
    },
  ]);
  const cookie = await t.loginAt("eraseclerk", "shimin", "residentClerk");
  const opened = await t.call("POST", "/api/v1/cases", { cookie, body: { channel: "visit" } });
  const caseId = (opened.json() as { id: number }).id;
  await t.call("POST", `/api/v1/cases/${caseId}/memos`, { cookie, body: { text: "消去される" } });
  await t.call("POST", `/api/v1/cases/${caseId}/subjects`, { cookie, body: { personId: "9600000001" } });
}, 180_000);
afterAll(async () => {
  await t?.close();
});

describe("erasing all personal data", () => {
  it("empties the register, the cases and the audit log, makes staff anonymous, keeps the configuration", async () => {
    expect(await count("person")).toBeGreaterThan(0);
    expect(await count("case_memo")).toBe(1);
    const catalogVersions = await count("catalog_version");
    const counters = await count("counter");
    const towns = await count("address_town");

    const report = await withOwner(t.database.ownerUrl, erasePersonalData);
    expect(report.deleted.person).toBe(1);
    expect(report.deleted.support_measure).toBe(1);
    expect(report.deleted.case_memo).toBe(1);
    expect(report.deleted.audit_log).toBeGreaterThan(0);
    expect(report.lastAuditHash).toMatch(/^[0-9a-f]{64}$/);
    for (const table of erasedTables) expect(await count(table), table).toBe(0);
    expect(await count("catalog_version")).toBe(catalogVersions);
    expect(await count("counter")).toBe(counters);
    expect(await count("address_town")).toBe(towns);

    const staff = await t.database.db.selectFrom("staff_user").select(["login_id", "name"]).execute();
    expect(staff.length).toBe(report.staffAnonymised);
    for (const s of staff)
      expect(s).toMatchObject({ login_id: expect.stringMatching(/^erased-\d+$/), name: "消去済みの職員" });
    const login = await t.call("POST", "/api/v1/auth/login", {
      body: { loginId: "eraseclerk", password: "x" },
    });
    expect(login.statusCode).toBe(401);

    // The audit log starts again, and its new chain verifies; deletion stays refused afterwards.
    await t.ctx.audit.write(
      t.database.db,
      { staffId: null, loginId: "system:cli", counterId: null, clientIp: null },
      {
        action: "person.delete",
        target: "city:all",
        outcome: "success",
      },
    );
    expect((await verifyAuditChain(t.database.db, testAuditKey)).ok).toBe(true);
    await expect(
      withOwner(t.database.ownerUrl, (db) => sql`delete from audit_log`.execute(db)),
    ).rejects.toThrow(/監査証跡は変更・削除できません/);
  });
});
