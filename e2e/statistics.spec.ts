import { readFile } from "node:fs/promises";
import { statisticsSummarySchema } from "@ichimado/core/statistics/summary";
import { expect, type Page, test } from "@playwright/test";
import { chooseCounterIfAsked, logIn } from "./support/auth.ts";
import { expectNoSeriousViolations } from "./support/axe.ts";
import { must } from "./support/city.ts";

const today = new Intl.DateTimeFormat("sv-SE", { timeZone: "Asia/Tokyo" }).format(new Date());
const headers = { "x-requested-with": "ichimado" };

async function todaysSummary(page: Page) {
  const res = await page.request.get(`/api/v1/statistics/summary?from=${today}&to=${today}`);
  expect(res.status()).toBe(200);
  return statisticsSummarySchema.parse(await res.json());
}

const procedureCount = (summary: Awaited<ReturnType<typeof todaysSummary>>, key: string) =>
  summary.perProcedure.find((p) => p.procedureKey === key)?.procedures ?? 0;

test("the 統計 screen counts today's cases in its charts and exports them as UTF-8 CSV", async ({ page }) => {
  // 出雲 誠 is 市民課窓口 and 窓口責任者 at 市民課: he takes cases and may see the statistics.
  await logIn(page, "kakari01");
  await chooseCounterIfAsked(page, "市民課");
  // Other journeys make cases today too: count on top of what is there already.
  const before = await todaysSummary(page);

  // Two cases (the API stands in for the reception screens, which the reception journey drives):
  // one closed with a 住民票の写し taken, one left on 保留.
  const open = async () => {
    const res = await page.request.post("/api/v1/cases", { headers, data: { channel: "visit" } });
    expect(res.status()).toBe(201);
    return ((await res.json()) as { id: number }).id;
  };
  const closed = await open();
  const added = await page.request.post(`/api/v1/cases/${closed}/procedures`, {
    headers,
    data: { key: "certificate-resident-record" },
  });
  expect(added.status()).toBe(201);
  const procedureId = ((await added.json()) as { id: number }).id;
  for (const [url, data] of [
    [`/api/v1/cases/${closed}/procedures/${procedureId}/status`, { status: "received" }],
    [`/api/v1/cases/${closed}/close`, {}],
  ] as const) {
    const res = await (url.endsWith("/status")
      ? page.request.put(url, { headers, data })
      : page.request.post(url, { headers, data }));
    expect(res.status(), url).toBeLessThan(300);
  }
  const suspended = await open();
  expect(
    (await page.request.post(`/api/v1/cases/${suspended}/suspend`, { headers, data: {} })).status(),
  ).toBe(200);

  await page.getByRole("navigation", { name: "業務メニュー" }).getByRole("link", { name: "統計" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "統計" })).toBeVisible();
  await page
    .getByLabel("期間の初日")
    .fill(`R${Number(today.slice(0, 4)) - 2018}.${Number(today.slice(5, 7))}.${Number(today.slice(8, 10))}`);
  await page.getByLabel("期間の末日").fill(today);
  await page.getByRole("button", { name: "集計する" }).click();

  const total = before.cases + 2;
  const figures = page.getByRole("region", { name: /の集計$/ });
  await expect(figures.getByRole("definition").first()).toHaveText(`${total} 件`);
  const perDay = page.getByRole("table", { name: "日別の対応件数" });
  await expect(perDay.getByRole("row", { name: today })).toHaveText(`${today}${total}`);
  const perProcedure = page.getByRole("table", { name: "手続き別の件数" });
  await expect(
    perProcedure
      .getByRole("row", { name: /^住民票の写し/ })
      .getByRole("cell")
      .first(),
  ).toHaveText(String(procedureCount(before, "certificate-resident-record") + 1));
  const shimin = before.perCounter.find((c) => c.counterId === "shimin");
  await expect(
    page
      .getByRole("table", { name: /^窓口別/ })
      .getByRole("row", { name: /^市民課/ })
      .getByRole("cell")
      .first(),
  ).toHaveText(String((shimin?.handled ?? 0) + 2));
  await expect(page.getByText("待ち時間: 対応が保留されてから")).toBeVisible();
  await expectNoSeriousViolations(page);

  // The per-case file in UTF-8: BOM, the Japanese header, and the closed case's line.
  const downloading = page.waitForEvent("download");
  await page.getByRole("button", { name: "対応別 CSV（UTF-8 (BOM付き)）" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`対応統計_${today}_${today}.csv`);
  const bytes = await readFile(must((await download.path()) ?? undefined, "download"));
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = bytes.subarray(3).toString("utf-8").split("\r\n");
  expect(lines[0]).toBe(
    "対応番号,経路,状態,受付日時,受付窓口,受付職員,完了・取消日時,最終更新日時,最終更新窓口,最終更新職員,関わった窓口,手続き件数,保留回数,待ち時間(分),対応時間(分)",
  );
  expect(lines).toHaveLength(total + 2);
  const line = must(
    lines.find((l) => l.startsWith(`${closed},`)),
    "the closed case's line",
  );
  expect(line).toMatch(
    new RegExp(`^${closed},来庁,完了,${today} \\d\\d:\\d\\d:\\d\\d,市民課,出雲 誠,${today} `),
  );
  expect(line).toMatch(/,市民課,1,0,0,[\d.]+$/);
  expect(lines.find((l) => l.startsWith(`${suspended},`))).toMatch(/^\d+,来庁,保留中,/);
  await expect(page.getByRole("status").filter({ hasText: "を出力しました" })).toContainText(
    `対応統計_${today}_${today}.csv を出力しました。`,
  );
});
