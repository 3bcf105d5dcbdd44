import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../testing/test-app.ts";

/** The search limit is per staff member: a script scraping the register stops, a colleague does not. */
let t: TestApp;
let first: string;
let second: string;

beforeAll(async () => {
  t = await createTestApp({ SEARCH_RATE_PER_MINUTE: "3" });
  for (const loginId of ["ratea", "rateb"]) {
    await t.createStaff({ loginId, assignments: [["shimin", "residentClerk"]] });
  }
  first = await t.login("ratea");
  second = await t.login("rateb");
  for (const cookie of [first, second]) {
    await t.call("POST", "/api/v1/auth/counter", { cookie, body: { counterId: "shimin" } });
  }
}, 120_000);
afterAll(() => t?.close());

const search = (cookie: string) =>
  t.call("GET", `/api/v1/search/persons?name=${encodeURIComponent("ヤマダ")}`, { cookie });

describe("search rate limit", () => {
  it("answers 429 in Japanese past the limit, to that staff member only", async () => {
    for (let i = 0; i < 3; i++) expect((await search(first)).statusCode).toBe(200);
    const limited = await search(first);
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error).toMatchObject({ code: "RATE_LIMITED" });
    expect(limited.json().error.message).toContain("しばらく待ってから");
    expect((await search(second)).statusCode).toBe(200);
  });
});
