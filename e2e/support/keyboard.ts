import { expect, type Locator, type Page } from "@playwright/test";

/** Enter (or another key) on a focused element, as a keyboard user would after tabbing to it. */
export async function pressOn(locator: Locator, key = "Enter"): Promise<void> {
  await locator.focus();
  await expect(locator).toBeFocused();
  await locator.page().keyboard.press(key);
}

/** A section of a screen by its heading (sections are labelled regions). */
export const region = (page: Page, name: string) => page.getByRole("region", { name, exact: true });

/** What staff type when they search by reading in hiragana. */
export const hiragana = (katakana: string) =>
  katakana.replace(/[\u30A1-\u30F6]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60));
