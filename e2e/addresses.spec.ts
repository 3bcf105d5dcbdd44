import { municipalityOf, municipalityText } from "@ichimado/core/addresses/municipalities";
import { suggestTowns } from "@ichimado/core/addresses/suggest";
import { addressKey } from "@ichimado/core/search/address";
import { towns } from "@ichimado/tools/city/towns";
import { expect, type Page, test } from "@playwright/test";
import { chooseCounterIfAsked, logIn } from "./support/auth.ts";
import { expectNoSeriousViolations } from "./support/axe.ts";
import { city, isPlainHead, must } from "./support/city.ts";
import { hiragana, pressOn, region } from "./support/keyboard.ts";

// A resident whose town's full reading, and its name with a number after it, name that town alone,
// so the list holds one choice.
const candidates = towns.map((t) => ({ ...t, chomeCount: 0 }));
const resident = must(
  city.persons.find((p) => {
    const town = p.address && towns.find((t) => t.code === p.address?.townCode);
    return (
      isPlainHead(p) &&
      town &&
      suggestTowns(hiragana(town.nameKana), candidates).length === 1 &&
      suggestTowns(`${town.name}1`, candidates).length === 1
    );
  }),
  "resident in a town with a reading of its own",
);
const address = must(resident.address ?? undefined, "address");
const town = must(
  towns.find((t) => t.code === address.townCode),
  "town",
);

async function openMoveIn(page: Page) {
  await logIn(page, "shimin01");
  await chooseCounterIfAsked(page, "市民課");
  await page.goto("/cases");
  await pressOn(page.getByRole("button", { name: "新しい対応", exact: true }));
  await expect(page).toHaveURL(/\/cases\/\d+$/);
  const form = region(page, "届出 (住民異動届)").getByRole("form", { name: "届出の入力" });
  const kind = form.getByLabel("届出の種類");
  // The list opens as staff type once the master is there: wait for it, as staff see it come.
  const master = page.waitForResponse((r) => r.url().endsWith("/api/v1/addresses/towns") && r.ok());
  await kind.selectOption("moveIn");
  await master;
  return form;
}

test("an address is found by reading or postal code, its 番地 offered, and a prefecture and a municipality offered outside the city", async ({
  page,
}) => {
  const form = await openMoveIn(page);
  const townField = form.getByRole("combobox", { name: "町字" });

  // The postal code, typed without its hyphen, lists the town.
  await townField.focus();
  await page.keyboard.type(town.postalCode.replace("-", ""));
  await expect(page.getByRole("option", { name: new RegExp(`^${town.name}`) })).toBeVisible();
  await page.keyboard.press("Control+a");
  await page.keyboard.press("Backspace");

  // The name with the start of the 番地 after it: ↓ and Enter choose the town, the rest goes on as
  // the 番地, and the lots where people live there are offered.
  const lotStart = addressKey(address.lot).slice(0, 1);
  await page.keyboard.type(`${town.name}${lotStart}`);
  await expect(page.getByRole("option")).toHaveCount(1);
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Enter");
  await expect(townField).toHaveValue(town.name);
  const lotField = form.getByLabel("番地", { exact: true });
  await expect(lotField).toHaveValue(lotStart);
  await expect(form.locator(`datalist option[value="${address.lot}"]`)).toHaveCount(1);

  // The reading in hiragana narrows the list to the town alone.
  await townField.focus();
  await page.keyboard.press("Control+a");
  await page.keyboard.press("Backspace");
  await page.keyboard.type(hiragana(town.nameKana));
  await expect(page.getByRole("option")).toHaveCount(1);
  await expect(page.getByRole("option", { name: new RegExp(`^${town.name}`) })).toBeVisible();
  await page.keyboard.press("Escape");

  // Outside the city the address stays free text, with the 47 prefectures offered.
  const outside = form.getByLabel("転入前の住所");
  const listId = must((await outside.getAttribute("list")) ?? undefined, "prefecture list");
  await expect(page.locator(`datalist[id="${listId}"] option`)).toHaveCount(47);
  // Once a prefecture is begun, the municipalities where the register's people came from or went
  // to are offered with it (a moved-out resident's destination here).
  const elsewhere = must(
    city.persons.map((p) => (p.outsideAddress ? municipalityOf(p.outsideAddress) : null)).find(Boolean) ??
      undefined,
    "a municipality outside the city in the register",
  );
  const offered = page.waitForResponse((r) => r.url().includes("/api/v1/addresses/municipalities") && r.ok());
  await outside.fill(elsewhere.prefecture.slice(0, 2));
  await offered;
  await expect(
    page.locator(`datalist[id="${listId}"] option[value="${municipalityText(elsewhere)}"]`),
  ).toHaveCount(1);
  await outside.fill("東京都千代田区千代田1番1号");
  await expect(outside).toHaveValue("東京都千代田区千代田1番1号");
  await expectNoSeriousViolations(page);
});
