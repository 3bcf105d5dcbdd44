import { japanDate } from "@ichimado/core/common/dates";
import { expect } from "vitest";
import type { TestApp } from "./test-app.ts";

/** A case with one 転出 of the given movers of a household, as a clerk takes it; returns its id. */
export async function openMoveOutCase(
  t: TestApp,
  cookie: string | undefined,
  household: string,
  moving: readonly string[],
  outsideAddress = "島根県松江市殿町1番地",
): Promise<number> {
  const opened = await t.call("POST", "/api/v1/cases", { cookie, body: { channel: "visit" } });
  expect(opened.statusCode, opened.body).toBe(201);
  const { id } = opened.json() as { id: number };
  const taken = await t.call("POST", `/api/v1/cases/${id}/residence-changes`, {
    cookie,
    body: {
      kind: "moveOut",
      householdId: household,
      occurredOn: japanDate(new Date()),
      movingPersonIds: moving,
      outsideAddress,
    },
  });
  expect(taken.statusCode, taken.body).toBe(201);
  return id;
}
