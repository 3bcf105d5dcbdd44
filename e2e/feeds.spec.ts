import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { chooseCounterIfAsked, logIn } from "./support/auth.ts";

const feedCount = 24;

async function openFeeds(page: Page): Promise<void> {
  await logIn(page, "admin");
  await chooseCounterIfAsked(page, "情報政策課");
  await page
    .getByRole("navigation", { name: "業務メニュー" })
    .getByRole("link", { name: "データ連携管理" })
    .click();
  await expect(page).toHaveURL(/\/admin\/feeds$/);
  await expect(page.getByRole("heading", { name: "データ連携", level: 1 })).toBeVisible();
}

const feedTable = (page: Page) => page.getByRole("table", { name: "連携ごとのデータの取込状況" });

const feedRow = (page: Page, name: string) =>
  feedTable(page)
    .getByRole("row")
    .filter({ has: page.getByRole("rowheader", { name, exact: true }) });

/** Chooses a CSV built in memory, submits the form, and waits for the run to end. */
async function upload(page: Page, feed: string, name: string, lines: string[], differential: boolean) {
  await feedRow(page, feed).getByRole("button", { name: /^取込/ }).click();
  const panel = page.getByRole("region", { name: new RegExp(`^${feed}`) });
  await expect(panel.getByRole("heading", { name: new RegExp(`^${feed}`) })).toBeFocused();
  await panel.getByLabel("取込むファイル (CSV)").setInputFiles({
    name,
    mimeType: "text/csv",
    buffer: Buffer.from(`${lines.join("\r\n")}\r\n`, "utf-8"),
  });
  if (differential) await panel.getByLabel("差分").check();
  await panel.getByLabel("文字コード").selectOption("utf-8");
  await panel.getByRole("button", { name: "取込開始" }).click();
  const outcome = panel.getByTestId("upload-progress");
  await expect(outcome).not.toContainText(/待機中|取込中|確認しています/, { timeout: 30_000 });
  return { panel, outcome };
}

test("a feed administrator sees every feed, uploads deliveries and reads why one was refused", async ({
  page,
}) => {
  await openFeeds(page);
  await expect(feedTable(page).locator("tbody tr")).toHaveCount(feedCount);
  // The demo server imports the generated city at start: every feed is loaded and fresh.
  for (const row of await feedTable(page).locator("tbody tr").all()) {
    await expect(row).toContainText("取込完了");
    await expect(row).not.toContainText(/未取込|1日以上前/);
  }
  await expect(feedRow(page, "外字")).toContainText("gaiji.csv");

  // A differential delivery that adds one gaiji.
  const added = await upload(
    page,
    "外字",
    "gaiji.diff.csv",
    ["処理区分,外字コード,Unicode,MJ文字図形名,備考", "1,F8F0,845B,,e2eテスト"],
    true,
  );
  await expect(added.outcome).toContainText("取込完了");
  await expect(feedRow(page, "外字")).toContainText(/取込 1 行 \/ 除外 0 行/);
  await expect(added.panel.getByRole("table", { name: /外字 の取込履歴/ })).toContainText("gaiji.diff.csv");
  await expect(added.panel.getByRole("table", { name: /外字 の取込履歴/ })).toContainText("画面から登録");

  // A full delivery with an impossible 宛名番号 is refused whole; the old data stays.
  const loadedAt = (name: string) => feedRow(page, name).getByRole("cell").nth(1);
  const arrearsLoadedAt = (await loadedAt("滞納管理").textContent())?.slice(0, 16) ?? "";
  expect(arrearsLoadedAt).toMatch(/^\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}$/);
  const refused = await upload(
    page,
    "滞納管理",
    "tainou.csv",
    ["宛名番号,税目,年度,滞納額", "123,01,2025,1000"],
    false,
  );
  await expect(refused.outcome).toContainText("取込拒否");
  const problems = refused.panel.getByRole("table", { name: /問題のあった行/ });
  await expect(problems.getByRole("row").nth(1).getByRole("cell").nth(0)).toHaveText("2");
  await expect(problems.getByRole("row").nth(1).getByRole("cell").nth(1)).toHaveText("宛名番号");
  await expect(feedRow(page, "滞納管理")).toContainText("取込拒否");
  await expect(loadedAt("滞納管理")).toContainText(arrearsLoadedAt);
  await expect(feedRow(page, "外字")).toContainText("取込完了");
  await expect(feedRow(page, "住民基本台帳")).toContainText("取込完了");

  // The history of another feed, and a run's detail from it, by keyboard.
  await feedRow(page, "住民基本台帳").getByRole("button", { name: /^履歴/ }).press("Enter");
  const history = page.getByRole("region", { name: /^住民基本台帳/ });
  await expect(history.getByRole("heading", { name: /^住民基本台帳/ })).toBeFocused();
  const runs = history.getByRole("table", { name: /住民基本台帳 の取込履歴/ });
  await expect(runs).toContainText("デモデータ");
  await runs.getByRole("button", { name: /^表示/ }).first().press("Enter");
  await expect(history.getByRole("heading", { name: /取込結果の詳細/ })).toBeFocused();
  await expect(history).toContainText(/全 [\d,]+ 行/);

  // Back to the refused run through 滞納管理's history.
  await feedRow(page, "滞納管理").getByRole("button", { name: /^履歴/ }).click();
  const arrears = page.getByRole("region", { name: /^滞納管理/ });
  await arrears
    .getByRole("table", { name: /滞納管理 の取込履歴/ })
    .getByRole("row")
    .filter({ hasText: "取込拒否" })
    .getByRole("button", { name: /^表示/ })
    .click();
  await expect(arrears.getByRole("table", { name: /問題のあった行/ })).toContainText("宛名番号");

  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(
    serious.map((v) => `${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`),
  ).toEqual([]);

  // Home shows the administrator the refused feed, with a way to the screen.
  await page.getByRole("link", { name: "いちまど" }).click();
  const status = page.getByRole("region", { name: "システム状態" });
  await expect(status).toContainText("要確認");
  await expect(status.getByRole("list", { name: "確認が必要な連携" })).toContainText("滞納管理: 取込拒否");
  await status.getByRole("link", { name: "データ連携を開く" }).click();
  await expect(page).toHaveURL(/\/admin\/feeds$/);
});

test("an upload without a file is refused in the form", async ({ page }) => {
  await openFeeds(page);
  await feedRow(page, "住基メモ情報").getByRole("button", { name: /^取込/ }).click();
  const panel = page.getByRole("region", { name: /^住基メモ情報/ });
  await panel.getByRole("button", { name: "取込開始" }).click();
  const input = panel.getByLabel("取込むファイル (CSV)");
  await expect(input).toBeFocused();
  await expect(input).toHaveAttribute("aria-invalid", "true");
  await expect(panel.getByText("取込むファイルを選んでください")).toBeVisible();
});

test("a clerk sees the system status on home but may not open データ連携", async ({ page }) => {
  await logIn(page, "shimin01");
  await chooseCounterIfAsked(page, "市民課");
  const status = page.getByRole("region", { name: "システム状態" });
  await expect(status).toContainText("データ連携");
  await expect(status).toContainText("RPA連携");
  await expect(status).not.toContainText("確認しています");
  await expect(status.getByRole("link", { name: "データ連携を開く" })).toHaveCount(0);
  await page.goto("/admin/feeds");
  await expect(page.getByText("この機能は現在の窓口では利用できません。")).toBeVisible();
  await expect(page.getByRole("table")).toHaveCount(0);
});
