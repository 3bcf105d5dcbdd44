import { runRobot } from "@ichimado/tools/rpa/reference-robot";
import { coreSystemEntryListSchema, startSampleCoreSystem } from "@ichimado/tools/rpa/sample-core-system";
import { expect, type Page, test } from "@playwright/test";
import { chooseCounterIfAsked, logIn } from "./support/auth.ts";
import { expectNoSeriousViolations } from "./support/axe.ts";
import { city, isPlainHead, must } from "./support/city.ts";
import { region } from "./support/keyboard.ts";

const today = new Intl.DateTimeFormat("sv-SE", { timeZone: "Asia/Tokyo" }).format(new Date());
const members = (householdId: string | null) =>
  city.persons.filter((p) => p.householdId === householdId && p.status === "active" && p.kind === "resident");
// Two thirds into the register: the other journeys pick from the start, a third in, and the end.
const leaver = must(
  city.persons
    .slice(Math.floor((city.persons.length * 2) / 3))
    .find((p) => isPlainHead(p) && members(p.householdId).length === 1),
  "one-person household",
);
const destination = "鳥取県米子市加茂町2丁目180番地";
const headers = { "x-requested-with": "ichimado" };
const executablePath = "/usr/bin/chromium";

async function asAdministrator(page: Page): Promise<void> {
  await logIn(page, "admin");
  await chooseCounterIfAsked(page, "情報政策課");
  await page
    .getByRole("navigation", { name: "業務メニュー" })
    .getByRole("link", { name: "APIトークン" })
    .click();
  await expect(page.getByRole("heading", { level: 1, name: "APIトークン" })).toBeFocused();
}
const tokenRow = (page: Page) =>
  page.getByRole("table", { name: "APIトークンの一覧" }).getByRole("row", { name: /e2e-robot/ });

test("a 転出 accepted at the counter is typed into the core system by the reference robot, with no clerk action", async ({
  page,
  baseURL,
}) => {
  test.setTimeout(120_000);
  // The administrator issues the robot's token on the APIトークン screen, where it is shown once.
  await asAdministrator(page);
  await page.getByLabel("名前").fill("e2e-robot");
  await expect(page.getByRole("checkbox", { name: /^RPA連携/ })).toBeChecked();
  await page.getByRole("button", { name: "発行する" }).click();
  await expect(page.getByRole("heading", { name: "トークン「e2e-robot」を発行しました" })).toBeFocused();
  const token = await page.getByLabel("トークン", { exact: true }).inputValue();
  expect(token).toMatch(/^ichimado_/);
  await expectNoSeriousViolations(page);
  await page.getByRole("button", { name: "控えたので閉じる" }).click();
  await expect(page.getByLabel("トークン", { exact: true })).toHaveCount(0);
  await expect(tokenRow(page)).toContainText("未使用");
  await page.context().clearCookies();

  const core = await startSampleCoreSystem();
  try {
    // A clerk of 市民課 takes the 転出 of a person who came themselves (the API stands in for the
    // reception screens, which the reception journey drives), and opens the case.
    await logIn(page, "shimin01");
    await chooseCounterIfAsked(page, "市民課");
    const created = await page.request.post("/api/v1/cases", { headers, data: { channel: "visit" } });
    expect(created.status()).toBe(201);
    const { id: caseId } = (await created.json()) as { id: number };
    const visitor = await page.request.put(`/api/v1/cases/${caseId}/visitor`, {
      headers,
      data: { personId: leaver.id, name: leaver.name, relation: "self" },
    });
    expect(visitor.status()).toBe(200);
    const taken = await page.request.post(`/api/v1/cases/${caseId}/residence-changes`, {
      headers,
      data: {
        kind: "moveOut",
        householdId: leaver.householdId,
        occurredOn: today,
        movingPersonIds: [leaver.id],
        outsideAddress: destination,
      },
    });
    expect(taken.status()).toBe(201);
    await page.goto(`/cases/${caseId}`);
    await expect(page.getByRole("heading", { level: 1, name: `対応 受付番号 ${caseId}` })).toBeFocused();
    const job = region(page, "基幹システムへの入力").getByRole("row", { name: /転出入力/ });
    await expect(job).toContainText("待機中");

    // The robot takes every 転出 waiting (other journeys' too) and types each in; nobody hands it over.
    const outcomes = await runRobot({
      apiBase: must(baseURL, "base URL"),
      token,
      coreSystemUrl: core.url,
      scenarios: ["moveOutEntry"],
      once: true,
      executablePath,
      log: () => undefined,
    });
    const { entries } = coreSystemEntryListSchema.parse(
      await (await fetch(`${core.url}/api/entries`)).json(),
    );
    const entry = must(
      entries.find((e) => e.personId === leaver.id),
      "the core system's entry of the person",
    );
    expect(entry).toMatchObject({
      name: leaver.name,
      destination,
      occurredOn: today,
      notifiedOn: today,
      notifier: `${leaver.name}（本人）`,
    });
    expect(outcomes).toContainEqual(
      expect.objectContaining({ status: "done", entryNumbers: [entry.number], error: null }),
    );

    // The case screen reads its jobs again while a robot has work: 入力済み appears without a reload.
    await expect(job).toContainText("入力済み", { timeout: 30_000 });

    // Revoked on the screen, the token stops the robot at once.
    await page.context().clearCookies();
    await asAdministrator(page);
    await expect(tokenRow(page)).not.toContainText("未使用");
    await tokenRow(page).getByRole("button", { name: "e2e-robot を失効させる" }).click();
    await expect(page.getByRole("button", { name: "やめる" })).toBeFocused();
    await page.getByRole("button", { name: "失効させる", exact: true }).click();
    await expect(
      page.getByRole("status").filter({ hasText: "トークン「e2e-robot」を失効させました" }),
    ).toBeVisible();
    await expect(tokenRow(page)).toContainText("失効（");
    await expect(
      runRobot({
        apiBase: must(baseURL, "base URL"),
        token,
        coreSystemUrl: core.url,
        once: true,
        executablePath,
      }),
    ).rejects.toThrow("(401)");
  } finally {
    await core.close();
  }
});
