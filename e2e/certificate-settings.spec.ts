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

test("an administrator adds a 記載事項 with who may not have it and drops the catalog procedure, saves, and finds them after a reload", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await logIn(page, "admin");
  await chooseCounterIfAsked(page, "情報政策課");
  await page.goto("/admin/certificates");
  await expect(page.getByRole("heading", { level: 1, name: "証明書の設定" })).toBeVisible();
  const row = page.locator(`tr[data-certificate="${single.key}"]`);
  await row.getByRole("button", { name: /^編集.*独身証明書$/ }).click();
  const panel = page.getByRole("group", { name: "独身証明書の設定" });
  const procedure = panel.getByLabel("カタログの手続き");
  await expect(procedure).toHaveValue("certificate-single-status");
  await expect(procedure.locator("option:checked")).toHaveText("独身証明書");
  await expect(panel.getByText("記載事項はありません。")).toBeVisible();

  // A new option takes the focus at its key; a key of the wrong form and no name are refused here.
  await panel.getByRole("button", { name: /^記載事項を追加/ }).click();
  const option = panel.getByRole("group", { name: "記載事項（1件目）" });
  const key = option.getByLabel("キー");
  await expect(key).toBeFocused();
  await key.fill("marital-history");
  await page.getByRole("button", { name: "証明書の設定を保存" }).click();
  await expect(key).toBeFocused();
  await expect(page.getByRole("alert").first()).toContainText(
    "証明書の種類「独身証明書」の記載事項の1件目の名称を入力してください",
  );
  await expect(
    option.getByText(
      "証明書の種類「独身証明書」の記載事項の1件目のキーは英小文字で始め、英字だけで2〜31文字にしてください（例: householdHead）",
    ),
  ).toBeVisible();
  await expectNoSeriousViolations(page);

  await key.fill("maritalHistory");
  await option.getByLabel("名称").fill("婚姻歴");
  const named = panel.getByRole("group", { name: "記載事項「婚姻歴」" });
  await named.getByRole("group", { name: "記載できない請求者" }).getByLabel("第三者（正当な理由）").check();
  await named.getByLabel("代理人は委任状に明記がある場合のみ").check();
  await procedure.selectOption("");
  await named.getByLabel("名称").press("Enter");
  await expect(page.getByRole("status").filter({ hasText: /版 \d+ として保存しました/ })).toBeVisible();
  await expect(named.getByLabel("名称")).toBeFocused();
  // Saved, its key is the option's for good: shown, no longer typed.
  await expect(named.getByRole("textbox", { name: "キー" })).toHaveCount(0);

  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "証明書の設定" })).toBeVisible();
  await row.getByRole("button", { name: /^編集.*独身証明書$/ }).click();
  await expect(procedure).toHaveValue("");
  await expect(named).toContainText("maritalHistory");
  await expect(named.getByLabel("名称")).toHaveValue("婚姻歴");
  const refused = named.getByRole("group", { name: "記載できない請求者" });
  await expect(refused.getByLabel("第三者（正当な理由）")).toBeChecked();
  await expect(refused.getByLabel("本人")).not.toBeChecked();
  await expect(named.getByLabel("代理人は委任状に明記がある場合のみ")).toBeChecked();
  await expectNoSeriousViolations(page);
  const saved = (await settingsOf(page)).types.find((t) => t.key === single.key);
  expect(saved?.procedureKey).toBeNull();
  expect(saved?.options).toEqual([
    { key: "maritalHistory", name: "婚姻歴", refusedTo: ["thirdParty"], delegationMustName: true },
  ]);

  // Back as the other journeys expect it.
  await saveBehindTheScreen(page, () => ({ options: single.options, procedureKey: single.procedureKey }));
});
