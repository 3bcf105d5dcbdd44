import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { chooseCounterIfAsked, demoPassword, logIn } from "./support/auth.ts";

const menu = (page: Page) => page.getByRole("navigation", { name: "業務メニュー" });

async function expectNoSeriousViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  const described = serious.map(
    (v) => `${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
  );
  expect(described).toEqual([]);
}

test("a clerk logs in, chooses a counter, switches counter and logs out", async ({ page }) => {
  await logIn(page, "shimin01");
  await expect(page.getByRole("heading", { name: "窓口の選択" })).toBeVisible();
  await chooseCounterIfAsked(page, "市民課");

  await expect(page.getByTestId("staff-name")).toHaveText("市民 花子");
  await expect(page.getByTestId("current-counter")).toHaveText("市民課");
  await expect(menu(page).getByRole("link", { name: "証明受付" })).toBeVisible();
  await expect(page.getByRole("list", { name: "閲覧できる業務" })).toContainText("戸籍");

  await page.getByRole("button", { name: "窓口切替" }).click();
  await page.getByRole("menuitemradio", { name: "保険年金課" }).click();
  await expect(page.getByTestId("current-counter")).toHaveText("保険年金課");
  await expect(menu(page).getByRole("link", { name: "届出受付" })).toBeVisible();
  await expect(menu(page).getByRole("link", { name: "証明受付" })).toHaveCount(0);
  await expect(page.getByRole("list", { name: "閲覧できる業務" })).not.toContainText("戸籍");

  await menu(page).getByRole("link", { name: "宛名検索・照会" }).click();
  await expect(page).toHaveURL(/\/search$/);
  await expect(page.getByRole("heading", { name: "宛名検索・照会" })).toBeVisible();
  await expect(page.getByLabel("氏名・カナ")).toBeFocused();

  // Keyboard only: open the menu with Enter, choose with Enter.
  await page.getByRole("button", { name: "窓口切替" }).press("Enter");
  await page.getByRole("menuitemradio", { name: "市民課" }).press("Enter");
  await expect(page.getByTestId("current-counter")).toHaveText("市民課");

  await page.getByRole("button", { name: "ログアウト" }).click();
  await expect(page.getByRole("heading", { name: "ログイン" })).toBeVisible();
  await expect(page).toHaveURL(/\/login$/);
  await page.goto("/");
  await expect(page).toHaveURL(/\/login$/);
});

test("a wrong password shows the reason and stays on the login screen", async ({ page }) => {
  await logIn(page, "hoken01", "not-the-password");
  await expect(page.getByRole("alert")).toHaveText("ログインIDまたはパスワードが正しくありません");
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByLabel("ログインID")).toHaveValue("hoken01");
});

test("an expired session returns to the login screen", async ({ page, context }) => {
  await logIn(page, "center01");
  await chooseCounterIfAsked(page, "平田行政センター");
  await context.clearCookies();
  await page.reload();
  await expect(page.getByRole("heading", { name: "ログイン" })).toBeVisible();
});

test("new staff change the initial password before anything else", async ({ page }) => {
  await logIn(page, "newstaff");
  await expect(page.getByRole("heading", { name: "パスワード変更" })).toBeVisible();
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "パスワード変更" })).toBeVisible();

  const current = page.getByLabel("現在のパスワード");
  const next = page.getByLabel("新しいパスワード", { exact: true });
  const confirm = page.getByLabel("新しいパスワード (確認)");
  await expect(current).toBeFocused();
  await current.fill(demoPassword);
  await next.fill("short");
  await confirm.fill("different");
  await confirm.press("Enter");
  await expect(page.getByRole("alert")).toContainText("入力内容に誤りがあります");
  await expect(next).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("パスワードは12文字以上にしてください")).toBeVisible();
  await expect(page.getByText("確認用のパスワードが新しいパスワードと一致しません")).toBeVisible();
  await expectNoSeriousViolations(page);

  await next.fill("sakura-2026-spring");
  await confirm.fill("sakura-2026-spring");
  await page.getByRole("button", { name: "パスワードを変更" }).click();
  await chooseCounterIfAsked(page, "市民課");
  await expect(page.getByTestId("staff-name")).toHaveText("新人 さくら");
  await expect(page.getByTestId("current-counter")).toHaveText("市民課");
});

test("login, counter choice and home have no serious accessibility violations", async ({ page }) => {
  await page.goto("/login");
  await expect(page.getByLabel("ログインID")).toBeFocused();
  await expectNoSeriousViolations(page);

  await logIn(page, "kakari01", "wrong-password");
  await expect(page.getByRole("alert")).not.toBeEmpty();
  await expectNoSeriousViolations(page);

  await logIn(page, "shimin01");
  await expect(page.getByRole("heading", { name: "窓口の選択" })).toBeVisible();
  await expectNoSeriousViolations(page);
  await chooseCounterIfAsked(page, "市民課");
  await expectNoSeriousViolations(page);
});
