/// <reference lib="dom" />
// page.evaluate runs in the browser: its callbacks see the DOM.
import { expect, test } from "@playwright/test";
import { chooseCounterIfAsked, logIn } from "./support/auth.ts";
import { city, isPlainHead, must } from "./support/city.ts";

// A head of household whose name holds a Moji_Joho IVS (葛 or 辻 with U+E0102).
const ivsPerson = must(
  city.persons.find((p) => isPlainHead(p) && p.name.includes("\u{E0102}")),
  "head of household with an IVS name",
);

const family = "Ichimado Register";

test("a name with an IVS is drawn with the register font on the person view", async ({ page }) => {
  await logIn(page, "shimin01");
  await chooseCounterIfAsked(page, "市民課");
  await page.goto(`/persons/${ivsPerson.id}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(ivsPerson.name);

  // The style sheet names the font for the IVS's base, so the browser loads it for this name.
  const faces = await page.evaluate(async (name) => {
    await document.fonts.ready;
    return [...document.fonts]
      .filter((f) => f.family.replaceAll('"', "") === name)
      .map((f) => ({ status: f.status, range: f.unicodeRange }));
  }, family);
  const base = must(ivsPerson.name.split("\u{E0102}")[0]?.slice(-1), "IVS base");
  const baseCode = `U+${must(base.codePointAt(0), "base code").toString(16).toUpperCase()}`;
  expect(faces.some((f) => f.status === "loaded" && f.range.includes(baseCode))).toBe(true);
  expect(
    await page.evaluate(
      ([name, text]) => document.fonts.check(`16px "${name}"`, text),
      [family, ivsPerson.name],
    ),
  ).toBe(true);
  const used = await page
    .getByRole("heading", { level: 1 })
    .evaluate((el) => getComputedStyle(el).fontFamily);
  expect(used.startsWith(`"${family}"`)).toBe(true);
});
