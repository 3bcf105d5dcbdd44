import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { chooseCounterIfAsked, logIn } from "./support/auth.ts";
import { expectNoSeriousViolations } from "./support/axe.ts";
import { pressOn } from "./support/keyboard.ts";

// Unique per run: the demo data outlives a run, and an account left by an earlier one must not be the one checked.
const run = Date.now().toString(36);
const mover = `move${run}`;
const newcomer = `new${run}`;

const csv = [
  "ログインID,氏名,所属,担当,有効開始日,有効終了日",
  `${mover},異動 一郎,市民課,shimin:residentClerk,2020-04-01,`,
  `${newcomer},髙﨑 花子,保険年金課,"hokennenkin:insuranceClerk;shimin:residentClerk",R2.4.1,`,
  `bad${run},誤り 三郎,,nowhere:residentClerk,2020-04-01,`,
].join("\r\n");

test("an administrator imports staff from CSV past a bad row, moves a clerk, and the moved clerk is logged out at once", async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  await logIn(page, "admin");
  await chooseCounterIfAsked(page, "情報政策課");
  await page
    .getByRole("navigation", { name: "業務メニュー" })
    .getByRole("link", { name: "職員・権限管理" })
    .click();
  await expect(page.getByRole("heading", { level: 1, name: "職員・権限管理" })).toBeFocused();
  await page
    .getByRole("navigation", { name: "職員・権限管理" })
    .getByRole("link", { name: "CSV一括登録" })
    .click();
  await expect(page.getByRole("heading", { level: 1, name: "職員のCSV一括登録" })).toBeFocused();

  await page.getByLabel("職員のCSVファイル").setInputFiles({
    name: "staff.csv",
    mimeType: "text/csv",
    buffer: Buffer.from(csv, "utf-8"),
  });
  await page.getByRole("button", { name: "取り込む内容を確認する（まだ登録しません）" }).click();
  await expect(page.getByRole("heading", { name: "取り込む内容の確認" })).toBeFocused();
  await expect(page.getByRole("status").filter({ hasText: "追加 2 人" })).toContainText("誤りのある行 1 行");
  const bad = page.getByRole("table", { name: "誤りのある行" });
  await expect(bad.getByRole("row").filter({ hasText: "4 行目" })).toContainText(
    "窓口ID「nowhere」はありません",
  );
  await expect(page.getByRole("table", { name: "追加する職員" })).toContainText("髙﨑 花子");
  await expectNoSeriousViolations(page);
  const apply = page.getByRole("button", { name: "この内容で登録する" });
  await expect(apply).toBeDisabled();
  await page.getByLabel("誤りのある 1 行を除いて、正しい行だけを取り込む").check();
  await apply.click();
  await expect(page.getByRole("status").filter({ hasText: "追加 2 人、変更 0 人" })).toContainText(
    "誤りのある 1 行は登録していません",
  );
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "初期パスワードの一覧（CSV）をダウンロード" }).click(),
  ]);
  const passwords = (await readFile((await download.path()) as string, "utf-8")).replace(/^\uFEFF/, "");
  const moverPassword = passwords
    .split("\r\n")
    .find((l) => l.startsWith(`${mover},`))
    ?.split(",")[2];
  expect(moverPassword).toMatch(/^[A-Za-z0-9-]{14}$/);

  // The clerk logs in elsewhere, changes the one-time password and works at 市民課.
  const clerkContext = await browser.newContext();
  const clerk = await clerkContext.newPage();
  await logIn(clerk, mover, moverPassword);
  await expect(clerk.getByRole("heading", { name: "パスワード変更" })).toBeVisible();
  await clerk.getByLabel("現在のパスワード").fill(moverPassword as string);
  await clerk.getByLabel("新しいパスワード", { exact: true }).fill("moved-clerk-2027");
  await clerk.getByLabel("新しいパスワード (確認)").fill("moved-clerk-2027");
  await clerk.getByRole("button", { name: "パスワードを変更" }).click();
  await chooseCounterIfAsked(clerk, "市民課");

  // The administrator finds the new staff in the list and moves the clerk to 保険年金課.
  await page.getByRole("navigation", { name: "職員・権限管理" }).getByRole("link", { name: "職員" }).click();
  await page.getByLabel("氏名・ログインID").fill(run);
  await expect(page.getByRole("table", { name: "職員の一覧" }).getByRole("row")).toHaveCount(3);
  await page.getByRole("link", { name: `異動 一郎（${mover}）を編集` }).click();
  await expect(page.getByRole("heading", { level: 1, name: "職員の編集：異動 一郎" })).toBeFocused();
  await page.getByLabel("担当1の窓口").selectOption({ label: "保険年金課" });
  await page.getByLabel("担当1のロール").selectOption({ label: "保険年金課窓口" });
  await page.getByRole("button", { name: "保存する" }).click();
  await expect(page.getByRole("status").filter({ hasText: "保存しました" })).toBeVisible();
  await expectNoSeriousViolations(page);

  // The clerk's next step finds the session gone: back to the login screen.
  await clerk.reload();
  await expect(clerk.getByRole("heading", { name: "ログイン" })).toBeVisible();
  await logIn(clerk, mover, "moved-clerk-2027");
  await chooseCounterIfAsked(clerk, "保険年金課");
  await expect(clerk.getByText("保険年金課").first()).toBeVisible();
  await clerkContext.close();
});

test("an administrator adds an account by keyboard, sees its one-time password once, and is refused disabling themself", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await logIn(page, "admin");
  await chooseCounterIfAsked(page, "情報政策課");
  await page.goto("/admin/staff/new");
  await expect(page.getByRole("heading", { level: 1, name: "職員の追加" })).toBeFocused();
  const loginId = `kbd${run}`;
  await page.getByLabel("ログインID").fill(loginId);
  await page.getByLabel("氏名").fill("鍵盤 太郎");
  await pressOn(page.getByRole("button", { name: "担当を追加" }));
  await page.getByLabel("担当1の窓口").selectOption({ label: "市民課" });
  await page.getByLabel("担当1のロール").selectOption({ label: "市民課窓口" });
  await pressOn(page.getByRole("button", { name: "追加する" }));
  await expect(page.getByRole("heading", { name: `${loginId} の初期パスワード` })).toBeFocused();
  await expect(page.getByLabel("初期パスワード", { exact: true })).toHaveValue(/^[A-Za-z0-9-]{14}$/);
  await expectNoSeriousViolations(page);

  // Their own account: disabling it is asked again, then refused, so the city keeps an administrator.
  await page.goto("/admin/staff");
  await page.getByLabel("氏名・ログインID").fill("admin");
  await page.getByRole("link", { name: "管理 一郎（admin）を編集" }).click();
  await pressOn(page.getByRole("button", { name: "無効にする…" }));
  await expect(page.getByRole("button", { name: "やめる" })).toBeFocused();
  await page.getByRole("button", { name: "無効にする", exact: true }).click();
  await expect(page.getByRole("region", { name: "アカウントの操作" }).getByRole("alert")).toContainText(
    "自分を無効にしたり",
  );

  // The counters' and roles' screens.
  await page.getByRole("navigation", { name: "職員・権限管理" }).getByRole("link", { name: "窓口" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "窓口の管理" })).toBeFocused();
  await page.getByRole("button", { name: "市民課を編集" }).click();
  await expect(page.getByLabel("窓口名")).toHaveValue("市民課");
  await expectNoSeriousViolations(page);
  // Saved as it is (other journeys rely on 市民課 as seeded): the form goes and the save is announced.
  await pressOn(page.getByRole("button", { name: "保存する" }));
  await expect(page.getByRole("status").filter({ hasText: "窓口「市民課」を保存しました" })).toBeVisible();
  await page
    .getByRole("navigation", { name: "職員・権限管理" })
    .getByRole("link", { name: "ロール" })
    .click();
  await page.getByRole("button", { name: "システム管理者を編集" }).click();
  await expect(page.getByRole("checkbox", { name: "職員・権限管理" })).toBeChecked();
  await expectNoSeriousViolations(page);
});
