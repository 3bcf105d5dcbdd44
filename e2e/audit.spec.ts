import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { chooseCounterIfAsked, logIn } from "./support/auth.ts";
import { expectNoSeriousViolations } from "./support/axe.ts";
import { city, isPlainHead, must } from "./support/city.ts";

const today = new Intl.DateTimeFormat("sv-SE", { timeZone: "Asia/Tokyo" }).format(new Date());
// A head of household no other journey opens, so the log's lines about them are this journey's.
const looked = must(city.persons.filter(isPlainHead)[37], "a 38th plain head of household");

test("an auditor finds a clerk's look at a person in the 監査証跡, exports it and verifies the chain", async ({
  page,
}) => {
  // 市民 花子 at 市民課 opens the person's view.
  await logIn(page, "shimin01");
  await chooseCounterIfAsked(page, "市民課");
  await page.goto(`/persons/${looked.id}`);
  await expect(page.getByRole("heading", { level: 1, name: looked.name })).toBeVisible();
  await page.getByRole("button", { name: "ログアウト" }).click();
  await expect(page.getByRole("heading", { name: "ログイン" })).toBeVisible();

  // 監査 次郎 (監査担当) filters the log by the person's 宛名番号, typed in full-width digits.
  await logIn(page, "audit01");
  await chooseCounterIfAsked(page, "情報政策課");
  await page
    .getByRole("navigation", { name: "業務メニュー" })
    .getByRole("link", { name: /監査証跡/ })
    .click();
  await expect(page.getByRole("heading", { level: 1, name: "監査証跡" })).toBeVisible();
  const filters = page.getByRole("form", { name: "監査証跡の絞り込み" });
  const fullWidth = looked.id.replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
  await filters.getByLabel("宛名番号").fill(fullWidth);
  await filters.getByLabel("期間の初日").fill(today);
  // the actions sit in a disclosure, opened from the keyboard
  await filters.getByText("操作で絞り込む").focus();
  await page.keyboard.press("Enter");
  await filters.getByRole("group", { name: "宛名" }).getByLabel("宛名照会").check();
  await filters.getByLabel("宛名番号").press("Enter");

  const table = page.getByRole("table", { name: "監査証跡の記録（新しい順）" });
  const row = table.getByRole("row").filter({ hasText: "市民 花子" });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("宛名照会");
  await expect(row).toContainText(`person:${looked.id}`);
  await expect(row).toContainText("市民課");
  await expect(row).toContainText("成功");
  await expect(row).toContainText(today);
  await expect(page.getByRole("button", { name: "次のページ（古い記録）" })).toBeDisabled();
  await expectNoSeriousViolations(page);

  // The same filter as UTF-8 CSV: BOM, header, and the clerk's line.
  const downloading = page.waitForEvent("download");
  await page.getByRole("button", { name: "CSV出力（UTF-8 (BOM付き)）" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`監査証跡_${today}.csv`);
  const bytes = await readFile(must((await download.path()) ?? undefined, "download"));
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = bytes.subarray(3).toString("utf-8").trimEnd().split("\r\n");
  expect(lines[0]).toBe(
    "番号,日時,ログインID,職員名,窓口,操作,操作キー,対象,宛名番号,結果,詳細,端末IPアドレス",
  );
  expect(lines).toHaveLength(2);
  expect(lines[1]).toMatch(
    new RegExp(
      `^\\d+,${today} \\d\\d:\\d\\d:\\d\\d,shimin01,市民 花子,市民課,宛名照会,person.read,person:${looked.id},${looked.id}`,
    ),
  );
  await expect(page.getByRole("status").filter({ hasText: "を出力しました" })).toContainText(
    `監査証跡_${today}.csv を出力しました。`,
  );

  // The export and the views are in the log too: the auditor's own export is the newest data.export.
  await filters.getByRole("button", { name: "条件をクリア" }).click();
  await filters.getByLabel("職員", { exact: true }).fill("audit01");
  await filters.getByRole("group", { name: "帳票・出力" }).getByLabel("データ出力").check();
  await filters.getByRole("button", { name: "絞り込む" }).click();
  await expect(table.getByRole("row").nth(1)).toContainText("データ出力");
  await expect(table.getByRole("row").nth(1)).toContainText(`"personId":"${looked.id}"`);

  // 改ざん検査 by keyboard.
  await page.getByRole("button", { name: "改ざん検査を実行" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status").filter({ hasText: "正常です" })).toContainText(
    /件の記録を検査し、異常はありませんでした/,
  );

  // The analysis tab, reached with the arrow key, for this month.
  await page.getByRole("tab", { name: "記録の一覧" }).focus();
  await page.keyboard.press("ArrowRight");
  await expect(page.getByRole("tab", { name: "分析" })).toBeFocused();
  await expect(page.getByRole("tab", { name: "分析" })).toHaveAttribute("aria-selected", "true");
  await page.getByRole("button", { name: "分析する" }).click();
  await expect(page.getByRole("heading", { name: "大量照会" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "時間外アクセス" })).toBeVisible();
  await expectNoSeriousViolations(page);
});
