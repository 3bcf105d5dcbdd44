import { expect, type Page, test } from "@playwright/test";
import { chooseCounterIfAsked, logIn } from "./support/auth.ts";
import { expectNoSeriousViolations } from "./support/axe.ts";

// Unique per run, so a notice left by an earlier run on the same data is never the one checked.
const title = `住民票の交付窓口の変更 ${Date.now().toString(36)}`;

const noticesPanel = (page: Page) => page.getByRole("region", { name: /^伝達事項/ });
const noticeItem = (page: Page) => noticesPanel(page).getByRole("listitem", { name: title });
const noticeRow = (page: Page) =>
  page.getByRole("table", { name: "伝達事項の一覧" }).getByRole("row", { name: new RegExp(title) });

async function asAdministrator(page: Page): Promise<void> {
  await logIn(page, "admin");
  await chooseCounterIfAsked(page, "情報政策課");
  await page
    .getByRole("navigation", { name: "業務メニュー" })
    .getByRole("link", { name: "伝達事項管理" })
    .click();
  await expect(page.getByRole("heading", { level: 1, name: "伝達事項管理" })).toBeFocused();
}

test("an administrator's notice to 市民課 is read there and not seen at 保険年金課", async ({
  page,
  browser,
}) => {
  test.setTimeout(90_000);
  // A 市民課 clerk has home open before the notice is sent, with a clock the test can move on.
  const { baseURL, locale, timezoneId } = test.info().project.use;
  const waiting = await browser.newContext({ baseURL, locale, timezoneId });
  const clerkHome = await waiting.newPage();
  await clerkHome.clock.install();
  await logIn(clerkHome, "shimin01");
  await chooseCounterIfAsked(clerkHome, "市民課");
  await expect(noticesPanel(clerkHome).getByText(/伝達事項を読み込んでいます/)).toHaveCount(0);
  await expect(noticesPanel(clerkHome)).not.toContainText(title);

  await asAdministrator(page);

  // A mistake is said at the field, and the keyboard lands there.
  await page.getByRole("button", { name: "掲載する" }).click();
  await expect(page.getByLabel("件名")).toBeFocused();
  await expect(page.getByText("件名を入力してください").first()).toBeVisible();

  await page.getByLabel("件名").fill(title);
  await page
    .getByLabel("本文")
    .fill("12月7日から住民票の交付は2番窓口で行います。\n案内表示を確認してください。");
  await page.getByLabel(/^重要/).check();
  await page.getByLabel("選んだ窓口の職員").check();
  await page.getByRole("group", { name: "窓口", exact: true }).getByLabel("市民課", { exact: true }).check();
  await expect(page.getByLabel("掲示開始日")).not.toHaveValue("");
  await page.getByRole("button", { name: "掲載する" }).click();
  await expect(page.getByRole("status").filter({ hasText: `「${title}」を掲載しました` })).toBeVisible();
  await expect(noticeRow(page)).toContainText("市民課");
  await expect(noticeRow(page)).toContainText("掲示中");
  await expect(noticeRow(page)).toContainText("0 人");
  await expectNoSeriousViolations(page);
  await page.context().clearCookies();

  // The home already open shows it within a minute, without a reload.
  await clerkHome.clock.fastForward("01:05");
  await expect(noticeItem(clerkHome)).toContainText("未読");
  await waiting.close();

  // A 市民課 clerk sees it on home, marked unread, and marks it read.
  await logIn(page, "shimin01");
  await chooseCounterIfAsked(page, "市民課");
  await expect(noticeItem(page)).toContainText("未読");
  await expect(noticeItem(page)).toContainText("重要");
  await expect(noticeItem(page)).toContainText("2番窓口");
  await expectNoSeriousViolations(page);
  await noticeItem(page).getByRole("button", { name: "既読にする" }).click();
  await expect(noticeItem(page)).toContainText("既読");
  await expect(noticeItem(page).getByRole("button", { name: "既読にする" })).toHaveCount(0);
  await page.reload();
  await expect(noticeItem(page)).not.toContainText("未読");
  await page.context().clearCookies();

  // A 保険年金課 clerk does not see it.
  await logIn(page, "hoken01");
  await chooseCounterIfAsked(page, "保険年金課");
  await expect(noticesPanel(page)).toBeVisible();
  await expect(noticesPanel(page).getByText(/伝達事項を読み込んでいます/)).toHaveCount(0);
  await expect(noticesPanel(page)).not.toContainText(title);
  await page.context().clearCookies();

  // The administrator sees it read once, and withdraws it.
  await asAdministrator(page);
  await expect(noticeRow(page)).toContainText("1 人");
  await noticeRow(page)
    .getByRole("button", { name: `「${title}」を取り下げる` })
    .click();
  await expect(page.getByRole("button", { name: "やめる" })).toBeFocused();
  await noticeRow(page).getByRole("button", { name: "取り下げる", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: `「${title}」を取り下げました` })).toBeVisible();
  await expect(noticeRow(page)).toContainText("取り下げ");
});
