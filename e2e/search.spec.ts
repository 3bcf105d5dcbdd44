import { formatWareki } from "@ichimado/core/common/wareki";
import type { PersonRecord } from "@ichimado/core/registry/records";
import { expect, type Page, test } from "@playwright/test";
import { chooseCounterIfAsked, logIn } from "./support/auth.ts";
import { expectNoSeriousViolations } from "./support/axe.ts";
import { addressOf, city, isPlainHead, must, personById } from "./support/city.ts";

const protectedPerson = must(
  personById.get(must(city.supportMeasures[0], "support measure").personId),
  "protected person",
);
const householdOf = (person: PersonRecord) =>
  city.persons.filter((p) => p.householdId === person.householdId);

/** An ordinary head of a family: living here, no flags that change what the screen shows. */
const ordinary = must(
  city.persons.find((p) => isPlainHead(p) && householdOf(p).filter((m) => m.status === "active").length >= 3),
  "ordinary family",
);
const ordinaryMembers = householdOf(ordinary).filter((m) => m.id !== ordinary.id && m.status === "active");

const hiragana = (katakana: string) =>
  katakana.replace(/[\u30A1-\u30F6]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60));

const birthDateOf = (person: PersonRecord) => must(person.birthDate ?? undefined, "birth date");

const maskedText = "支援措置のため表示できません";

async function openSearch(page: Page, loginId: string): Promise<void> {
  await logIn(page, loginId);
  await chooseCounterIfAsked(page, "市民課");
  await page
    .getByRole("navigation", { name: "業務メニュー" })
    .getByRole("link", { name: "宛名検索・照会" })
    .click();
  await expect(page).toHaveURL(/\/search$/);
  await expect(page.getByLabel("氏名・カナ")).toBeFocused();
}

const results = (page: Page) => page.getByRole("table", { name: /宛名の検索結果/ });

const resultRow = (page: Page, person: PersonRecord) =>
  results(page)
    .getByRole("row")
    .filter({ has: page.getByRole("link", { name: person.name, exact: true }) });

/** Searches by reading (typed in hiragana) and a 和暦 birth date, with Enter as at the counter. */
async function searchByKanaAndBirth(page: Page, person: PersonRecord): Promise<void> {
  const name = hiragana(person.nameKana);
  const birthDate = formatWareki(birthDateOf(person), "short");
  await page.getByLabel("氏名・カナ").fill(name);
  await page.getByLabel("生年月日").fill(birthDate);
  await expect(page.getByLabel("氏名・カナ")).toHaveValue(name);
  await page.getByLabel("生年月日").press("Enter");
  // Back on the results of an earlier search, its count is on screen until this search lands:
  // wait for the URL to carry these criteria before reading the results.
  await expect
    .poll(() => {
      const params = new URL(page.url()).searchParams;
      return [params.get("name"), params.get("birthDate")];
    })
    .toEqual([name.trim(), birthDate]);
  await expect(page.getByTestId("result-count")).toHaveText(/^\d+ 件$/);
  await expect(resultRow(page, person)).toHaveCount(1);
}

test("a clerk finds a resident by hiragana and 和暦, opens the view and the household", async ({ page }) => {
  await openSearch(page, "shimin01");
  await searchByKanaAndBirth(page, ordinary);
  await expect(page).toHaveURL(/\/search\?.*name=/);
  const row = resultRow(page, ordinary);
  await expect(row).toContainText(ordinary.nameKana);
  await expect(row).toContainText(formatWareki(birthDateOf(ordinary)));
  await expect(row).toContainText("在住");
  await expect(row).not.toContainText(maskedText);

  // Keyboard: Tab reaches the row's link, Enter opens the person.
  await row.getByRole("link").focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/persons/${ordinary.id}$`));
  await expect(page.getByRole("heading", { level: 1, name: ordinary.name })).toBeFocused();
  await expect(page.getByRole("alertdialog")).toHaveCount(0);
  const basic = page.getByRole("region", { name: "基本情報" });
  await expect(basic).toContainText(formatWareki(birthDateOf(ordinary)));
  await expect(basic).toContainText(addressOf(ordinary));

  const members = page.getByRole("region", { name: "世帯" }).getByRole("table", { name: "世帯員" });
  await expect(members).toContainText(`${ordinary.name}（この方）`);
  for (const member of ordinaryMembers) {
    await expect(members.getByRole("link", { name: member.name, exact: true })).toBeVisible();
  }
  const first = must(ordinaryMembers[0], "household member");
  await members.getByRole("link", { name: first.name, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: first.name })).toBeFocused();

  // Back to the same search, with its criteria still in the form.
  await page.getByRole("link", { name: "検索結果に戻る" }).click();
  await expect(page.getByLabel("氏名・カナ")).toHaveValue(hiragana(ordinary.nameKana));
  await expect(resultRow(page, ordinary)).toHaveCount(1);
  // And the browser's back button returns to the member's view.
  await page.goBack();
  await expect(page.getByRole("heading", { level: 1, name: first.name })).toBeVisible();
});

test("a clerk without supportMeasureView finds a protected person but never sees the address", async ({
  page,
}) => {
  await openSearch(page, "shimin01");
  const address = addressOf(protectedPerson);
  const birth = formatWareki(birthDateOf(protectedPerson), "short");
  const [eraKey, year, month, day] = [birth[0], ...birth.slice(1).split(".")] as [
    string,
    string,
    string,
    string,
  ];
  const sixDigits = [year, month, day].map((n) => n.padStart(2, "0")).join("");

  // Six digits without an era: refused in the form, with the reason.
  await page.getByLabel("氏名・カナ").fill(hiragana(protectedPerson.nameKana));
  const birthField = page.getByLabel("生年月日");
  await birthField.fill(sixDigits);
  await birthField.press("Enter");
  await expect(birthField).toBeFocused();
  await expect(birthField).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("6桁の日付は元号を選んでから入力してください")).toBeVisible();

  await page.getByLabel("元号").selectOption(eraKey);
  await birthField.press("Enter");
  const row = resultRow(page, protectedPerson);
  await expect(row).toHaveCount(1);
  await expect(row.getByRole("list", { name: "注意事項" })).toContainText("支援措置");
  await expect(row).toContainText(maskedText);
  expect(await page.content()).not.toContain(address);

  await row.getByRole("link").click();
  const dialog = page.getByRole("alertdialog");
  await expect(dialog).toContainText(
    /この方は住民基本台帳事務における支援措置の対象です（.+）。住所等の取扱いに注意してください。/,
  );
  await expect(dialog.getByRole("button", { name: "確認しました" })).toBeFocused();
  // Nothing else of the person until the warning is acknowledged.
  await expect(page.getByRole("region", { name: "基本情報" })).toHaveCount(0);
  await expect(page.getByRole("heading", { name: protectedPerson.name })).toHaveCount(0);

  await dialog.getByRole("button", { name: "確認しました" }).click();
  await expect(page.getByRole("heading", { level: 1, name: protectedPerson.name })).toBeFocused();
  await expect(page.getByRole("alertdialog")).toHaveCount(0);
  await expect(page.getByRole("region", { name: "基本情報" })).toContainText(maskedText);
  await expect(page.getByRole("region", { name: "世帯" })).toContainText(maskedText);
  expect(await page.locator("body").textContent()).not.toContain(address);
  expect(await page.content()).not.toContain(address);
});

test("a supervisor with supportMeasureView sees the address only after acknowledging", async ({ page }) => {
  await openSearch(page, "kakari01");
  const address = addressOf(protectedPerson);
  await searchByKanaAndBirth(page, protectedPerson);
  await expect(resultRow(page, protectedPerson)).toContainText(maskedText);
  expect(await page.content()).not.toContain(address);

  await resultRow(page, protectedPerson).getByRole("link").click();
  const dialog = page.getByRole("alertdialog");
  await expect(dialog).toContainText("支援措置の対象です");
  expect(await page.content()).not.toContain(address);
  await dialog.getByRole("button", { name: "確認しました" }).press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: protectedPerson.name })).toBeFocused();
  await expect(page.getByRole("region", { name: "基本情報" })).toContainText(address);
  await expect(page.getByRole("region", { name: "基本情報" })).not.toContainText(maskedText);
});

test("a broad search is capped, and ↑↓ move between the result rows", async ({ page }) => {
  await openSearch(page, "shimin01");
  const surname = must(ordinary.name.split("　")[0], "surname");
  await page.getByLabel("氏名・カナ").fill(surname);
  await page.getByLabel("氏名・カナ").press("Enter");
  await expect(page.getByTestId("result-count")).toHaveText(/^\d+ 件$/);
  const links = results(page).getByRole("link");
  expect(await links.count()).toBeGreaterThan(2);
  await links.nth(0).focus();
  await page.keyboard.press("ArrowDown");
  await expect(links.nth(1)).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await expect(links.nth(2)).toBeFocused();
  await page.keyboard.press("ArrowUp");
  await expect(links.nth(1)).toBeFocused();

  await page.getByLabel("氏名・カナ").fill("");
  await page.getByLabel("住所").fill("出雲市");
  await page.getByLabel("住所").press("Enter");
  await expect(page.getByTestId("result-count")).toHaveText("50 件");
  await expect(
    page.getByText("件数が多いため先頭 50 件を表示しています。条件を追加してください"),
  ).toBeVisible();

  await page.getByLabel("住所").fill("");
  await page.getByLabel("番号", { exact: true }).fill("9999999999");
  await page.getByLabel("番号", { exact: true }).press("Enter");
  await expect(page.getByTestId("result-count")).toHaveText("0 件");
  await expect(page.getByText("該当する宛名はありません")).toBeVisible();
  // Reload keeps the search; back returns to the previous one.
  await page.reload();
  await expect(page.getByLabel("番号", { exact: true })).toHaveValue("9999999999");
  await page.goBack();
  await expect(page.getByLabel("住所")).toHaveValue("出雲市");
  await expect(page.getByTestId("result-count")).toHaveText("50 件");
});

test("a clerk finds the insured of a household by the 国保 number on their card", async ({ page }) => {
  const nhiNumber = (p: PersonRecord) =>
    city.enrollments.find((e) => e.personId === p.id && e.programme === "nationalHealthInsurance")?.attributes
      .insuredNumber;
  const head = must(
    city.persons.find((p) => isPlainHead(p) && nhiNumber(p) !== undefined),
    "head insured in 国保",
  );
  const number = String(nhiNumber(head));
  const insured = new Set(
    city.enrollments
      .filter((e) => e.programme === "nationalHealthInsurance" && e.attributes.insuredNumber === number)
      .map((e) => e.personId),
  );
  await openSearch(page, "shimin01");
  await page.getByLabel("資格の番号").fill(number);
  await page.getByLabel("資格の番号").press("Enter");
  await expect(page).toHaveURL(new RegExp(`qualification=${number}`));
  await expect(page.getByTestId("result-count")).toHaveText(`${insured.size} 件`);
  await expect(resultRow(page, head)).toHaveCount(1);
  // Something that cannot be a number is said at the field.
  await page.getByLabel("資格の番号").fill("12 34");
  await page.getByLabel("資格の番号").press("Enter");
  await expect(page.getByText(/資格の番号は半角・全角の英数字/)).toBeVisible();
  await expect(page.getByLabel("資格の番号")).toBeFocused();
});

test("Enter starts a new search while the earlier results are still being refreshed", async ({ page }) => {
  await openSearch(page, "shimin01");
  await searchByKanaAndBirth(page, ordinary);
  await resultRow(page, ordinary).getByRole("link").click();
  await expect(page.getByRole("region", { name: "世帯" })).toBeVisible();

  // Going back refreshes the earlier results; hold that request as a busy server would.
  let release = () => {};
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route(
    (url) => url.pathname.endsWith("/search/persons"),
    async (route) => {
      await held;
      await route.continue().catch(() => {});
    },
    { times: 1 },
  );
  await page.getByRole("link", { name: "検索結果に戻る" }).click();
  const member = must(ordinaryMembers[0], "a member");
  await searchByKanaAndBirth(page, member);
  release();
});

test("search results, the warning and the person view pass an accessibility scan", async ({ page }) => {
  await openSearch(page, "shimin01");
  await searchByKanaAndBirth(page, ordinary);
  await expectNoSeriousViolations(page);
  await resultRow(page, ordinary).getByRole("link").click();
  await expect(page.getByRole("region", { name: "世帯" })).toBeVisible();
  await expectNoSeriousViolations(page);

  await page.getByRole("link", { name: "検索結果に戻る" }).click();
  await searchByKanaAndBirth(page, protectedPerson);
  await resultRow(page, protectedPerson).getByRole("link").click();
  await expect(page.getByRole("alertdialog")).toBeVisible();
  await expectNoSeriousViolations(page);
});
