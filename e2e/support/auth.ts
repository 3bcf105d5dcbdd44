import { expect, type Page } from "@playwright/test";

export const demoPassword = "ichimado-demo-1";

/** Fills the login form and submits it with Enter, as staff at a counter would. */
export async function logIn(page: Page, loginId: string, password = demoPassword): Promise<void> {
  await page.goto("/login");
  await expect(page.getByRole("heading", { name: "ログイン" })).toBeVisible();
  await page.getByLabel("ログインID").fill(loginId);
  await page.getByLabel("パスワード").fill(password);
  await page.getByLabel("パスワード").press("Enter");
}

/** Chooses a counter if the app asks for one. */
export async function chooseCounterIfAsked(page: Page, counterName: string): Promise<void> {
  const home = page.getByRole("heading", { name: "ホーム" });
  const choice = page.getByRole("heading", { name: "窓口の選択" });
  await expect(home.or(choice)).toBeVisible();
  if (await choice.isVisible()) {
    // With a single counter the app chooses it by itself and the button may vanish under the click;
    // either way the home screen must follow.
    await page
      .getByRole("button", { name: new RegExp(`^${counterName}`) })
      .click({ timeout: 3_000 })
      .catch(() => undefined);
  }
  await expect(home).toBeVisible();
}
