import type { StaffImportPreview, StaffImportResult, StaffSummary } from "@ichimado/core/staff/schemas";
import { encodeCp932 } from "@ichimado/tools/csv/cp932";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../testing/test-app.ts";

/** 職員の一括登録 (C⑤): preview, then apply exactly what was previewed, on a real database. */
let t: TestApp;
let admin: string;

beforeAll(async () => {
  t = await createTestApp();
  await t.createStaff({ loginId: "importadmin", assignments: [["johoseisaku", "systemAdmin"]] });
  await t.createStaff({ loginId: "moving", assignments: [["shimin", "residentClerk"]] });
  await t.createStaff({ loginId: "leaving", assignments: [["shimin", "residentClerk"]] });
  admin = await t.login("importadmin");
  await t.call("POST", "/api/v1/auth/counter", { cookie: admin, body: { counterId: "johoseisaku" } });
}, 180_000);
afterAll(async () => {
  await t?.close();
});

const upload = (step: "preview" | "apply", file: Uint8Array | string, query: string) =>
  t.app.inject({
    method: "POST",
    url: `/api/v1/admin/staff/import/${step}?${query}`,
    headers: { cookie: admin, "x-requested-with": "ichimado", "content-type": "application/octet-stream" },
    payload: Buffer.from(file),
  });
const preview = async (file: Uint8Array | string, disableAbsent = false) => {
  const res = await upload("preview", file, `disableAbsent=${disableAbsent}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as StaffImportPreview;
};
const staff = async () =>
  (await t.call("GET", "/api/v1/admin/staff", { cookie: admin })).json().staff as StaffSummary[];
const snapshot = async () =>
  (await staff()).map(({ lastLoginAt: _, ...s }) => s).sort((a, b) => a.loginId.localeCompare(b.loginId));

const header = "ログインID,氏名,所属,担当,有効開始日,有効終了日";
const file = [
  header,
  "new01,髙﨑 花子,市民課,shimin:residentClerk,２０２０－０４－０１,",
  "",
  '"new02","出雲, 次郎","保険年金課","hokennenkin:insuranceClerk;shimin:residentClerk",R2.4.1,',
  "moving,テスト moving,保険年金課,hokennenkin:insuranceClerk,2020-04-01,",
  '"bad01","備考\n改行","",nowhere:residentClerk,2020-04-01,',
  "importadmin,テスト importadmin,,johoseisaku:systemAdmin,2020-04-01,",
].join("\r\n");

describe("staff CSV import", () => {
  it("previews a CP932 file without writing: adds, changes before → after, and the bad row by line and column", async () => {
    const before = await snapshot();
    const cp932 = encodeCp932(file).bytes;
    const plan = await preview(cp932);
    expect(plan.encoding).toBe("cp932");
    expect(plan.adds.map((a) => [a.line, a.loginId, a.name, a.validFrom])).toEqual([
      [2, "new01", "髙﨑 花子", "2020-04-01"],
      [4, "new02", "出雲, 次郎", "2020-04-01"],
    ]);
    expect(plan.changes).toEqual([
      {
        line: 5,
        loginId: "moving",
        name: "テスト moving",
        fields: [
          { field: "department", label: "所属", before: "", after: "保険年金課" },
          {
            field: "assignments",
            label: "担当",
            before: "shimin:residentClerk",
            after: "hokennenkin:insuranceClerk",
          },
        ],
      },
    ]);
    // The LF inside quotes is data in a CRLF file (as Excel writes a line break in a cell), not a line.
    expect(plan.problems).toEqual([
      {
        line: 6,
        column: "担当",
        loginId: "bad01",
        reason: "窓口ID「nowhere」はありません",
      },
    ]);
    expect(plan.unchanged).toBe(1);
    expect(plan.disables).toEqual([]);
    expect(await snapshot()).toEqual(before);
  });

  it("reads UTF-8 with a BOM the same, and with 「ファイルにない職員を無効にする」 lists the absent ones", async () => {
    const plan = await preview(`\uFEFF${file}`, true);
    expect(plan.encoding).toBe("utf-8");
    expect(plan.adds.map((a) => a.name)).toEqual(["髙﨑 花子", "出雲, 次郎"]);
    expect(plan.disables).toEqual([{ loginId: "leaving", name: "テスト leaving" }]);
  });

  it("reports a line that is neither UTF-8 nor CP932 as a bad row and reads the rest", async () => {
    const good = encodeCp932(`${header}\r\nnew09,髙﨑 九郎,,shimin:residentClerk,,\r\n`).bytes;
    const broken = Buffer.from([0x62, 0x61, 0x64, 0x2c, 0x80, 0x80, 0x2c, 0x2c, 0x0d, 0x0a]);
    const plan = await preview(Buffer.concat([good, broken]));
    expect(plan.adds.map((a) => a.name)).toEqual(["髙﨑 九郎"]);
    expect(plan.problems).toEqual([
      {
        line: 3,
        column: null,
        loginId: null,
        reason: "文字コードを読み取れない行です（UTF-8 か Shift_JIS で保存してください）",
      },
    ]);
  });

  it("refuses a bad file with a clear 4xx: no header, not CSV, too large", async () => {
    const noHeader = await upload("preview", "a,b\n1,2", "");
    expect(noHeader.statusCode).toBe(400);
    expect(noHeader.json().error.message).toContain("見出し行に必要な列がありません");
    const broken = await upload("preview", `${header}\n"open,x`, "");
    expect(broken.statusCode).toBe(400);
    expect(broken.json().error.message).toContain("CSV として読めません");
    const large = await upload("preview", `${header}\n${"x".repeat(2 * 1024 * 1024)}`, "");
    expect(large.statusCode).toBe(413);
    expect(large.json().error.message).toContain("2 MB までにしてください");
  });

  it("refuses an apply whose file changed or that skips bad rows unconfirmed, writing nothing", async () => {
    const before = await snapshot();
    const { token } = await preview(file);
    const unconfirmed = await upload("apply", file, `token=${token}`);
    expect(unconfirmed.statusCode).toBe(400);
    expect(unconfirmed.json().error.message).toContain("誤りのある行が 1 行あります");
    const changed = await upload(
      "apply",
      `${file}\r\nnew03,追加 三郎,,shimin:residentClerk,,`,
      `token=${token}&skipBadRows=true`,
    );
    expect(changed.statusCode).toBe(409);
    expect(changed.json().error.message).toContain("もう一度プレビューして");
    const otherOptions = await upload("apply", file, `token=${token}&skipBadRows=true&disableAbsent=true`);
    expect(otherOptions.statusCode).toBe(409);
    expect(await snapshot()).toEqual(before);
    const refusals = await t.database.db
      .selectFrom("audit_log")
      .select(["outcome", "detail"])
      .where("target", "=", "staff_user:import")
      .where("action", "=", "staff.change")
      .execute();
    expect(refusals.map((r) => [r.outcome, (r.detail as { reason: string }).reason])).toEqual([
      ["denied", "badRows"],
      ["denied", "stale"],
      ["denied", "stale"],
    ]);
  });

  it("applies exactly the previewed changes in one go: new accounts with one-time passwords, the moved clerk's sessions ended", async () => {
    const moving = await t.login("moving");
    const { token } = await preview(file, true);
    const res = await upload("apply", file, `token=${token}&skipBadRows=true&disableAbsent=true`);
    expect(res.statusCode, res.body).toBe(200);
    const result = res.json() as StaffImportResult;
    expect(result).toMatchObject({ added: 2, changed: 1, disabled: 1, skippedRows: 1 });
    expect(result.passwords.map((p) => p.loginId)).toEqual(["new01", "new02"]);

    const after = await staff();
    const by = (id: string) => after.find((s) => s.loginId === id);
    expect(by("new01")).toMatchObject({ name: "髙﨑 花子", mustChangePassword: true, department: "市民課" });
    expect(by("new02")?.assignments).toEqual([
      { counterId: "hokennenkin", roleId: "insuranceClerk" },
      { counterId: "shimin", roleId: "residentClerk" },
    ]);
    expect(by("moving")).toMatchObject({
      department: "保険年金課",
      assignments: [{ counterId: "hokennenkin", roleId: "insuranceClerk" }],
    });
    expect(by("leaving")?.disabled).toBe(true);
    expect(by("bad01")).toBeUndefined();
    expect((await t.call("GET", "/api/v1/auth/session", { cookie: moving })).statusCode).toBe(401);

    const login = await t.call("POST", "/api/v1/auth/login", {
      body: { loginId: "new01", password: result.passwords[0]?.password },
    });
    expect(login.statusCode).toBe(200);

    const [row] = await t.database.db
      .selectFrom("audit_log")
      .select(["detail", "outcome"])
      .where("target", "=", "staff_user:import")
      .where("outcome", "=", "success")
      .where("action", "=", "staff.change")
      .execute();
    expect(row?.detail).toMatchObject({
      added: ["new01", "new02"],
      disabled: ["leaving"],
      skippedLines: [6],
      oneTimePasswordsIssued: 2,
      sessionsEnded: 1,
    });
    for (const p of result.passwords) expect(JSON.stringify(row?.detail)).not.toContain(p.password);

    // The same file again: the accounts changed, so the old token is stale, and a new preview is all unchanged.
    expect(
      (await upload("apply", file, `token=${token}&skipBadRows=true&disableAbsent=true`)).statusCode,
    ).toBe(409);
    const again = await preview(file);
    expect([again.adds.length, again.changes.length, again.unchanged]).toEqual([0, 0, 4]);
  });
});
