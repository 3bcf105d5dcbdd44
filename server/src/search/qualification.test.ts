import type { PersonSearchResult } from "@ichimado/core/search/schemas";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertHouseholds, plainMember } from "../testing/register-fixture.ts";
import { createTestApp, type TestApp } from "../testing/test-app.ts";

/** 宛名検索 by the number on a resident's card (spec 4: 資格情報を総合的に検索), within what the role may see. */
let t: TestApp;
const cookies: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  await insertHouseholds(t.database.ownerUrl, [
    {
      id: "H960",
      townCode: "T001",
      lot: "6-0",
      members: [
        plainMember("9600000001", "国保　一郎", "世帯主", {
          enrollments: [
            {
              programme: "nationalHealthInsurance",
              role: "insured",
              attributes: { insuredNumber: "IZ-12345" },
            },
          ],
        }),
        plainMember("9600000002", "国保　花子", "妻", {
          enrollments: [
            {
              programme: "nationalHealthInsurance",
              role: "insured",
              attributes: { insuredNumber: "IZ-12346" },
            },
          ],
        }),
      ],
    },
    {
      id: "H961",
      townCode: "T001",
      lot: "6-1",
      members: [
        plainMember("9610000001", "保護　次郎", "世帯主", {
          enrollments: [
            { programme: "publicAssistance", role: "recipient", attributes: { caseNumber: "SH-777" } },
          ],
        }),
      ],
    },
  ]);
  for (const [who, counter, role] of [
    ["shimin", "shimin", "residentClerk"],
    ["fukushi", "fukushi", "welfareClerk"],
  ] as const) {
    await t.createStaff({ loginId: `q-${who}`, assignments: [[counter, role]] });
    cookies[who] = await t.login(`q-${who}`);
    const chosen = await t.call("POST", "/api/v1/auth/counter", {
      cookie: cookies[who],
      body: { counterId: counter },
    });
    expect(chosen.statusCode, chosen.body).toBe(200);
  }
}, 120_000);
afterAll(async () => {
  await t?.close();
});

async function search(who: string, query: Record<string, string>) {
  return t.call("GET", `/api/v1/search/persons?${new URLSearchParams(query)}`, { cookie: cookies[who] });
}

async function found(who: string, query: Record<string, string>): Promise<string[]> {
  const res = await search(who, query);
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as PersonSearchResult).persons.map((p) => p.id);
}

describe("searching by a qualification number", () => {
  it("finds the insured person by the 被保険者証番号, typed in full width too", async () => {
    expect(await found("shimin", { qualification: "IZ-12345" })).toEqual(["9600000001"]);
    expect(await found("shimin", { qualification: "ＩＺ－１２３４５" })).toEqual(["9600000001"]);
    // The whole number, not a part of it.
    expect(await found("shimin", { qualification: "IZ-1234" })).toEqual([]);
  });

  it("narrows with the other criteria", async () => {
    expect(await found("shimin", { qualification: "IZ-12345", name: "国保" })).toEqual(["9600000001"]);
    expect(await found("shimin", { qualification: "IZ-12345", name: "保護" })).toEqual([]);
  });

  it("never finds anyone by a number of a programme the role may not see (生活保護 for 市民課)", async () => {
    expect(await found("shimin", { qualification: "SH-777" })).toEqual([]);
    expect(await found("fukushi", { qualification: "SH-777" })).toEqual(["9610000001"]);
    // And the other way round: 福祉推進課 does not see 国民健康保険.
    expect(await found("fukushi", { qualification: "IZ-12345" })).toEqual([]);
  });

  it("refuses what cannot be a number with a Japanese 400", async () => {
    const res = await search("shimin", { qualification: "IZ 12345" });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain("資格の番号は");
  });

  it("records the number in the search's audit row with the person found", async () => {
    await found("shimin", { qualification: "IZ-12346" });
    const row = await t.ctx.db
      .selectFrom("audit_log")
      .select(["person_ids", "detail"])
      .where("action", "=", "person.search")
      .orderBy("seq", "desc")
      .executeTakeFirstOrThrow();
    expect(row.person_ids).toEqual(["9600000002"]);
    expect(row.detail).toMatchObject({ criteria: { qualification: "IZ-12346" } });
  });
});
