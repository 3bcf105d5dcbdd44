import type { PersonRecord } from "@ichimado/core/registry/records";
import { expect, type Page, test } from "@playwright/test";
import { chooseCounterIfAsked, logIn } from "./support/auth.ts";
import { expectNoSeriousViolations } from "./support/axe.ts";
import { addressOf, city, isPlainHead, must } from "./support/city.ts";

/** Plain adult residents, each in a household of their own among these: nothing masked or warned. */
const plain = city.persons.filter(isPlainHead);
// From the end of the register, away from the people search.spec.ts uses.
const first = must(plain.at(-1), "plain resident");
const second = must(
  plain.findLast((p) => p.householdId !== first.householdId && p.name !== first.name),
  "second plain resident",
);

async function openPerson(page: Page, person: PersonRecord): Promise<void> {
  await page.goto(`/persons/${person.id}`);
  await expect(page.getByRole("heading", { level: 1, name: person.name })).toBeFocused();
}

async function logInAtShimin(page: Page): Promise<void> {
  await logIn(page, "shimin01");
  await chooseCounterIfAsked(page, "市民課");
}

const relatedRegion = (page: Page) => page.getByRole("region", { name: "関連者", exact: true });

const relatedRow = (page: Page, person: PersonRecord) =>
  relatedRegion(page)
    .getByRole("table", { name: "関連者" })
    .getByRole("row")
    .filter({ has: page.getByRole("link", { name: person.name, exact: true }) });

test("a clerk links a related person by 宛名番号, sees it from both sides and removes it", async ({
  page,
}) => {
  await logInAtShimin(page);
  await openPerson(page, first);
  const related = relatedRegion(page);
  await expect(related).toContainText("関連者は登録されていません");
  const form = related.getByRole("form", { name: "関連者の追加" });
  const idField = form.getByLabel("宛名番号");
  const relation = form.getByRole("combobox", { name: "関係" });
  const add = form.getByRole("button", { name: "追加", exact: true });

  // Checked before sending: the number must be 10 digits, the relation given.
  await idField.fill("12345");
  await add.click();
  await expect(form.getByText("宛名番号は10桁の数字です")).toBeVisible();
  await expect(form.getByText("関係を入力してください")).toBeVisible();
  await expect(idField).toBeFocused();
  await expect(idField).toHaveAttribute("aria-invalid", "true");

  // The server refuses a link to the person themself, and says why.
  await idField.fill(first.id);
  await relation.fill("親族");
  await form.getByLabel("備考").fill("");
  await add.click();
  await expect(form.getByRole("alert")).toHaveText("同じ宛名どうしは関連付けできません");

  // A suggestion chosen from the combobox.
  await idField.fill(second.id);
  await relation.fill("");
  await relation.pressSequentially("同一");
  await page.getByRole("option", { name: "同一住所・別世帯" }).click();
  await expect(relation).toHaveValue("同一住所・別世帯");
  await form.getByLabel("備考").fill("e2e 確認用");
  await add.click();
  await expect(form.getByRole("status")).toHaveText(`関連者を追加しました（宛名番号 ${second.id}）`);
  await expect(idField).toHaveValue("");
  await expect(idField).toBeFocused();
  const row = relatedRow(page, second);
  await expect(row).toContainText("同一住所・別世帯");
  await expect(row).toContainText("e2e 確認用");
  await expect(row).toContainText(addressOf(second));

  // The same pair again: refused.
  await idField.fill(second.id);
  await relation.fill("介護者");
  await form.getByLabel("備考").fill("");
  await add.click();
  await expect(form.getByRole("alert")).toHaveText("この2人はすでに関連付けられています");
  await expectNoSeriousViolations(page);

  // The link shows from the other side as well.
  await row.getByRole("link", { name: second.name, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: second.name })).toBeFocused();
  const back = relatedRow(page, first);
  await expect(back).toContainText("同一住所・別世帯");
  await expect(back).toContainText("e2e 確認用");

  // A session without 届出受付 (reception) sees the links but may not change them.
  const sessionUrl = "**/api/v1/auth/session";
  await page.route(sessionUrl, async (route) => {
    const response = await route.fetch();
    const session = (await response.json()) as { functions: string[] };
    const functions = session.functions.filter((f) => f !== "reception");
    await route.fulfill({ response, json: { ...session, functions } });
  });
  await page.reload();
  await expect(back).toContainText("同一住所・別世帯");
  await expect(relatedRegion(page).getByRole("button")).toHaveCount(0);
  await expect(relatedRegion(page).getByRole("form")).toHaveCount(0);
  await page.unroute(sessionUrl);
  await page.reload();
  await expect(relatedRegion(page).getByRole("form", { name: "関連者の追加" })).toBeVisible();

  // Removing asks first; やめる keeps the link.
  const remove = back.getByRole("button", { name: `${first.name} との関連付けを削除` });
  await remove.click();
  const dialog = page.getByRole("alertdialog", { name: "関連付けの削除" });
  await expect(dialog).toContainText(`${first.name}（同一住所・別世帯）との関連付けを削除しますか？`);
  await expect(dialog.getByRole("button", { name: "やめる" })).toBeFocused();
  await expectNoSeriousViolations(page);
  await page.keyboard.press("Enter");
  await expect(dialog).toHaveCount(0);
  await expect(remove).toBeFocused();
  await expect(back).toHaveCount(1);

  await remove.press("Enter");
  await dialog.getByRole("button", { name: "削除する" }).click();
  await expect(dialog).toHaveCount(0);
  await expect(relatedRegion(page)).toContainText("関連者は登録されていません");
  await expect(relatedRegion(page).getByRole("heading", { name: "関連者", exact: true })).toBeFocused();

  // Gone from the first person's view too.
  await page.goBack();
  await expect(page.getByRole("heading", { level: 1, name: first.name })).toBeVisible();
  await expect(relatedRegion(page)).toContainText("関連者は登録されていません");
});

test("a clerk picks a 来庁者 and 対象者; the tray keeps them over a reload, and clears", async ({ page }) => {
  await logInAtShimin(page);
  const tray = page.getByRole("region", { name: "選択中の宛名" });
  await expect(tray).toContainText(/来庁者:\s*未選択/);
  await expect(tray).toContainText("対象者: 0 名");

  await openPerson(page, first);
  await page.getByRole("button", { name: "来庁者にする", exact: true }).click();
  await expect(page.getByRole("button", { name: "来庁者に設定済み", exact: true })).toHaveAttribute(
    "aria-disabled",
    "true",
  );
  await expect(tray.getByRole("link", { name: first.name, exact: true })).toBeVisible();

  await openPerson(page, second);
  await expect(page.getByRole("button", { name: "来庁者にする", exact: true })).toBeVisible();
  await page.getByRole("button", { name: "対象者に追加", exact: true }).click();
  await expect(page.getByRole("button", { name: "対象者に追加済み", exact: true })).toHaveAttribute(
    "aria-disabled",
    "true",
  );
  await expect(tray).toContainText("対象者: 1 名");
  await expect(tray.getByRole("list", { name: "申請対象者" })).toContainText(second.name);

  // A reload (or another screen) keeps the selection.
  await page.reload();
  await expect(tray.getByRole("button", { name: `来庁者 ${first.name} を外す` })).toBeVisible();
  await expect(tray).toContainText("対象者: 1 名");
  await expect(page.getByRole("button", { name: "対象者に追加済み", exact: true })).toBeVisible();
  await expectNoSeriousViolations(page);

  // The visitor may be a subject too; by keyboard from the tray's link.
  await tray.getByRole("link", { name: first.name, exact: true }).press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: first.name })).toBeFocused();
  await page.getByRole("button", { name: "対象者に追加", exact: true }).press("Enter");
  await expect(tray).toContainText("対象者: 2 名");

  await tray.getByRole("button", { name: `対象者 ${second.name} を外す` }).press("Enter");
  await expect(tray).toContainText("対象者: 1 名");
  await expect(tray.getByRole("heading", { name: "選択中の宛名" })).toBeFocused();
  await expect(tray.getByRole("list", { name: "申請対象者" })).not.toContainText(second.name);

  await tray.getByRole("button", { name: "すべてクリア" }).click();
  await expect(tray).toContainText(/来庁者:\s*未選択/);
  await expect(tray).toContainText("対象者: 0 名");
  await expect(page.getByRole("button", { name: "来庁者にする", exact: true })).toBeVisible();
  await page.reload();
  await expect(tray).toContainText(/来庁者:\s*未選択/);

  // Logging out empties it.
  await page.getByRole("button", { name: "来庁者にする", exact: true }).click();
  await expect(tray.getByRole("link", { name: first.name, exact: true })).toBeVisible();
  await page.getByRole("button", { name: "ログアウト" }).click();
  await logInAtShimin(page);
  await expect(tray).toContainText(/来庁者:\s*未選択/);
  await expect(tray).toContainText("対象者: 0 名");
});
