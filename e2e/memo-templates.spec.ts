import { expect, type Page, test } from "@playwright/test";
import { chooseCounterIfAsked, logIn } from "./support/auth.ts";
import { expectNoSeriousViolations } from "./support/axe.ts";
import { pressOn, region } from "./support/keyboard.ts";

// Unique per run, so a template left by an earlier run on the same data is never the one checked.
const phrase = `住所は運転免許証で確認 ${Date.now().toString(36)}`;

const templateItem = (page: Page, text: string) =>
  page.getByRole("list", { name: "定型文の一覧" }).getByRole("listitem").filter({ hasText: text });

async function asAdministrator(page: Page): Promise<void> {
  await logIn(page, "admin");
  await chooseCounterIfAsked(page, "情報政策課");
  await page.getByRole("navigation", { name: "業務メニュー" }).getByRole("link", { name: "定型文" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "定型文管理" })).toBeFocused();
}

test("an administrator's memo template for 市民課 is inserted into a case memo there, and not offered at 保険年金課", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await asAdministrator(page);

  // The shared defaults are there from the installation.
  await expect(templateItem(page, "他課へ案内済み")).toBeVisible();
  await page.getByLabel("表示する窓口").selectOption({ label: "市民課" });
  await page.getByRole("button", { name: "追加する" }).click();
  await expect(page.getByText("定型文を入力してください").first()).toBeVisible();
  await page.getByLabel("定型文", { exact: true }).fill(phrase);
  await page.getByRole("button", { name: "追加する" }).click();
  await expect(page.getByRole("status").filter({ hasText: `「${phrase}」を追加しました` })).toBeVisible();
  await expect(templateItem(page, phrase)).toBeVisible();
  await expectNoSeriousViolations(page);
  await page.context().clearCookies();

  // A 市民課 clerk inserts it into a memo, edits the text and saves it.
  await logIn(page, "shimin01");
  await chooseCounterIfAsked(page, "市民課");
  await page.goto("/certificates");
  await pressOn(page.getByRole("button", { name: "新しい対応" }));
  await expect(page).toHaveURL(/\/cases\/\d+$/);
  const memo = region(page, "メモ");
  const text = memo.getByLabel("メモ", { exact: true });
  await pressOn(memo.getByRole("button", { name: "本人確認済み" }));
  await expect(text).toBeFocused();
  await pressOn(memo.getByRole("button", { name: phrase }));
  await expect(text).toHaveValue(`本人確認済み\n${phrase}`);
  await expect(text).toBeFocused();
  await page.keyboard.type("（再確認不要）");
  await expect(text).toHaveValue(`本人確認済み\n${phrase}（再確認不要）`);
  await expectNoSeriousViolations(page);
  await page.keyboard.press("Tab");
  await expect(memo.getByRole("button", { name: "メモを保存" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(memo.getByRole("status")).toHaveText("メモを保存しました");
  await expect(memo.getByRole("list", { name: "記入されたメモ" })).toContainText(`${phrase}（再確認不要）`);
  await page.context().clearCookies();

  // At 保険年金課 it is not offered; the shared ones are.
  await logIn(page, "hoken01");
  await chooseCounterIfAsked(page, "保険年金課");
  const offered = await page.request.get("/api/v1/memo-templates?use=caseMemo");
  expect(offered.status()).toBe(200);
  const texts = ((await offered.json()) as { templates: { text: string }[] }).templates.map((t) => t.text);
  expect(texts).toContain("本人確認済み");
  expect(texts).not.toContain(phrase);
  await page.context().clearCookies();

  // The administrator deletes it, asked again first.
  await asAdministrator(page);
  await page.getByLabel("表示する窓口").selectOption({ label: "市民課" });
  await templateItem(page, phrase)
    .getByRole("button", { name: `「${phrase}」を削除` })
    .click();
  await expect(page.getByRole("button", { name: "やめる" })).toBeFocused();
  await templateItem(page, phrase).getByRole("button", { name: "削除する" }).click();
  await expect(page.getByRole("status").filter({ hasText: `「${phrase}」を削除しました` })).toBeVisible();
  await expect(templateItem(page, phrase)).toHaveCount(0);
});
