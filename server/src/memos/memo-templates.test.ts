import type {
  AdminMemoTemplateList,
  MemoTemplateInput,
  MemoTemplateView,
} from "@ichimado/core/memos/templates";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../testing/test-app.ts";

/** 定型文 on a real database as the app role: what each counter is offered, and who may manage them. */
let t: TestApp;
let admin: string;
let shiminClerk: string;
let hokenClerk: string;

beforeAll(async () => {
  t = await createTestApp();
  await t.createStaff({ loginId: "memoadmin", assignments: [["johoseisaku", "systemAdmin"]] });
  await t.createStaff({ loginId: "memoshimin", assignments: [["shimin", "residentClerk"]] });
  await t.createStaff({ loginId: "memohoken", assignments: [["hokennenkin", "insuranceClerk"]] });
  admin = await t.login("memoadmin");
  shiminClerk = await t.login("memoshimin");
  hokenClerk = await t.login("memohoken");
  for (const [cookie, counterId] of [
    [admin, "johoseisaku"],
    [shiminClerk, "shimin"],
    [hokenClerk, "hokennenkin"],
  ] as const) {
    const chosen = await t.call("POST", "/api/v1/auth/counter", { cookie, body: { counterId } });
    expect(chosen.statusCode, chosen.body).toBe(200);
  }
}, 180_000);
afterAll(async () => {
  await t?.close();
});

const input = (over: Partial<MemoTemplateInput> = {}): MemoTemplateInput => ({
  use: "caseMemo",
  counterId: null,
  text: "書類は後日郵送",
  sortOrder: 5,
  ...over,
});

async function post(body: MemoTemplateInput): Promise<number> {
  const res = await t.call("POST", "/api/v1/admin/memo-templates", { cookie: admin, body });
  expect(res.statusCode, res.body).toBe(201);
  return (res.json() as { id: number }).id;
}
async function offered(cookie: string, use = "caseMemo"): Promise<MemoTemplateView[]> {
  const res = await t.call("GET", `/api/v1/memo-templates?use=${use}`, { cookie });
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as { templates: MemoTemplateView[] }).templates;
}
const texts = async (cookie: string, use?: string) => (await offered(cookie, use)).map((m) => m.text);

describe("memo templates", () => {
  it("offers the installed shared phrases for both uses", async () => {
    expect(await texts(shiminClerk, "certificateInstructions")).toEqual([
      "本人確認済み",
      "至急（窓口でお待ちです）",
      "郵送で交付",
      "発行前に税務課へ確認",
      "委任状の原本を確認済み",
    ]);
    expect((await offered(hokenClerk)).length).toBeGreaterThan(0);
    expect((await offered(hokenClerk)).every((m) => m.shared)).toBe(true);
  });

  it("offers a counter's template there and not at another, shared ones everywhere, in order", async () => {
    const own = await post(input({ text: "市民課の定型文", counterId: "shimin", sortOrder: 1 }));
    const shared = await post(input({ text: "全窓口の定型文", sortOrder: 2 }));
    const other = await post(input({ text: "発行指示の定型文", use: "certificateInstructions" }));
    const atShimin = await offered(shiminClerk);
    expect(atShimin.slice(0, 2)).toEqual([
      { id: own, text: "市民課の定型文", shared: false },
      { id: shared, text: "全窓口の定型文", shared: true },
    ]);
    expect(atShimin.map((m) => m.id)).not.toContain(other);
    const atHoken = (await offered(hokenClerk)).map((m) => m.id);
    expect(atHoken).toContain(shared);
    expect(atHoken).not.toContain(own);
  });

  it("edits and deletes a template, each change audited, and offers a deleted one no more", async () => {
    const id = await post(input({ text: "消す予定" }));
    const edited = await t.call("PUT", `/api/v1/admin/memo-templates/${id}`, {
      cookie: admin,
      body: input({ text: "消す予定（訂正）", counterId: "hokennenkin" }),
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(await texts(hokenClerk)).toContain("消す予定（訂正）");
    expect(await texts(shiminClerk)).not.toContain("消す予定（訂正）");

    const deleted = await t.call("DELETE", `/api/v1/admin/memo-templates/${id}`, { cookie: admin });
    expect(deleted.statusCode, deleted.body).toBe(200);
    expect(await texts(hokenClerk)).not.toContain("消す予定（訂正）");
    const list = (
      await t.call("GET", "/api/v1/admin/memo-templates", { cookie: admin })
    ).json() as AdminMemoTemplateList;
    expect(list.templates.map((m) => m.id)).not.toContain(id);
    expect(list.counters.map((c) => c.id)).toContain("shimin");

    const again = await t.call("DELETE", `/api/v1/admin/memo-templates/${id}`, { cookie: admin });
    expect(again.statusCode).toBe(404);
    expect(again.json().error.message).toBe("指定された定型文はありません");
    const late = await t.call("PUT", `/api/v1/admin/memo-templates/${id}`, { cookie: admin, body: input() });
    expect(late.statusCode).toBe(404);

    const audit = await t.database.db
      .selectFrom("audit_log")
      .select(["action", "login_id", "detail"])
      .where("target", "=", `memo-template:${id}`)
      .orderBy("seq")
      .execute();
    expect(audit.map((a) => [a.action, a.login_id, (a.detail as { operation: string }).operation])).toEqual([
      ["settings.change", "memoadmin", "create"],
      ["settings.change", "memoadmin", "update"],
      ["settings.change", "memoadmin", "delete"],
    ]);
  });

  it("lets a clerk use but not manage templates", async () => {
    const refused = [
      await t.call("GET", "/api/v1/admin/memo-templates", { cookie: shiminClerk }),
      await t.call("POST", "/api/v1/admin/memo-templates", { cookie: shiminClerk, body: input() }),
      await t.call("PUT", "/api/v1/admin/memo-templates/1", { cookie: shiminClerk, body: input() }),
      await t.call("DELETE", "/api/v1/admin/memo-templates/1", { cookie: shiminClerk }),
    ];
    expect(refused.map((r) => r.statusCode)).toEqual([403, 403, 403, 403]);
    expect((await t.call("GET", "/api/v1/memo-templates?use=caseMemo")).statusCode).toBe(401);
  });

  it("refuses bad input with 400 and Japanese messages", async () => {
    const bad = async (body: unknown) => {
      const res = await t.call("POST", "/api/v1/admin/memo-templates", { cookie: admin, body });
      expect(res.statusCode, res.body).toBe(400);
      return res.json().error as { message: string; issues?: { path: string; message: string }[] };
    };
    expect((await bad(input({ text: "あ".repeat(201) }))).message).toBe("定型文は200文字以内にしてください");
    expect((await bad(input({ text: "  " }))).message).toBe("定型文を入力してください");
    expect((await bad({ ...input(), use: "other" })).message).toBe("定型文の用途を選んでください");
    expect((await bad(input({ sortOrder: 1.5 }))).message).toBe("並び順は整数で入力してください");
    expect((await bad(input({ counterId: "nowhere" }))).issues).toEqual([
      { path: "body.counterId", message: "存在しない窓口が指定されています（nowhere）" },
    ]);
    const query = await t.call("GET", "/api/v1/memo-templates?use=other", { cookie: shiminClerk });
    expect(query.statusCode).toBe(400);
    expect(query.json().error.message).toMatch(/定型文の用途を選んでください/);
    const param = await t.call("DELETE", "/api/v1/admin/memo-templates/abc", { cookie: admin });
    expect(param.statusCode).toBe(400);
  });
});
