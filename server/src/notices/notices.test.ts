import { addDays, japanDate } from "@ichimado/core/common/dates";
import type { AdminNoticeList, NoticeInput, NoticeView } from "@ichimado/core/notices/notices";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../testing/test-app.ts";

/** 伝達事項 on a real database as the app role: who sees what, read marks, and who may manage them. */
let t: TestApp;
let admin: string;
let shiminClerk: string;
let otherShiminClerk: string;
let hokenClerk: string;

const today = japanDate(new Date());

beforeAll(async () => {
  t = await createTestApp();
  await t.createStaff({ loginId: "noticeadmin", assignments: [["johoseisaku", "systemAdmin"]] });
  await t.createStaff({ loginId: "noticeshimin", assignments: [["shimin", "residentClerk"]] });
  await t.createStaff({ loginId: "noticeshimin2", assignments: [["shimin", "residentClerk"]] });
  await t.createStaff({ loginId: "noticehoken", assignments: [["hokennenkin", "insuranceClerk"]] });
  admin = await t.login("noticeadmin");
  shiminClerk = await t.login("noticeshimin");
  otherShiminClerk = await t.login("noticeshimin2");
  hokenClerk = await t.login("noticehoken");
  for (const [cookie, counterId] of [
    [admin, "johoseisaku"],
    [shiminClerk, "shimin"],
    [otherShiminClerk, "shimin"],
    [hokenClerk, "hokennenkin"],
  ] as const) {
    const chosen = await t.call("POST", "/api/v1/auth/counter", { cookie, body: { counterId } });
    expect(chosen.statusCode, chosen.body).toBe(200);
  }
}, 180_000);
afterAll(async () => {
  await t?.close();
});

const input = (over: Partial<NoticeInput> = {}): NoticeInput => ({
  title: "窓口の案内",
  body: "本日は混雑が予想されます。",
  importance: "normal",
  audience: { kind: "all" },
  shownFrom: today,
  shownTo: addDays(today, 7),
  ...over,
});

async function post(body: NoticeInput): Promise<number> {
  const res = await t.call("POST", "/api/v1/admin/notices", { cookie: admin, body });
  expect(res.statusCode, res.body).toBe(201);
  return (res.json() as { id: number }).id;
}
async function shownTo(cookie: string): Promise<NoticeView[]> {
  const res = await t.call("GET", "/api/v1/notices", { cookie });
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as { notices: NoticeView[] }).notices;
}
const ids = async (cookie: string) => (await shownTo(cookie)).map((n) => n.id);
async function adminList(): Promise<AdminNoticeList> {
  const res = await t.call("GET", "/api/v1/admin/notices", { cookie: admin });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as AdminNoticeList;
}

describe("notices", () => {
  it("shows a notice to one counter there and not at another, to all staff everywhere", async () => {
    const toShimin = await post(
      input({ title: "市民課へ", audience: { kind: "counters", counterIds: ["shimin"] } }),
    );
    const toAll = await post(input({ title: "全職員へ" }));
    expect(await ids(shiminClerk)).toEqual(expect.arrayContaining([toShimin, toAll]));
    expect(await ids(hokenClerk)).toContain(toAll);
    expect(await ids(hokenClerk)).not.toContain(toShimin);
    const notice = (await shownTo(shiminClerk)).find((n) => n.id === toShimin);
    expect(notice).toMatchObject({
      title: "市民課へ",
      body: "本日は混雑が予想されます。",
      postedBy: "テスト noticeadmin",
      readAt: null,
    });
  });

  it("shows a notice only within its period", async () => {
    const future = await post(input({ shownFrom: addDays(today, 1), shownTo: addDays(today, 3) }));
    const past = await post(input({ shownFrom: addDays(today, -5), shownTo: addDays(today, -1) }));
    const open = await post(input({ shownFrom: addDays(today, -5), shownTo: null }));
    const shown = await ids(shiminClerk);
    expect(shown).toContain(open);
    expect(shown).not.toContain(future);
    expect(shown).not.toContain(past);
    const states = new Map((await adminList()).notices.map((n) => [n.id, n.state]));
    expect([states.get(future), states.get(past), states.get(open)]).toEqual(["scheduled", "ended", "shown"]);
  });

  it("lists important notices first, then the newest", async () => {
    const older = await post(input({ title: "古い", shownFrom: addDays(today, -2) }));
    const important = await post(
      input({ title: "重要", importance: "important", shownFrom: addDays(today, -3) }),
    );
    const shown = await ids(hokenClerk);
    expect(shown[0]).toBe(important);
    expect(shown.indexOf(older)).toBeGreaterThan(shown.indexOf(important));
    const notices = await shownTo(hokenClerk);
    const firstNormal = notices.findIndex((n) => n.importance === "normal");
    expect(notices.slice(firstNormal).every((n) => n.importance === "normal")).toBe(true);
  });

  it("keeps read marks per member of staff, idempotently, and counts them for administrators", async () => {
    const id = await post(
      input({ title: "既読の確認", audience: { kind: "counters", counterIds: ["shimin"] } }),
    );
    for (let i = 0; i < 2; i++) {
      const read = await t.call("POST", `/api/v1/notices/${id}/read`, { cookie: shiminClerk });
      expect(read.statusCode, read.body).toBe(200);
    }
    expect((await shownTo(shiminClerk)).find((n) => n.id === id)?.readAt).not.toBeNull();
    expect((await shownTo(otherShiminClerk)).find((n) => n.id === id)?.readAt).toBeNull();
    expect((await adminList()).notices.find((n) => n.id === id)?.readCount).toBe(1);

    // Not shown at 保険年金課, so unknown there; an unknown number likewise.
    const elsewhere = await t.call("POST", `/api/v1/notices/${id}/read`, { cookie: hokenClerk });
    expect(elsewhere.statusCode).toBe(404);
    expect(elsewhere.json().error.message).toBe("指定された伝達事項はありません");
    expect((await t.call("POST", "/api/v1/notices/999999/read", { cookie: shiminClerk })).statusCode).toBe(
      404,
    );
    expect((await t.call("POST", "/api/v1/notices/abc/read", { cookie: shiminClerk })).statusCode).toBe(400);
  });

  it("edits a notice and takes a withdrawn one away from everyone, each change audited", async () => {
    const id = await post(input({ title: "取り下げ予定" }));
    const edited = await t.call("PUT", `/api/v1/admin/notices/${id}`, {
      cookie: admin,
      body: input({
        title: "取り下げ予定（訂正）",
        audience: { kind: "counters", counterIds: ["hokennenkin"] },
      }),
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(await ids(shiminClerk)).not.toContain(id);
    expect((await shownTo(hokenClerk)).find((n) => n.id === id)?.title).toBe("取り下げ予定（訂正）");

    const withdrawn = await t.call("POST", `/api/v1/admin/notices/${id}/withdraw`, { cookie: admin });
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    expect(await ids(hokenClerk)).not.toContain(id);
    expect((await t.call("POST", `/api/v1/notices/${id}/read`, { cookie: hokenClerk })).statusCode).toBe(404);
    const listed = (await adminList()).notices.find((n) => n.id === id);
    expect(listed).toMatchObject({
      state: "withdrawn",
      audience: { kind: "counters", counterIds: ["hokennenkin"] },
    });
    expect(listed?.withdrawnAt).not.toBeNull();

    const again = await t.call("POST", `/api/v1/admin/notices/${id}/withdraw`, { cookie: admin });
    expect(again.statusCode).toBe(409);
    const late = await t.call("PUT", `/api/v1/admin/notices/${id}`, { cookie: admin, body: input() });
    expect(late.statusCode).toBe(409);
    expect(
      (await t.call("POST", "/api/v1/admin/notices/999999/withdraw", { cookie: admin })).statusCode,
    ).toBe(404);

    const audit = await t.database.db
      .selectFrom("audit_log")
      .select(["action", "login_id", "detail"])
      .where("target", "=", `notice:${id}`)
      .orderBy("seq")
      .execute();
    expect(audit.map((a) => [a.action, a.login_id, (a.detail as { operation: string }).operation])).toEqual([
      ["settings.change", "noticeadmin", "create"],
      ["settings.change", "noticeadmin", "update"],
      ["settings.change", "noticeadmin", "withdraw"],
    ]);
  });

  it("lets a clerk read but not manage notices", async () => {
    const refused = [
      await t.call("GET", "/api/v1/admin/notices", { cookie: shiminClerk }),
      await t.call("POST", "/api/v1/admin/notices", { cookie: shiminClerk, body: input() }),
      await t.call("PUT", "/api/v1/admin/notices/1", { cookie: shiminClerk, body: input() }),
      await t.call("POST", "/api/v1/admin/notices/1/withdraw", { cookie: shiminClerk }),
    ];
    expect(refused.map((r) => r.statusCode)).toEqual([403, 403, 403, 403]);
    expect((await t.call("GET", "/api/v1/notices")).statusCode).toBe(401);
  });

  it("refuses bad input with 400 and Japanese messages at the field", async () => {
    const bad = async (body: unknown) => {
      const res = await t.call("POST", "/api/v1/admin/notices", { cookie: admin, body });
      expect(res.statusCode, res.body).toBe(400);
      return res.json().error as { message: string; issues?: { path: string; message: string }[] };
    };
    expect((await bad(input({ title: "あ".repeat(101) }))).message).toBe("件名は100文字以内にしてください");
    expect((await bad(input({ body: "" }))).message).toBe("本文を入力してください");
    expect((await bad(input({ shownFrom: today, shownTo: addDays(today, -1) }))).issues).toEqual([
      { path: "body.shownTo", message: "掲示終了日は掲示開始日と同じ日か後の日にしてください" },
    ]);
    expect((await bad(input({ audience: { kind: "counters", counterIds: ["nowhere"] } }))).issues).toEqual([
      { path: "body.audience.counterIds", message: "存在しない窓口が指定されています（nowhere）" },
    ]);
    expect((await bad({ title: "x" })).message).toMatch(/入力内容に誤りがあります/);
    expect((await bad({ ...input(), importance: "urgent" })).message).toBe("重要度を選んでください");
    expect((await bad({ ...input(), audience: { kind: "everyone" } })).message).toBe(
      "対象（全職員か窓口）を選んでください",
    );
    expect((await bad({ ...input(), shownFrom: "" })).message).toBe("掲示開始日を入力してください");
  });
});
