import type { AddressSuggestResult, LotSuggestResult } from "@ichimado/core/addresses/schemas";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withOwner } from "../db/owner.ts";
import { insertHouseholds, plainMember as member } from "../testing/register-fixture.ts";
import { createTestApp, type TestApp } from "../testing/test-app.ts";

/** Address input (O45): towns from the master by kanji, reading or postal code; lots from the register. */
let t: TestApp;
let clerk: string;
let supervisor: string;
let admin: string;

beforeAll(async () => {
  t = await createTestApp();
  await insertHouseholds(t.database.ownerUrl, [
    {
      id: "H901",
      townCode: "T001",
      lot: "1丁目5番2号",
      members: [member("9010000001", "住所　一郎", "世帯主")],
    },
    {
      id: "H902",
      townCode: "T001",
      lot: "3丁目12番1号",
      members: [member("9020000001", "住所　二郎", "世帯主")],
    },
    {
      id: "H903",
      townCode: "T001",
      lot: "1丁目6番1号",
      members: [member("9030000001", "住所　三郎", "世帯主")],
    },
    { id: "H904", townCode: "T002", lot: "301番地", members: [member("9040000001", "大津　四郎", "世帯主")] },
    {
      id: "H905",
      townCode: "T001",
      lot: "2丁目7番7号",
      supportMeasure: true,
      members: [member("9050000001", "保護　五郎", "世帯主"), member("9050000002", "保護　花子", "妻")],
    },
    {
      id: "H906",
      townCode: "T001",
      lot: "1丁目5番2号",
      supportMeasure: true,
      members: [member("9060000001", "保護　六郎", "世帯主")],
    },
  ]);
  await withOwner(t.database.ownerUrl, async (db) => {
    await sql`update person set katagaki = 'コーポ今市101' where household_id = 'H901'`.execute(db);
    await sql`update person set katagaki = 'コーポ今市202' where household_id = 'H906'`.execute(db);
    await sql`update address_town set chome_count = 3 where code = 'T001'`.execute(db);
    // Where people came from and went to, and a 住登外者 living elsewhere.
    await sql`update person set outside_address = '島根県松江市殿町1番地' where id = '9020000001'`.execute(
      db,
    );
    await sql`insert into residence_change (person_id, kind, occurred_on, from_address, to_address) values
      ('9010000001', 'moveIn', '2020-04-01', '島根県松江市学園南1丁目2番3号', null),
      ('9030000001', 'moveIn', '2021-04-01', '鳥取県米子市角盤町1丁目', null),
      ('9040000001', 'moveOut', '2022-04-01', null, '広島県広島市中区基町5番'),
      ('9040000001', 'moveIn', '2023-04-01', 'アメリカ合衆国', null)`.execute(db);
  });
  clerk = await t.loginAt("addrclerk", "shimin", "residentClerk");
  supervisor = await t.loginAt("addrsuper", "shimin", "residentClerk", "supervisor");
  admin = await t.loginAt("addradmin", "johoseisaku", "systemAdmin");
}, 180_000);
afterAll(async () => {
  await t?.close();
});

async function suggest(q: string): Promise<AddressSuggestResult> {
  const res = await t.call("GET", `/api/v1/addresses/suggest?${new URLSearchParams({ q })}`, {
    cookie: clerk,
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as AddressSuggestResult;
}
async function lots(cookie: string, town: string, q = ""): Promise<LotSuggestResult> {
  const res = await t.call("GET", `/api/v1/addresses/towns/${town}/lots?${new URLSearchParams({ q })}`, {
    cookie,
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as LotSuggestResult;
}

describe("municipalities for addresses outside the city", () => {
  const municipalities = async (q: string, cookie = clerk) => {
    const res = await t.call("GET", `/api/v1/addresses/municipalities?${new URLSearchParams({ q })}`, {
      cookie,
    });
    return { status: res.statusCode, list: (res.json() as { municipalities?: string[] }).municipalities };
  };
  it("offers the ones the register's outside addresses name, most frequent first", async () => {
    expect((await municipalities("島根")).list).toEqual(["島根県松江市"]);
    expect((await municipalities("県")).list).toEqual(["島根県松江市", "広島県広島市中区", "鳥取県米子市"]);
    expect((await municipalities("米子")).list).toEqual(["鳥取県米子市"]);
    expect((await municipalities("アメリカ")).list).toEqual([]);
    expect((await municipalities("")).list).toEqual([]);
  });
  it("refuses an overlong query and roles without reception", async () => {
    expect((await municipalities("あ".repeat(61))).status).toBe(400);
    expect((await municipalities("島根", admin)).status).toBe(403);
  });
});

describe("address suggestions", () => {
  it("find a town from part of its kanji, with the 丁目 typed after it", async () => {
    expect((await suggest("今市")).towns.map((x) => x.code)).toEqual(["T001"]);
    expect((await suggest("大津")).towns[0]).toMatchObject({
      code: "T002",
      name: "大津町",
      matchedBy: "name",
    });
    expect((await suggest("今市町２丁目")).towns[0]).toMatchObject({ code: "T001", chome: 2, rest: "" });
    expect((await suggest("出雲市今市町2-15")).towns[0]).toMatchObject({
      code: "T001",
      chome: 2,
      rest: "15",
    });
    expect((await suggest("存在しない町")).towns).toEqual([]);
  });

  it("find a town from its reading in hiragana or katakana", async () => {
    expect((await suggest("いまい")).towns[0]).toMatchObject({ code: "T001", matchedBy: "kana" });
    expect((await suggest("イマイ")).towns.map((x) => x.code)).toEqual(["T001"]);
    expect((await suggest("おおつ")).towns.map((x) => x.code)).toEqual(["T002"]);
  });

  it("find towns from part of a postal code", async () => {
    expect((await suggest("693-00")).towns.map((x) => x.code)).toEqual(["T001", "T002"]);
    expect((await suggest("6930001")).towns.map((x) => x.code)).toEqual(["T001"]);
    expect((await suggest("〒693")).towns[0]).toMatchObject({
      matchedBy: "postalCode",
      postalCode: "693-0001",
    });
  });

  it("offer the lots and 方書 that exist at a town, however the lot is typed, in number order", async () => {
    const all = await lots(clerk, "T001");
    expect(all.lots.map((l) => l.lot)).toEqual(["1丁目5番2号", "1丁目6番1号", "3丁目12番1号"]);
    expect(all.lots[0]?.katagaki).toEqual(["コーポ今市101"]);
    expect((await lots(clerk, "T001", "３丁目１２")).lots.map((l) => l.lot)).toEqual(["3丁目12番1号"]);
    expect((await lots(clerk, "T001", "1-5")).lots.map((l) => l.lot)).toEqual(["1丁目5番2号"]);
    expect((await lots(clerk, "T001", "1")).lots.map((l) => l.lot)).toEqual(["1丁目5番2号", "1丁目6番1号"]);
    expect((await lots(clerk, "T002", "301")).lots).toEqual([{ lot: "301番地", katagaki: [] }]);
    // Only strings: nothing that names or points to a household or a person.
    expect(JSON.stringify(all)).not.toMatch(/H90|90[1-6]00000|住所/);
  });

  it("leave out the lot and 方書 of households under 支援措置 unless the role may see them", async () => {
    expect((await lots(clerk, "T001", "2")).lots).toEqual([]);
    const shared = (await lots(clerk, "T001", "1丁目5")).lots;
    expect(shared).toEqual([{ lot: "1丁目5番2号", katagaki: ["コーポ今市101"] }]);
    expect((await lots(supervisor, "T001", "2-7")).lots.map((l) => l.lot)).toEqual(["2丁目7番7号"]);
    expect((await lots(supervisor, "T001", "1-5")).lots[0]?.katagaki).toEqual([
      "コーポ今市101",
      "コーポ今市202",
    ]);
  });

  it("refuse bad input with a Japanese 400, an unknown town with 404, and staff without reception", async () => {
    const long = await t.call("GET", `/api/v1/addresses/suggest?q=${encodeURIComponent("今".repeat(41))}`, {
      cookie: clerk,
    });
    expect(long.statusCode).toBe(400);
    expect(long.body).toContain("40文字以内");
    const empty = await t.call("GET", "/api/v1/addresses/suggest?q=", { cookie: clerk });
    expect(empty.statusCode).toBe(400);
    const badCode = await t.call("GET", "/api/v1/addresses/towns/%27%3B--/lots", { cookie: clerk });
    expect(badCode.statusCode).toBe(400);
    const longLot = await t.call("GET", `/api/v1/addresses/towns/T001/lots?q=${"1".repeat(31)}`, {
      cookie: clerk,
    });
    expect(longLot.statusCode).toBe(400);
    const wild = await lots(clerk, "T001", "%");
    expect(wild.lots).toEqual([]);
    const unknown = await t.call("GET", "/api/v1/addresses/towns/T999/lots", { cookie: clerk });
    expect(unknown.statusCode).toBe(404);
    const refused = await t.call("GET", "/api/v1/addresses/suggest?q=今市", { cookie: admin });
    expect(refused.statusCode).toBe(403);
  });
});
