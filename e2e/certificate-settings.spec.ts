import type { CertificateSettingsView } from "@ichimado/core/certificates/api";
import { defaultCertificateTypes } from "@ichimado/core/certificates/defaults";
import { expect, type Page, test } from "@playwright/test";
import { chooseCounterIfAsked, logIn } from "./support/auth.ts";
import { expectNoSeriousViolations } from "./support/axe.ts";

// A certificate the other journeys do not quote, so their fees stay as they expect; put back at the end.
const single = defaultCertificateTypes.find((t) => t.key === "certificate-single-status");
if (!single) throw new Error("the default settings have no 独身証明書");
const guidance = `本人が来庁した場合に限ります。結婚相談所の指定の様式を確認してください（e2e ${Date.now().toString(36)}）。`;
const headers = { "X-Requested-With": "ichimado" };

const settingsOf = async (page: Page) => {
  const res = await page.request.get("/api/v1/admin/certificates/settings");
  expect(res.status()).toBe(200);
  return (await res.json()) as CertificateSettingsView;
};
/** A save made by someone else, straight through the API, on the version now in force. */
const saveBehindTheScreen = async (
  page: Page,
  change: (t: CertificateSettingsView["types"][number]) => object,
) => {
  const { version, updated: _, ...settings } = await settingsOf(page);
  const types = settings.types.map((t) => (t.key === single.key ? { ...t, ...change(t) } : t));
  const res = await page.request.put("/api/v1/admin/certificates/settings", {
    headers,
    data: { ...settings, types, expectedVersion: version },
  });
  expect(res.status(), await res.text()).toBe(200);
};

test("an administrator changes a certificate's fee and guidance, saves, and finds them after a reload", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await logIn(page, "admin");
  await chooseCounterIfAsked(page, "情報政策課");
  await page.goto("/admin/catalog");
  await page.getByRole("link", { name: /証明書の設定/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "証明書の設定" })).toBeFocused();
  const row = page.locator(`tr[data-certificate="${single.key}"]`);
  await expect(row).toContainText("1通 300円");
  await expectNoSeriousViolations(page);

  // Opened from its row; a wrong amount is refused before anything is sent, with focus on the field.
  const toggle = row.getByRole("button", { name: /独身証明書$/ });
  await toggle.click();
  await expect(toggle).toHaveAttribute("aria-expanded", "true");
  const panel = page.getByRole("group", { name: "独身証明書の設定" });
  const amount = panel.getByLabel("1通の手数料（円）");
  await amount.fill("-50");
  await page.getByRole("button", { name: "証明書の設定を保存" }).click();
  await expect(amount).toBeFocused();
  await expect(page.getByRole("alert").first()).toContainText(
    "証明書の種類「独身証明書」の手数料の金額は0以上にしてください",
  );
  await expect(
    panel.getByText("証明書の種類「独身証明書」の手数料の金額は0以上にしてください"),
  ).toBeVisible();
  await expectNoSeriousViolations(page);

  // Full-width digits are what many staff type; Enter in a field saves the whole form.
  await amount.fill("３５０");
  await expect(row).toContainText("1通 350円");
  await panel.getByLabel("案内・注意事項").fill(guidance);
  await amount.press("Enter");
  await expect(page.getByRole("status").filter({ hasText: /版 \d+ として保存しました/ })).toBeVisible();
  // The editor stays open where the clerk was, on the version just saved.
  await expect(amount).toBeFocused();
  await expect(amount).toHaveValue("350");

  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "証明書の設定" })).toBeVisible();
  await expect(page.getByTestId("base-version")).toContainText("最終更新: 管理 一郎");
  await expect(row).toContainText("1通 350円");
  await row.getByRole("button", { name: /^編集.*独身証明書$/ }).click();
  await expect(panel.getByLabel("案内・注意事項")).toHaveValue(guidance);
  await expect(amount).toHaveValue("350");

  // Someone else saves meanwhile: this screen's save is refused, says so, and offers the newest version.
  await saveBehindTheScreen(page, () => ({ maxCopies: 5 }));
  await panel.getByLabel("1件で請求できる通数").fill("3");
  await page.getByRole("button", { name: "証明書の設定を保存" }).click();
  await expect(page.getByRole("alert").first()).toContainText("証明書の設定は他の職員が更新しました");
  await page.getByRole("button", { name: "最新の版を読み込み直す" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "証明書の設定" })).toBeVisible();
  await row.getByRole("button", { name: /^編集.*独身証明書$/ }).click();
  await expect(panel.getByLabel("1件で請求できる通数")).toHaveValue("5");

  // Back as the other journeys expect it.
  await saveBehindTheScreen(page, () => ({
    fee: single.fee,
    guidance: single.guidance,
    maxCopies: single.maxCopies,
  }));
});
