import { expect, type Locator, type Page, test } from "@playwright/test";
import { chooseCounterIfAsked, logIn } from "./support/auth.ts";
import { expectNoSeriousViolations } from "./support/axe.ts";
import { must } from "./support/city.ts";
import { pressOn, region } from "./support/keyboard.ts";

// 戸籍の届出 taken at 市民課; none has a role restriction, so 市民課's staff take all three.
const [marriage, transfer, separation] = ["婚姻届", "転籍届", "分籍届"] as const;

/** A closed select changes with the arrow keys, one option at a time. */
async function chooseByKeys(select: Locator, value: string): Promise<void> {
  await select.focus();
  const values = await select
    .locator("option")
    .evaluateAll((options) => options.map((o) => (o as unknown as { value: string }).value));
  expect(values).toContain(value);
  const steps = values.indexOf(value) - values.indexOf(await select.inputValue());
  for (let i = 0; i < Math.abs(steps); i++) {
    await select.page().keyboard.press(steps > 0 ? "ArrowDown" : "ArrowUp");
  }
  await expect(select).toHaveValue(value);
}

const caseRow = (procedures: Locator, name: string) =>
  procedures
    .getByRole("table", { name: "届出によらない手続き" })
    .getByRole("row")
    .filter({ has: procedures.page().getByRole("rowheader", { name }) });

/** The clerk's part: a case at 市民課 with three procedures added by hand and taken (受付済). */
async function acceptThree(page: Page): Promise<string> {
  await logIn(page, "shimin01");
  await chooseCounterIfAsked(page, "市民課");
  await page.goto("/cases");
  await expect(page.getByRole("heading", { level: 1, name: "対応一覧" })).toBeFocused();
  await pressOn(page.getByRole("button", { name: "新しい対応", exact: true }));
  await expect(page).toHaveURL(/\/cases\/\d+$/);
  const caseId = must(/\/cases\/(\d+)$/.exec(page.url())?.[1], "case id");
  const procedures = region(page, "手続き一覧");
  const addForm = procedures.getByRole("form", { name: "手続きの追加" });
  for (const name of [marriage, transfer, separation]) {
    const choice = addForm.getByRole("combobox", { name: "追加する手続き" });
    await choice.focus();
    await page.keyboard.type(name);
    await expect(page.getByRole("option", { name: new RegExp(`^${name}`) }).first()).toBeVisible();
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Enter");
    await expect(choice).toHaveValue(name);
    await pressOn(addForm.getByRole("button", { name: "手続きを追加" }));
    await expect(procedures.getByRole("status")).toHaveText(`手続き「${name}」を追加しました`);
    const row = caseRow(procedures, name);
    await chooseByKeys(row.getByRole("combobox", { name: /の状態$/ }), "received");
    await page.keyboard.press("Tab");
    await expect(row.getByRole("button", { name: /の状態を変更$/ })).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(procedures.getByRole("status")).toContainText("受付済にしました");
  }
  await pressOn(page.getByRole("button", { name: "ログアウト" }));
  await expect(page.getByRole("heading", { name: "ログイン" })).toBeVisible();
  return caseId;
}

test("the back office finds procedures waiting for 審査 and moves several on at once", async ({ page }) => {
  test.setTimeout(180_000);
  const caseId = await acceptThree(page);

  // The reviewer at the same counter opens 進捗管理 from the menu under 対応.
  await logIn(page, "kakari01");
  await chooseCounterIfAsked(page, "市民課");
  await pressOn(
    page.getByRole("navigation", { name: "業務メニュー" }).getByRole("link", { name: "進捗管理" }),
  );
  await expect(page).toHaveURL(/\/cases\/progress$/);
  await expect(page.getByRole("heading", { level: 1, name: "進捗管理" })).toBeFocused();
  const filter = page.getByRole("form", { name: "手続きの絞り込み" });
  await expect(filter.getByRole("checkbox", { name: "受付済 (審査待ち)" })).toBeChecked();
  await expect(filter.getByRole("checkbox", { name: "審査済 (完了待ち)" })).toBeChecked();
  await expect(filter.getByRole("checkbox", { name: "完了", exact: true })).not.toBeChecked();

  const caseLink = page.getByRole("link", { name: `受付番号 ${caseId}`, exact: true });
  const rows = page.getByRole("row").filter({ has: caseLink });
  const rowOf = (name: string) =>
    rows.filter({ has: page.getByRole("rowheader", { name: new RegExp(`^${name}`) }) });
  await expect(rows).toHaveCount(3);
  for (const name of [marriage, transfer, separation]) {
    await expect(rowOf(name).getByTestId("progress-status")).toHaveText("受付済");
    await expect(rowOf(name)).toContainText("市民 花子");
    await expect(rowOf(name)).toContainText("0 日");
  }

  // Narrowed to one procedure, the list shows only it; back to all of them.
  await chooseByKeys(filter.getByLabel("手続き"), "marriage-notice");
  await pressOn(filter.getByRole("button", { name: "表示" }));
  await expect(page).toHaveURL(/procedure=marriage-notice/);
  await expect(rows).toHaveCount(1);
  await chooseByKeys(filter.getByLabel("手続き"), "");
  await pressOn(filter.getByRole("button", { name: "表示" }));
  await expect(rows).toHaveCount(3);

  // Two at once to 審査済.
  for (const name of [marriage, transfer]) await pressOn(rowOf(name).getByRole("checkbox"), "Space");
  await expect(page.getByTestId("progress-count")).toContainText("2 件を選択中");
  await pressOn(page.getByRole("button", { name: "選んだ手続きを審査済にする" }));
  const outcome = page.getByTestId("progress-outcome");
  await expect(outcome.getByRole("heading")).toHaveText("2 件を審査済にしました");
  await expect(outcome.getByRole("heading")).toBeFocused();
  await expect(rowOf(marriage).getByTestId("progress-status")).toHaveText("審査済");
  await expect(rowOf(transfer).getByTestId("progress-status")).toHaveText("審査済");
  await expect(rowOf(separation).getByTestId("progress-status")).toHaveText("受付済");

  // All three to 完了: the one not yet reviewed is refused, with the reason beside its name.
  for (const name of [marriage, transfer, separation]) {
    const box = rowOf(name).getByRole("checkbox");
    if (!(await box.isChecked())) await pressOn(box, "Space");
    await expect(box).toBeChecked();
  }
  await pressOn(page.getByRole("button", { name: "選んだ手続きを完了にする" }));
  await expect(outcome.getByRole("heading")).toHaveText("2 件を完了にしました。1 件はできませんでした");
  await expect(outcome.getByRole("listitem")).toHaveText(
    `${separation}: 受付済の手続きは完了にできません (審査済にしてから完了にします)`,
  );
  // 完了 is no longer waiting: only the refused one stays on the default list.
  await expect(rows).toHaveCount(1);
  await expect(rowOf(separation)).toHaveCount(1);
  await expectNoSeriousViolations(page);

  // The case screen shows the statuses set here.
  await pressOn(caseLink);
  await expect(page.getByRole("heading", { level: 1, name: `対応 受付番号 ${caseId}` })).toBeFocused();
  const procedures = region(page, "手続き一覧");
  const statusOf = (name: string) => caseRow(procedures, name).getByRole("combobox", { name: /の状態$/ });
  await expect(statusOf(marriage)).toHaveValue("completed");
  await expect(statusOf(transfer)).toHaveValue("completed");
  await expect(statusOf(separation)).toHaveValue("received");
  const history = region(page, "対応履歴");
  await expect(history).toContainText("審査済 → 完了");
  await expect(history).toContainText("出雲 誠");
});

test("すべて選ぶ changes more rows than one request may carry", async ({ page }) => {
  test.setTimeout(180_000);
  // 105 procedures taken at 市民課 through the API: one request carries at most 100 (progressBatchLimit)
  await logIn(page, "shimin01");
  await chooseCounterIfAsked(page, "市民課");
  const headers = { "x-requested-with": "ichimado" };
  const created = await page.request.post("/api/v1/cases", { headers, data: { channel: "visit" } });
  expect(created.status()).toBe(201);
  const { id: caseId } = (await created.json()) as { id: number };
  for (let i = 0; i < 105; i++) {
    const added = await page.request.post(`/api/v1/cases/${caseId}/procedures`, {
      headers,
      data: { key: "marriage-notice" },
    });
    expect(added.status()).toBe(201);
    const { id } = (await added.json()) as { id: number };
    const taken = await page.request.put(`/api/v1/cases/${caseId}/procedures/${id}/status`, {
      headers,
      data: { status: "received" },
    });
    expect(taken.status()).toBe(200);
  }
  await pressOn(page.getByRole("button", { name: "ログアウト" }));
  await expect(page.getByRole("heading", { name: "ログイン" })).toBeVisible();

  await logIn(page, "kakari01");
  await chooseCounterIfAsked(page, "市民課");
  await page.goto("/cases/progress?status=received");
  await expect(page.getByRole("heading", { level: 1, name: "進捗管理" })).toBeFocused();
  const caseRows = page
    .getByRole("row")
    .filter({ has: page.getByRole("link", { name: `受付番号 ${caseId}`, exact: true }) });
  await expect(caseRows).toHaveCount(105);
  await pressOn(page.getByRole("button", { name: "すべて選ぶ" }));
  const count = page.getByTestId("progress-count");
  await expect(count).toContainText("件を選択中");
  const chosen = Number(must(/\((\d+) 件を選択中\)/.exec((await count.textContent()) ?? "")?.[1], "chosen"));
  expect(chosen).toBeGreaterThanOrEqual(105);
  await pressOn(page.getByRole("button", { name: "選んだ手続きを審査済にする" }));
  const outcome = page.getByTestId("progress-outcome");
  await expect(outcome.getByRole("heading")).toHaveText(`${chosen} 件を審査済にしました`);
  await expect(outcome.getByRole("heading")).toBeFocused();
  // none is left waiting for 審査; every one of the case's rows is 審査済 on the default list
  await expect(caseRows).toHaveCount(0);
  await page.goto("/cases/progress");
  await expect(caseRows).toHaveCount(105);
  await expect(caseRows.getByTestId("progress-status").filter({ hasText: "審査済" })).toHaveCount(105);
});
