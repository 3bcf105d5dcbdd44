import type { CaseDetail } from "@ichimado/core/cases/schemas";
import type { CatalogView } from "@ichimado/core/catalog/admin-schemas";
import type { CatalogFile } from "@ichimado/core/catalog/catalog-file";
import { japanDate } from "@ichimado/core/common/dates";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertHouseholds } from "../testing/register-fixture.ts";
import { createTestApp, type TestApp } from "../testing/test-app.ts";

let t: TestApp;
const cookies: Record<string, string> = {};

const call = (who: string, method: "GET" | "POST" | "PUT", url: string, body?: unknown) =>
  t.call(method, url, { cookie: cookies[who], ...(body === undefined ? {} : { body }) });

async function catalog(): Promise<CatalogView> {
  const res = await call("admin", "GET", "/api/v1/admin/catalog");
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as CatalogView;
}

beforeAll(async () => {
  t = await createTestApp();
  await insertHouseholds(t.database.ownerUrl, [
    {
      id: "H1",
      townCode: "T001",
      lot: "1",
      members: [
        {
          id: "9300000001",
          name: "出雲　一",
          nameKana: "イズモ　ハジメ",
          birthDate: "1970-01-01",
          sex: "male",
          relationship: "世帯主",
        },
      ],
    },
  ]);
  cookies.admin = await t.loginAt("admin1", "johoseisaku", "systemAdmin");
  cookies.clerk = await t.loginAt("clerk1", "shimin", "residentClerk");
  cookies.chief = await t.loginAt("chief1", "shimin", "residentClerk", "supervisor");
}, 120_000);
afterAll(async () => {
  await t?.close();
});

describe("catalog administration", () => {
  it("an edited guidance reaches the next case, and the old case keeps what it showed", async () => {
    const moveOut = {
      kind: "moveOut",
      householdId: "H1",
      occurredOn: japanDate(new Date()),
      movingPersonIds: ["9300000001"],
      outsideAddress: "松江市",
    };
    const takeMoveOut = async () => {
      const { id } = (await call("clerk", "POST", "/api/v1/cases", {})).json() as { id: number };
      expect((await call("clerk", "POST", `/api/v1/cases/${id}/residence-changes`, moveOut)).statusCode).toBe(
        201,
      );
      return id;
    };
    const before = await takeMoveOut();
    const current = await catalog();
    const definition = current.procedures.find((p) => p.key === "move-out-notice");
    expect(definition).toBeDefined();
    const saved = await call("admin", "PUT", "/api/v1/admin/catalog/procedures/move-out-notice", {
      baseVersion: current.version,
      note: "案内文の見直し",
      definition: { ...definition, guidance: "新しい案内: 転出先の住所を確認します。" },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect((saved.json() as { version: number }).version).toBe(current.version + 1);

    const after = await takeMoveOut();
    const guidance = async (id: number) =>
      ((await call("clerk", "GET", `/api/v1/cases/${id}`)).json() as CaseDetail).procedures.find(
        (p) => p.key === "move-out-notice",
      )?.guidance;
    expect(await guidance(after)).toBe("新しい案内: 転出先の住所を確認します。");
    expect(await guidance(before)).toBe(definition?.guidance);

    const audit = await t.ctx.db
      .selectFrom("audit_log")
      .select(["action", "detail"])
      .where("target", "=", `catalog:${current.version + 1}`)
      .executeTakeFirstOrThrow();
    expect(audit.action).toBe("settings.change");
    expect(audit.detail).toMatchObject({ procedure: "move-out-notice", note: "案内文の見直し" });
  });

  it("refuses a save based on an older version, an unknown counter and an unknown question", async () => {
    const current = await catalog();
    const definition = current.procedures[0];
    const put = (body: unknown) =>
      call("admin", "PUT", `/api/v1/admin/catalog/procedures/${definition?.key}`, body);
    expect((await put({ baseVersion: current.version + 1, definition })).statusCode).toBe(409);
    const badCounter = await put({
      baseVersion: current.version,
      definition: { ...definition, counterId: "nowhere" },
    });
    expect(badCounter.statusCode).toBe(400);
    expect(badCounter.json().error.message).toContain("nowhere");
    const badQuestion = await put({
      baseVersion: current.version,
      definition: { ...definition, rule: { kind: "answer", question: "noSuchQuestion", values: ["yes"] } },
    });
    expect(badQuestion.statusCode).toBe(400);
    expect((await catalog()).version).toBe(current.version);
  });

  it("limits a procedure to the roles it names; an unknown role is refused", async () => {
    const current = await catalog();
    expect(current.roles.map((r) => r.id)).toContain("supervisor");
    const definition = current.procedures.find((p) => p.key === "move-out-notice");
    const put = (handlingRoles: string[]) =>
      call("admin", "PUT", "/api/v1/admin/catalog/procedures/move-out-notice", {
        baseVersion: current.version,
        note: "窓口責任者のみ",
        definition: { ...definition, handlingRoles },
      });
    const unknown = await put(["noSuchRole"]);
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.message).toBe("転出届: 役割 noSuchRole がありません");
    expect((await put(["supervisor"])).statusCode).toBe(200);

    const { id } = (await call("clerk", "POST", "/api/v1/cases", {})).json() as { id: number };
    const taken = await call("clerk", "POST", `/api/v1/cases/${id}/residence-changes`, {
      kind: "moveOut",
      householdId: "H1",
      occurredOn: japanDate(new Date()),
      movingPersonIds: ["9300000001"],
      outsideAddress: "松江市",
    });
    expect(taken.statusCode, taken.body).toBe(201);
    const procedureOf = async (who: string) =>
      ((await call(who, "GET", `/api/v1/cases/${id}`)).json() as CaseDetail).procedures.find(
        (p) => p.key === "move-out-notice",
      );
    const shown = await procedureOf("clerk");
    expect(shown?.handling).toBe("referred");
    const refused = await call("clerk", "PUT", `/api/v1/cases/${id}/procedures/${shown?.id}/status`, {
      status: "received",
    });
    expect(refused.statusCode).toBe(403);
    expect((await procedureOf("chief"))?.handling).toBe("handledHere");
    const accepted = await call("chief", "PUT", `/api/v1/cases/${id}/procedures/${shown?.id}/status`, {
      status: "received",
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
  });

  it("exports a version and imports it back as a new version", async () => {
    const current = await catalog();
    const exported = await call("admin", "GET", "/api/v1/admin/catalog/export?version=1");
    expect(exported.statusCode).toBe(200);
    const file = exported.json() as CatalogFile;
    expect(file.catalogVersion).toBe(1);
    const stale = await call("admin", "POST", "/api/v1/admin/catalog/import", { ...file, baseVersion: 1 });
    expect(stale.statusCode).toBe(409);
    const imported = await call("admin", "POST", "/api/v1/admin/catalog/import", {
      ...file,
      baseVersion: current.version,
    });
    expect(imported.statusCode, imported.body).toBe(200);
    const restored = await catalog();
    expect(restored.version).toBe(current.version + 1);
    expect(restored.procedures).toEqual(file.procedures);
    const bad = await call("admin", "POST", "/api/v1/admin/catalog/import", {
      ...file,
      baseVersion: restored.version,
      format: "other",
    });
    expect(bad.statusCode).toBe(400);
  });

  it("creates only new keys and updates only existing ones", async () => {
    const current = await catalog();
    const definition = current.procedures[0];
    const put = (key: string, create: boolean) =>
      call("admin", "PUT", `/api/v1/admin/catalog/procedures/${key}`, {
        baseVersion: current.version,
        create,
        definition: { ...definition, key },
      });
    expect((await put(definition?.key ?? "", true)).statusCode).toBe(409);
    expect((await put("brand-new-procedure", false)).statusCode).toBe(404);
    const created = await put("brand-new-procedure", true);
    expect(created.statusCode, created.body).toBe(200);
    expect((await catalog()).procedures.map((p) => p.key)).toContain("brand-new-procedure");
  });

  it("is for administrators only", async () => {
    expect((await call("clerk", "GET", "/api/v1/admin/catalog")).statusCode).toBe(403);
  });
});
