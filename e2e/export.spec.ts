import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { chooseCounterIfAsked, logIn } from "./support/auth.ts";
import { expectNoSeriousViolations } from "./support/axe.ts";
import { must } from "./support/city.ts";

const today = new Intl.DateTimeFormat("sv-SE", { timeZone: "Asia/Tokyo" }).format(new Date());
const headers = { "x-requested-with": "ichimado" };
const menu = (page: import("@playwright/test").Page) =>
  page.getByRole("navigation", { name: "業務メニュー" });

test("データ出力: a supervisor downloads the period's 対応履歴 and the data dictionary", async ({ page }) => {
  // 出雲 誠 is 窓口責任者 at 市民課: データ出力 is his.
  await logIn(page, "kakari01");
  await chooseCounterIfAsked(page, "市民課");
  const opened = await page.request.post("/api/v1/cases", { headers, data: { channel: "visit" } });
  expect(opened.status()).toBe(201);
  const caseId = ((await opened.json()) as { id: number }).id;

  await menu(page).getByRole("link", { name: "データ出力" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "データ出力" })).toBeVisible();
  await expect(page.getByText("準備中")).toHaveCount(0);
  // The whole register does not leave through the browser: the screen names the command instead.
  const all = page.getByRole("region", { name: "市のデータの一括出力" });
  await expect(all).toContainText("npm run cli -- export-data --out");
  await expect(all.getByRole("link")).toHaveCount(0);
  await expect(all.getByRole("button")).toHaveCount(0);

  await page.getByLabel("期間の初日").fill(today);
  await page.getByLabel("期間の末日").fill(today);
  await page.getByRole("button", { name: "期間を決める" }).click();
  const history = page.getByRole("region", { name: "対応履歴" });
  await expect(history).toContainText(`（${today}）から`);
  await expectNoSeriousViolations(page);

  const downloading = page.waitForEvent("download");
  await history.getByRole("button", { name: "対応別 CSV（UTF-8 (BOM付き)）" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`対応統計_${today}_${today}.csv`);
  const bytes = await readFile(must((await download.path()) ?? undefined, "download"));
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = bytes.subarray(3).toString("utf-8").split("\r\n");
  expect(lines[0]).toMatch(/^対応番号,経路,状態,受付日時,/);
  expect(lines.some((l) => l.startsWith(`${caseId},来庁,対応中,${today} `))).toBe(true);
  await expect(history.getByRole("status")).toContainText(`対応統計_${today}_${today}.csv を出力しました。`);

  const dictionary = page.getByRole("region", { name: "データ辞書" });
  const gettingDictionary = page.waitForEvent("download");
  await dictionary.getByRole("button", { name: "データ辞書（Markdown）" }).click();
  const dictionaryFile = await gettingDictionary;
  expect(dictionaryFile.suggestedFilename()).toBe("データ辞書.md");
  const text = await readFile(must((await dictionaryFile.path()) ?? undefined, "dictionary"), "utf-8");
  expect(text).toContain("# データ辞書（市のデータの出力）");
  expect(text).toContain("## 支援措置（support_measure.csv）");
  await expect(dictionary.getByRole("status")).toContainText("データ辞書.md を出力しました。");
  await expectNoSeriousViolations(page);
});

test("データ出力 is not in a clerk's menu, and its address says it is not for this counter", async ({
  page,
}) => {
  await logIn(page, "shimin01");
  await chooseCounterIfAsked(page, "市民課");
  await expect(menu(page).getByRole("link").first()).toBeVisible();
  await expect(menu(page).getByRole("link", { name: "データ出力" })).toHaveCount(0);
  await page.goto("/export");
  await expect(page.getByText("この機能は現在の窓口では利用できません。")).toBeVisible();
  const refused = await page.request.get("/api/v1/export/data-dictionary.md");
  expect(refused.status()).toBe(403);
});
