import { expect, type Page } from "@playwright/test";
import { chooseCounterIfAsked, logIn } from "./auth.ts";

const today = new Intl.DateTimeFormat("sv-SE", { timeZone: "Asia/Tokyo" }).format(new Date());

/**
 * A clerk of 市民課 with a case holding one person's 転出 (today, to `outsideAddress`), set up through
 * the API (the reception journey drives those screens), the case screen open: the case's id.
 */
export async function caseWithMoveOut(
  page: Page,
  person: { id: string; householdId: string | null },
  outsideAddress: string,
): Promise<number> {
  await logIn(page, "shimin01");
  await chooseCounterIfAsked(page, "市民課");
  const headers = { "x-requested-with": "ichimado" };
  const created = await page.request.post("/api/v1/cases", { headers, data: { channel: "visit" } });
  expect(created.status()).toBe(201);
  const { id: caseId } = (await created.json()) as { id: number };
  const taken = await page.request.post(`/api/v1/cases/${caseId}/residence-changes`, {
    headers,
    data: {
      kind: "moveOut",
      householdId: person.householdId,
      occurredOn: today,
      movingPersonIds: [person.id],
      outsideAddress,
    },
  });
  expect(taken.status()).toBe(201);
  await page.goto(`/cases/${caseId}`);
  await expect(page.getByRole("heading", { level: 1, name: `対応 受付番号 ${caseId}` })).toBeFocused();
  return caseId;
}
