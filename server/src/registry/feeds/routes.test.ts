import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { feedLayoutById } from "@ichimado/core/feeds/layouts";
import { generateCity } from "@ichimado/tools/city/generate";
import { encode, feedRows, headerRow, toCsv } from "@ichimado/tools/feeds/write-feeds";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../testing/test-app.ts";
import { DropFolderWatcher } from "./watcher.ts";

let t: TestApp;
let admin: string;
let clerk: string;
let dropDir: string;
const city = generateCity({ residents: 300, seed: 9 });
const rows = feedRows(city);
const file = (feed: string, body = rows.get(feed) ?? []) => {
  const layout = feedLayoutById.get(feed);
  if (!layout) throw new Error(feed);
  return encode(toCsv([headerRow(layout), ...body]), "cp932");
};

async function onCounter(loginId: string, counterId: string): Promise<string> {
  const cookie = await t.login(loginId);
  const res = await t.call("POST", "/api/v1/auth/counter", { cookie, body: { counterId } });
  expect(res.statusCode).toBe(200);
  return cookie;
}

const upload = (feed: string, body: Buffer, query = "") =>
  t.app.inject({
    method: "POST",
    url: `/api/v1/feeds/${feed}/imports${query}`,
    headers: { cookie: admin, "x-requested-with": "ichimado", "content-type": "application/octet-stream" },
    payload: body,
  });

beforeAll(async () => {
  dropDir = await fs.mkdtemp(path.join(os.tmpdir(), "ichimado-drop-"));
  t = await createTestApp({ FEED_DIR: dropDir });
  await t.createStaff({ loginId: "feedadmin", assignments: [["johoseisaku", "systemAdmin"]] });
  await t.createStaff({ loginId: "clerk", assignments: [["shimin", "residentClerk"]] });
  admin = await onCounter("feedadmin", "johoseisaku");
  clerk = await onCounter("clerk", "shimin");
});
afterAll(async () => {
  await t?.close();
  await fs.rm(dropDir, { recursive: true, force: true });
});

describe("uploading a feed file", () => {
  it("answers at once with the run, imports in the background, and audits who did it", async () => {
    const res = await upload("addressMaster", file("addressMaster"), "?encoding=cp932&fileName=jusho.csv");
    expect(res.statusCode).toBe(202);
    const { runId } = res.json() as { runId: number };
    await t.ctx.feeds.idle();
    const run = await t.call("GET", `/api/v1/feeds/runs/${runId}`, { cookie: admin });
    expect(run.json()).toMatchObject({
      status: "succeeded",
      source: "upload",
      rowsLoaded: city.towns.length,
      encoding: "cp932",
    });
    const status = await t.call("GET", "/api/v1/feeds/status", { cookie: clerk });
    const feed = (status.json() as { feeds: { id: string; loadedAt: string | null }[] }).feeds.find(
      (f) => f.id === "addressMaster",
    );
    expect(feed?.loadedAt).not.toBeNull();
    const audit = await t.database.db
      .selectFrom("audit_log")
      .select(["action", "login_id", "outcome", "detail"])
      .where("target", "=", `import_run:${runId}`)
      .executeTakeFirst();
    expect(audit).toMatchObject({
      action: "data.import",
      login_id: "feedadmin",
      outcome: "success",
      detail: { feed: "addressMaster" },
    });
  });

  it("reports a refused file with its problems", async () => {
    const res = await upload("arrears", file("arrears", [["123", "01", "2025", "1000"]]));
    const { runId } = res.json() as { runId: number };
    await t.ctx.feeds.idle();
    const run = (await t.call("GET", `/api/v1/feeds/runs/${runId}`, { cookie: admin })).json();
    expect(run).toMatchObject({
      status: "rejected",
      problemCount: 1,
      problems: [{ line: 2, column: "宛名番号" }],
    });
  });

  it("answers bad requests with 4xx and a Japanese message, never 500", async () => {
    expect((await upload("nosuchfeed", file("gaiji"))).statusCode).toBe(404);
    expect((await upload("gaiji", Buffer.alloc(0))).statusCode).toBe(400);
    expect((await upload("gaiji", file("gaiji"), "?encoding=sjis")).statusCode).toBe(400);
    const json = await t.call("POST", "/api/v1/feeds/gaiji/imports", { cookie: admin, body: { csv: "x" } });
    expect(json.statusCode).toBe(400);
    expect((json.json() as { error: { message: string } }).error.message).toMatch(/ファイル/);
    expect((await t.call("GET", "/api/v1/feeds/runs/abc", { cookie: admin })).statusCode).toBe(400);
    expect((await t.call("GET", "/api/v1/feeds/runs/999999", { cookie: admin })).statusCode).toBe(404);
  });

  it("lets every member of staff see the status, and only feed administrators the details", async () => {
    expect((await t.call("GET", "/api/v1/feeds/status", { cookie: clerk })).statusCode).toBe(200);
    expect((await t.call("GET", "/api/v1/feeds/runs", { cookie: clerk })).statusCode).toBe(403);
    expect((await t.call("GET", "/api/v1/feeds/runs/1", { cookie: clerk })).statusCode).toBe(403);
    expect((await t.call("GET", "/api/v1/feeds/runs?feed=arrears", { cookie: admin })).statusCode).toBe(200);
  });
});

describe("the drop folder", () => {
  it("takes a file once it has stopped growing, imports it and files it under done/ or failed/", async () => {
    const watcher = new DropFolderWatcher(dropDir, 60_000, t.ctx.feeds, () => {});
    await watcher.start();
    try {
      await fs.writeFile(path.join(dropDir, "inbox", "gaiji.csv"), file("gaiji"));
      await fs.writeFile(path.join(dropDir, "inbox", "readme.txt"), "not a feed");
      expect(await watcher.poll()).toBe(0);
      expect(await watcher.poll()).toBe(1);
      await t.ctx.feeds.idle();
      expect((await fs.readdir(path.join(dropDir, "done"))).some((n) => n.endsWith("-gaiji.csv"))).toBe(true);
      expect((await fs.readdir(path.join(dropDir, "failed"))).some((n) => n.endsWith("-readme.txt"))).toBe(
        true,
      );
      expect(await fs.readdir(path.join(dropDir, "inbox"))).toEqual([]);
      const run = await t.database.db
        .selectFrom("import_run")
        .select(["status", "source"])
        .orderBy("id", "desc")
        .executeTakeFirst();
      expect(run).toEqual({ status: "succeeded", source: "dropFolder" });
    } finally {
      watcher.stop();
    }
  });

  it("keeps watching when the folder is deleted under it, and says so once in the log", async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "ichimado-drop-gone-"));
    const lines: string[] = [];
    const watcher = new DropFolderWatcher(dir, 60_000, t.ctx.feeds, (line) => lines.push(line));
    await watcher.start();
    try {
      await fs.rm(dir, { recursive: true, force: true });
      // The folders come back at the next look.
      await watcher.check();
      expect(await fs.readdir(dir)).toContain("inbox");
      expect(lines).toEqual([]);
      // A path that cannot be a folder (a file in its place) is logged once, not at every look.
      await fs.rm(dir, { recursive: true, force: true });
      await fs.writeFile(dir, "not a folder");
      await watcher.check();
      await watcher.check();
      expect(lines).toEqual([expect.stringMatching(/^連携フォルダ: 読めません/)]);
      await fs.rm(dir, { force: true });
      await watcher.check();
      expect(lines.at(-1)).toBe("連携フォルダ: 再び読めるようになりました");
    } finally {
      watcher.stop();
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});

describe("feed settings", () => {
  const put = (feed: string, body: unknown) =>
    t.call("PUT", `/api/v1/feeds/${feed}/setting`, { cookie: admin, body });

  it("maps the vendor's column names to our fields, so their file imports as it is", async () => {
    const res = await put("gaiji", {
      headerMap: { 外字番号: "cityCode", UCS: "unicode" },
      encoding: "cp932",
      rejectThreshold: 0,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      headerMap: { 外字番号: "cityCode", UCS: "unicode" },
      encoding: "cp932",
      rejectThreshold: 0,
    });
    const vendor = encode(
      toCsv([
        ["外字番号", "UCS", "MJ文字図形名", "備考"],
        ["E000", "20BB7", "", ""],
      ]),
      "cp932",
    );
    const { runId } = (await upload("gaiji", vendor)).json() as { runId: number };
    await t.ctx.feeds.idle();
    expect((await t.call("GET", `/api/v1/feeds/runs/${runId}`, { cookie: admin })).json()).toMatchObject({
      status: "succeeded",
      rowsLoaded: 1,
      encoding: "cp932",
    });
    const audit = await t.database.db
      .selectFrom("audit_log")
      .select("action")
      .where("target", "=", "feed_setting:gaiji")
      .executeTakeFirst();
    expect(audit?.action).toBe("settings.change");
  });

  it("refuses a mapping to a field the feed does not have, and a threshold above 100 %", async () => {
    const bad = await put("gaiji", { headerMap: { 名前: "name" } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({
      error: { issues: [{ path: "body.headerMap.名前", message: "外字 に項目 name はありません" }] },
    });
    expect((await put("gaiji", { rejectThreshold: 2 })).statusCode).toBe(400);
    expect((await put("nosuch", {})).statusCode).toBe(404);
    expect((await t.call("GET", "/api/v1/feeds/gaiji/setting", { cookie: clerk })).statusCode).toBe(403);
  });
});
