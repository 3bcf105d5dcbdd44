import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { caseDetailSchema } from "@ichimado/core/cases/schemas";
import { personSearchResultSchema } from "@ichimado/core/search/schemas";
import { expect, type Page, test } from "@playwright/test";
import { chooseCounterIfAsked, logIn } from "./support/auth.ts";
import { expectNoSeriousViolations } from "./support/axe.ts";
import { addressOf, city, isPlainHead, must } from "./support/city.ts";
import { pressOn, region } from "./support/keyboard.ts";

// A demo resident whose name has 髙: the chip holds 高 in its place (代替文字).
const resident = must(
  city.persons.find((p) => isPlainHead(p) && p.name.includes("髙")),
  "resident with 髙",
);
const katagaki = resident.address?.katagaki ?? "";
const cardName = resident.name.replace("髙", "高");
const cardAddress = `島根県出雲市${addressOf(resident)}${katagaki}`;
const birthDate = must(resident.birthDate ?? undefined, "birth date");
const pin = "4826";
const myNumber = "730418259016";

const bridgePort = Number(must(process.env.E2E_CARD_BRIDGE_PORT, "E2E_CARD_BRIDGE_PORT"));
let bridge: ChildProcess;
let bridgeOutput = "";
let dir: string;

test.beforeAll(async ({ baseURL }) => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "ichimado-card-"));
  const cardFile = path.join(dir, "card.json");
  fs.writeFileSync(
    cardFile,
    JSON.stringify({
      pin,
      collationB: `${birthDate.slice(2).replaceAll("-", "")}20351234`,
      myNumber,
      basic: {
        name: cardName,
        address: cardAddress,
        birthDate: birthDate.replaceAll("-", ""),
        sex: resident.sex === "female" ? "2" : "1",
      },
    }),
  );
  bridge = spawn(
    process.execPath,
    [
      "--import",
      "tsx",
      "cardreader/src/main.ts",
      "--simulator",
      "--card",
      cardFile,
      "--port",
      String(bridgePort),
      "--allow-origin",
      must(baseURL, "baseURL"),
    ],
    { cwd: path.resolve(import.meta.dirname, ".."), stdio: ["ignore", "pipe", "pipe"] },
  );
  bridge.stdout?.on("data", (d) => (bridgeOutput += String(d)));
  bridge.stderr?.on("data", (d) => (bridgeOutput += String(d)));
  await expect.poll(() => bridgeOutput, { timeout: 30_000 }).toContain("カードリーダー中継");
});

async function stopBridge(): Promise<void> {
  if (bridge.exitCode !== null || bridge.signalCode !== null) return;
  const exited = new Promise((resolve) => bridge.once("exit", resolve));
  bridge.kill("SIGTERM");
  await exited;
}

test.afterAll(async () => {
  await stopBridge();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function openNewCase(page: Page): Promise<string> {
  await logIn(page, "shimin01");
  await chooseCounterIfAsked(page, "市民課");
  await pressOn(
    page.getByRole("navigation", { name: "窓口の主な画面" }).getByRole("link", { name: "対応一覧" }),
  );
  await pressOn(page.getByRole("button", { name: "新しい対応", exact: true }));
  await expect(page).toHaveURL(/\/cases\/\d+$/);
  return must(/\/cases\/(\d+)$/.exec(page.url())?.[1], "case id");
}

test("the visitor's My Number card fills the visitor form through the local bridge, reconciled with the register", async ({
  page,
  baseURL,
}) => {
  test.setTimeout(120_000);
  // Whatever the page sends the Ichimado server must never carry the PIN.
  const toServer: string[] = [];
  page.on("request", (r) => {
    if (r.url().startsWith(must(baseURL, "baseURL"))) toServer.push(`${r.url()} ${r.postData() ?? ""}`);
  });

  const caseId = await openNewCase(page);
  // The demo resident is in the register as the spec expects.
  const found = personSearchResultSchema.parse(
    await (await page.request.get(`/api/v1/search/persons?code=${resident.id}`)).json(),
  );
  expect(found.persons.map((p) => [p.name, p.birthDate])).toEqual([[resident.name, birthDate]]);

  // The page may connect to the bridge: the server put CARD_BRIDGE_URL into its CSP.
  const csp = (await page.request.get(page.url())).headers()["content-security-policy"] ?? "";
  expect(csp).toContain(`connect-src 'self' http://127.0.0.1:${bridgePort}`);
  const visitor = region(page, "来庁者");

  // The bridge answers, so the button is there.
  await pressOn(visitor.getByRole("button", { name: "マイナンバーカードを読み取る" }));
  const dialog = page.getByRole("dialog", { name: "マイナンバーカードの読み取り" });
  const secret = dialog.getByLabel("暗証番号 (4桁)");
  await expect(secret).toBeFocused();
  await expectNoSeriousViolations(page);

  // A wrong PIN: the card counts down, and the field is empty again for the next try.
  await page.keyboard.type("1111");
  await page.keyboard.press("Enter");
  await expect(dialog.getByRole("alert")).toHaveText("暗証番号が違います。残り2回");
  await expect(secret).toHaveValue("");
  await expect(secret).toBeFocused();

  await page.keyboard.type(pin);
  await page.keyboard.press("Enter");
  await expect(dialog).toHaveCount(0);

  // The card's 基本4情報 as a draft.
  await expect(visitor.getByLabel("氏名", { exact: true })).toHaveValue(cardName);
  await expect(visitor.getByLabel("住所")).toHaveValue(cardAddress);
  await expect(visitor.getByLabel("生年月日")).toHaveValue(birthDate);
  await expect(visitor.getByLabel("性別")).toHaveValue(must(resident.sex ?? undefined, "sex"));

  // The register found with the card as the search key, and the differences said for what they are.
  const comparison = visitor.getByRole("table", { name: new RegExp(`宛名番号 ${resident.id}`) });
  const row = (label: string) => comparison.getByRole("row", { name: new RegExp(`^${label}`) });
  await expect(row("氏名")).toContainText(cardName);
  await expect(row("氏名")).toContainText(resident.name);
  await expect(row("氏名")).toContainText("代替文字の可能性");
  await expect(row("住所")).toContainText("表記の違いのみ");
  await expect(row("生年月日")).toContainText("一致");
  await expect(row("性別")).toContainText("一致");
  await expectNoSeriousViolations(page);

  // Staff link the register person: its spelling (髙) replaces the chip's.
  await pressOn(visitor.getByRole("button", { name: `住民記録 (宛名番号 ${resident.id}) と紐付ける` }));
  await expect(visitor.getByLabel("申請対象者との関係")).toBeFocused();
  await expect(visitor.getByLabel("氏名", { exact: true })).toHaveValue(resident.name);
  await expect(visitor.getByLabel("住所")).toHaveValue("");

  // …and correct what the visitor says differently: the room they now live in.
  const stated = `出雲市${addressOf(resident)} 別棟`;
  await visitor.getByLabel("住所").fill(stated);
  await pressOn(visitor.getByRole("button", { name: "来庁者を保存" }));
  await expect(visitor.getByRole("status").filter({ hasText: "来庁者を保存しました" })).toBeVisible();
  await expect(visitor.getByRole("link", { name: `宛名番号 ${resident.id}` })).toBeVisible();
  const corrections = visitor.getByRole("table", { name: "住民記録と異なる項目" });
  await expect(corrections.getByRole("row")).toHaveCount(2);
  await expect(corrections.getByRole("row", { name: /^住所/ })).toContainText(stated);

  // What the server keeps: the register person, the register's spelling, the card's date and sex.
  const saved = caseDetailSchema.parse(await (await page.request.get(`/api/v1/cases/${caseId}`)).json());
  expect(saved.visitor?.input).toMatchObject({
    personId: resident.id,
    name: resident.name,
    birthDate,
    sex: resident.sex,
    address: stated,
  });
  expect(saved.visitor?.corrections.map((c) => c.field)).toEqual(["address"]);

  expect(toServer.length).toBeGreaterThan(0);
  for (const line of toServer) expect(line).not.toContain(pin);
  // The bridge logged the reads, and neither the PIN, the 個人番号 nor the card's text.
  expect(bridgeOutput).toMatch(/POST \/v1\/read-basic 401/);
  expect(bridgeOutput).toMatch(/POST \/v1\/read-basic 200/);
  for (const secretText of [pin, "1111", myNumber, cardName, resident.name])
    expect(bridgeOutput).not.toContain(secretText);
});

test("without the bridge the visitor form has no card button and is typed in as before, once", async ({
  page,
}) => {
  await stopBridge();
  await openNewCase(page);
  const visitor = region(page, "来庁者");
  await expect(visitor.getByRole("button", { name: "来庁者を保存" })).toBeVisible();
  await visitor.getByLabel("氏名", { exact: true }).fill("出雲　太郎");
  await visitor.getByLabel("氏名カナ").fill("イズモ　タロウ");
  await visitor.getByLabel("住所").fill("東京都千代田区霞が関1-1");
  await pressOn(visitor.getByRole("button", { name: "来庁者を保存" }));
  await expect(visitor.getByRole("status").filter({ hasText: "来庁者を保存しました" })).toBeVisible();
  await expect(visitor.getByRole("button", { name: "マイナンバーカードを読み取る" })).toHaveCount(0);

  // Not in the register (転入 from elsewhere): the visitor becomes the subject as typed, not typed again.
  const subjects = region(page, "申請対象者");
  await pressOn(subjects.getByRole("button", { name: "来庁者 出雲　太郎 を追加" }));
  await expect(
    subjects.getByRole("status").filter({ hasText: "出雲　太郎 を申請対象者に追加しました" }),
  ).toBeVisible();
  const row = subjects.getByRole("row").filter({ hasText: "出雲　太郎" });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("東京都千代田区霞が関1-1");
  await expect(subjects.getByRole("button", { name: "来庁者 出雲　太郎 を追加" })).toHaveCount(0);
});
