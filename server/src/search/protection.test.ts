import type { AuditPage } from "@ichimado/core/audit/filter";
import { addressKey } from "@ichimado/core/search/address";
import type { PersonDetail, PersonSearchResult } from "@ichimado/core/search/schemas";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withOwner } from "../db/owner.ts";
import { type FixtureHousehold, insertHouseholds, plainMember } from "../testing/register-fixture.ts";
import { createTestApp, type TestApp } from "../testing/test-app.ts";

/**
 * 支援措置 where it reaches past the protected person: the people linked to them, the log of searches
 * that found them, and what a search's counts tell about people it leaves out.
 */
let t: TestApp;
const cookies: Record<string, string> = {};

const member = (id: string, relationship = "世帯主") =>
  plainMember(id, `試験　${id.slice(-3)}`, relationship);
const households: FixtureHousehold[] = [
  // 大津町7-1: a protected household and another household at the same address; 大津町7-2 next door.
  {
    id: "H931",
    townCode: "T002",
    lot: "7-1",
    members: [member("9310000001"), member("9310000002", "子")],
    supportMeasure: true,
  },
  { id: "H932", townCode: "T002", lot: "7-1", members: [member("9320000001")] },
  { id: "H933", townCode: "T002", lot: "7-2", members: [member("9330000001")] },
  // 今市町5: a protected household of two beside 30 others, one more than the listing holds.
  {
    id: "H935",
    townCode: "T001",
    lot: "5",
    members: [member("9350000001"), member("9350000002", "子")],
    supportMeasure: true,
  },
  { id: "H936", townCode: "T001", lot: "5", members: [member("9360000001")] },
  {
    id: "H937",
    townCode: "T001",
    lot: "5",
    members: Array.from({ length: 29 }, (_, i) =>
      member(`93700000${String(i + 1).padStart(2, "0")}`, i === 0 ? "世帯主" : "子"),
    ),
  },
  // 今市町9: a protected person alone beside 31 others, more than the same-address listing holds.
  { id: "H940", townCode: "T001", lot: "9", members: [member("9400000001")], supportMeasure: true },
  {
    id: "H941",
    townCode: "T001",
    lot: "9",
    members: Array.from({ length: 31 }, (_, i) =>
      member(`94100000${String(i + 1).padStart(2, "0")}`, i === 0 ? "世帯主" : "子"),
    ),
  },
];
const victim = "9310000001";
const victimChild = "9310000002";
const sameAddressOther = "9320000001";
const nextDoor = "9330000001";

async function detail(who: string, id: string): Promise<{ json: PersonDetail; body: string }> {
  const res = await t.call("GET", `/api/v1/persons/${id}`, { cookie: cookies[who] });
  expect(res.statusCode, res.body).toBe(200);
  return { json: res.json() as PersonDetail, body: res.body };
}

async function link(from: string, to: string, relation: string): Promise<void> {
  const res = await t.call("POST", `/api/v1/persons/${from}/related`, {
    cookie: cookies.clerk,
    body: { relatedPersonId: to, relation },
  });
  expect(res.statusCode, res.body).toBe(201);
}

beforeAll(async () => {
  t = await createTestApp();
  await insertHouseholds(t.database.ownerUrl, households);
  // The fixture leaves the address search key empty; the feed import fills it so.
  await withOwner(t.database.ownerUrl, async (db) => {
    for (const h of households) {
      const town = h.townCode === "T002" ? "大津町" : "今市町";
      await sql`update person set search_address = ${addressKey(`${town}${h.lot}`)} where household_id = ${h.id}`.execute(
        db,
      );
    }
  });
  cookies.clerk = await t.loginAt("clerk", "shimin", "residentClerk");
  cookies.chief = await t.loginAt("chief", "shimin", "residentClerk", "supervisor");
  cookies.auditor = await t.loginAt("auditor", "johoseisaku", "auditor");
  cookies.auditChief = await t.loginAt("auditchief", "johoseisaku", "auditor", "supervisor");
}, 120_000);
afterAll(async () => {
  await t?.close();
});

describe("related persons", () => {
  it("hides a linked person's address wherever the protected person's is hidden", async () => {
    await link(victim, nextDoor, "同一住所・別世帯");
    const clerk = await detail("clerk", victim);
    expect(clerk.json.person.address.masked).toBe(true);
    expect(clerk.json.related).toMatchObject([
      { relation: "同一住所・別世帯", person: { id: nextDoor, address: { text: null, masked: true } } },
    ]);
    expect(clerk.body).not.toContain("大津町7");
    // An allowed role too, until it acknowledges the warning; then both show.
    expect((await detail("chief", victim)).body).not.toContain("大津町7");
    const ack = await t.call("POST", `/api/v1/persons/${victim}/support-measure/acknowledge`, {
      cookie: cookies.chief,
      body: {},
    });
    expect(ack.statusCode).toBe(200);
    const chief = await detail("chief", victim);
    expect(chief.json.person.address.text).toContain("大津町7-1");
    expect(chief.json.related[0]?.person.address.text).toContain("大津町7-2");
  });

  it("leaves out a 同一住所 link to a protected person beside an address that shows", async () => {
    await link(sameAddressOther, victimChild, "同一住所・別世帯");
    await link(sameAddressOther, victim, "親族");
    const clerk = await detail("clerk", sameAddressOther);
    expect(clerk.json.person.address.text).toContain("大津町7-1");
    // The 親族 link tells nothing of where the protected person lives; their address stays masked.
    expect(clerk.json.related).toMatchObject([
      { relation: "親族", person: { id: victim, address: { text: null, masked: true } } },
    ]);
    const chief = await detail("chief", sameAddressOther);
    expect(chief.json.related.map((r) => r.person.id).sort()).toEqual([victim, victimChild]);
  });
});

describe("the person view's audit row", () => {
  it("names the related persons whose names and addresses it returned", async () => {
    const viewed = await detail("chief", sameAddressOther);
    const related = viewed.json.related.map((r) => r.person.id);
    expect(related.sort()).toEqual([victim, victimChild]);
    const row = await t.database.db
      .selectFrom("audit_log")
      .select("person_ids")
      .where("action", "=", "person.read")
      .where("target", "=", `person:${sameAddressOther}`)
      .orderBy("seq", "desc")
      .executeTakeFirstOrThrow();
    expect(row.person_ids[0]).toBe(sameAddressOther);
    expect([...row.person_ids].sort()).toEqual([sameAddressOther, victim, victimChild].sort());
  });
});

describe("the audit log", () => {
  it("hides an address typed into a search that found a protected person from a viewer without the right", async () => {
    const res = await t.call(
      "GET",
      `/api/v1/search/persons?${new URLSearchParams({ address: "大津町7-1" })}`,
      {
        cookie: cookies.chief,
      },
    );
    expect(res.statusCode, res.body).toBe(200);
    expect((res.json() as PersonSearchResult).persons.map((p) => p.id)).toContain(victim);
    const query = `personId=${victim}&action=person.search`;
    const entries = async (who: string) => {
      const page = await t.call("GET", `/api/v1/audit/entries?${query}`, { cookie: cookies[who] });
      expect(page.statusCode, page.body).toBe(200);
      return { body: page.body, entries: (page.json() as AuditPage).entries };
    };
    const auditor = await entries("auditor");
    expect(auditor.entries).toHaveLength(1);
    expect(auditor.entries[0]?.detail).toMatchObject({
      criteria: { address: "（支援措置のため非表示）" },
      count: 3,
    });
    expect(auditor.body).not.toContain("大津町");
    const csv = await t.call("GET", `/api/v1/audit/entries.csv?${query}`, { cookie: cookies.auditor });
    expect(csv.statusCode, csv.body).toBe(200);
    expect(csv.body).toContain("支援措置のため非表示");
    expect(csv.body).not.toContain("大津町");
    // A viewer who may see protected addresses reads the row as it was written; the chain still holds.
    const allowed = await entries("auditChief");
    expect(allowed.entries[0]?.detail).toMatchObject({ criteria: { address: "大津町7-1" } });
    const allowedCsv = await t.call("GET", `/api/v1/audit/entries.csv?${query}`, {
      cookie: cookies.auditChief,
    });
    expect(allowedCsv.body).toContain("大津町7-1");
    const verify = await t.call("GET", "/api/v1/audit/verify", { cookie: cookies.auditor });
    expect(verify.json()).toMatchObject({ ok: true });
  });

  it("leaves the address of a search that found no protected person as typed", async () => {
    const res = await t.call(
      "GET",
      `/api/v1/search/persons?${new URLSearchParams({ address: "大津町7-2" })}`,
      {
        cookie: cookies.clerk,
      },
    );
    expect((res.json() as PersonSearchResult).persons.map((p) => p.id)).toEqual([nextDoor]);
    const page = await t.call("GET", `/api/v1/audit/entries?personId=${nextDoor}&action=person.search`, {
      cookie: cookies.auditor,
    });
    expect((page.json() as AuditPage).entries[0]?.detail).toMatchObject({
      criteria: { address: "大津町7-2" },
    });
  });
});

describe("whether there are more", () => {
  const search = async (who: string, address: string, limit: number) => {
    const res = await t.call(
      "GET",
      `/api/v1/search/persons?${new URLSearchParams({ address, limit: String(limit) })}`,
      { cookie: cookies[who] },
    );
    expect(res.statusCode, res.body).toBe(200);
    const result = res.json() as PersonSearchResult;
    return { ids: result.persons.map((p) => p.id), truncated: result.truncated };
  };

  it("says nothing of the protected persons a search leaves out", async () => {
    // 大津町7 matches four; the two of the protected household are not for a clerk to see.
    expect(await search("clerk", "大津町7", 200)).toEqual({
      ids: [sameAddressOther, nextDoor],
      truncated: false,
    });
    expect(await search("clerk", "大津町7", 2)).toEqual({
      ids: [sameAddressOther, nextDoor],
      truncated: false,
    });
    expect(await search("clerk", "大津町7", 1)).toEqual({ ids: [sameAddressOther], truncated: true });
    expect(await search("chief", "大津町7", 2)).toEqual({ ids: [victim, victimChild], truncated: true });
  });

  it("says nothing of the protected households the same-address listing leaves out", async () => {
    const listing = async (who: string) => {
      const res = await t.call("GET", "/api/v1/persons/9360000001/same-address", { cookie: cookies[who] });
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json() as { persons: { householdId: string }[]; truncated: boolean };
      return {
        households: new Set(body.persons.map((p) => p.householdId)),
        count: body.persons.length,
        truncated: body.truncated,
      };
    };
    expect(await listing("clerk")).toEqual({ households: new Set(["H937"]), count: 29, truncated: false });
    // Seen from the protected person, nothing is listed to a clerk, nor whether many live there.
    const fromProtected = await t.call("GET", "/api/v1/persons/9400000001/same-address", {
      cookie: cookies.clerk,
    });
    expect(fromProtected.json()).toEqual({ persons: [], truncated: false });
    expect(await listing("chief")).toEqual({
      households: new Set(["H935", "H937"]),
      count: 30,
      truncated: true,
    });
  });
});
