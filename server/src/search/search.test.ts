import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { formatWareki } from "@ichimado/core/common/wareki";
import type { PersonDetail, PersonSearchResult } from "@ichimado/core/search/schemas";
import { generateCity } from "@ichimado/tools/city/generate";
import { writeFeedFiles } from "@ichimado/tools/feeds/write-feeds";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { towns } from "../../../tools/src/city/towns.ts";
import { withOwner } from "../db/owner.ts";
import { importDelivery } from "../registry/feeds/delivery.ts";
import { createTestApp, type TestApp } from "../testing/test-app.ts";

let t: TestApp;
const city = generateCity({ residents: 4000, seed: 3 });
const cookies: Record<string, string> = {};
const townName = new Map(towns.map((x) => [x.code, x.name]));

async function search(who: string, query: Record<string, string>): Promise<PersonSearchResult> {
  const res = await t.call("GET", `/api/v1/search/persons?${new URLSearchParams(query)}`, {
    cookie: cookies[who],
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as PersonSearchResult;
}

async function detail(who: string, id: string): Promise<{ json: PersonDetail; body: string }> {
  const res = await t.call("GET", `/api/v1/persons/${id}`, { cookie: cookies[who] });
  expect(res.statusCode, res.body).toBe(200);
  return { json: res.json() as PersonDetail, body: res.body };
}

const ids = (result: PersonSearchResult) => result.persons.map((p) => p.id);
const named = (pattern: RegExp) =>
  city.persons.filter((p) => p.kind === "resident" && pattern.test(p.name)).map((p) => p.id);

beforeAll(async () => {
  t = await createTestApp();
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "ichimado-search-"));
  await writeFeedFiles(city, dir, { encoding: "utf-8" });
  await withOwner(t.database.ownerUrl, (db) =>
    importDelivery(db, dir, { source: "cli", appRole: t.config.dbRole }),
  );
  await fs.rm(dir, { recursive: true, force: true });
  cookies.clerk = await t.loginAt("clerk", "shimin", "residentClerk");
  cookies.tax = await t.loginAt("tax", "shiminzei", "taxClerk");
  cookies.chief = await t.loginAt("chief", "shimin", "residentClerk", "supervisor");
}, 240_000);
afterAll(async () => {
  await t?.close();
});

describe("name search by the register's folding rules", () => {
  it.each([
    ["高橋", /^[高髙]橋　/u],
    ["髙橋", /^[高髙]橋　/u],
    ["山崎", /^山[崎﨑]　/u],
    ["山嵜", /^山[崎﨑]　/u],
    ["斎藤", /^[斉斎齋]藤　/u],
    ["齊藤", /^[斉斎齋]藤　/u],
    ["渡辺", /^渡[辺邊邉]\u{E010F}?　/u],
    ["渡邉", /^渡[辺邊邉]\u{E010F}?　/u],
    ["沢田", /^[沢澤]田　/u],
    ["浜田", /^[浜濱]田　/u],
    ["広瀬", /^[広廣]瀬　/u],
    ["國木", /^[国國]木　/u],
    ["吉田", /^[吉𠮷]田　/u],
  ])("%s finds every variant spelling", async (query, pattern) => {
    const expected = named(pattern);
    expect(expected.length).toBeGreaterThan(1);
    const found = await search("clerk", { name: query, limit: "200" });
    expect(found.truncated).toBe(false);
    expect(ids(found)).toEqual(expect.arrayContaining(expected));
    // Anyone else found bears the name now (住登外者 too) or bore it before (旧氏名).
    for (const p of found.persons)
      expect(pattern.test(p.name) || p.matchedBy === "旧氏名", p.name).toBe(true);
  });

  it("reads hiragana, half-width kana, 長音 and missing 濁点 as the same reading", async () => {
    const target = city.persons.find((p) => p.kind === "resident" && p.nameKana.startsWith("サトウ　"));
    if (!target) throw new Error("no サトウ");
    const given = target.nameKana.split("　")[1] ?? "";
    for (const typed of [`さとう ${given}`, `ｻﾄｰ${given}`, `サドウ${given}`]) {
      expect(ids(await search("clerk", { name: typed })), typed).toContain(target.id);
    }
  });

  it("finds a foreign resident by the alphabet name and by the 通称", async () => {
    const foreigner = city.persons.find((p) => p.alias && p.nameAlpha);
    if (!foreigner?.alias || !foreigner.nameAlpha) throw new Error("no foreigner with 通称");
    expect(ids(await search("clerk", { name: foreigner.nameAlpha.toLowerCase() }))).toContain(foreigner.id);
    const byAlias = await search("clerk", { name: foreigner.alias });
    expect(ids(byAlias)).toContain(foreigner.id);
    expect(byAlias.persons.find((p) => p.id === foreigner.id)?.matchedBy).toBe("通称");
  });

  it("finds a corporation by 法人番号 and a person by a former name", async () => {
    const corporation = city.persons.find((p) => p.kind === "corporation");
    expect(ids(await search("clerk", { code: corporation?.corporateNumber ?? "" }))).toEqual([
      corporation?.id,
    ]);
    const renamed = city.residenceChanges.find((c) => c.kind === "nameChange" && c.previousName);
    const result = await search("clerk", { name: renamed?.previousName ?? "", limit: "200" });
    expect(result.persons.find((p) => p.id === renamed?.personId)?.matchedBy).toBe("旧氏名");
  });

  it("combines a reading with a birth date typed in 和暦, and flags people who left", async () => {
    const person = city.persons.find((p) => p.kind === "resident" && p.status === "deceased" && p.birthDate);
    if (!person?.birthDate) throw new Error("no deceased");
    const family = person.nameKana.split("　")[0] ?? "";
    const result = await search("clerk", {
      name: family,
      birthDate: formatWareki(person.birthDate, "short"),
    });
    expect(ids(result)).toContain(person.id);
    expect(result.persons.every((p) => p.birthDate === person.birthDate)).toBe(true);
    expect(result.persons.find((p) => p.id === person.id)?.status).toBe("deceased");
    const activeOnly = await search("clerk", {
      name: family,
      birthDate: person.birthDate,
      includeInactive: "false",
    });
    expect(ids(activeOnly)).not.toContain(person.id);
  });

  it("refuses bad criteria with a Japanese message and never 500", async () => {
    for (const [query, message] of [
      [{}, /検索条件/],
      [{ birthDate: "昭和65年1月1日" }, /昭和の期間外/],
      [{ birthDate: "500301" }, /元号を選んで/],
      [{ code: "12345" }, /宛名番号/],
      [{ name: "x".repeat(61) }, /60文字/],
    ] as const) {
      const res = await t.call("GET", `/api/v1/search/persons?${new URLSearchParams(query)}`, {
        cookie: cookies.clerk,
      });
      expect(res.statusCode).toBe(400);
      expect((res.json() as { error: { message: string } }).error.message).toMatch(message);
    }
    expect((await t.call("GET", "/api/v1/persons/abc", { cookie: cookies.clerk })).statusCode).toBe(400);
    expect((await t.call("GET", "/api/v1/persons/0000000000", { cookie: cookies.clerk })).statusCode).toBe(
      404,
    );
  });
});

describe("what a role may see", () => {
  it("gives a role without 国保 no 国保 enrollment, from the person view", async () => {
    const insured = city.enrollments.find((e) => e.programme === "nationalHealthInsurance");
    const id = insured?.personId ?? "";
    const clerk = await detail("clerk", id);
    expect(clerk.json.enrollments.some((e) => e.programme === "nationalHealthInsurance")).toBe(true);
    const tax = await detail("tax", id);
    expect(tax.json.enrollments.some((e) => e.programme === "nationalHealthInsurance")).toBe(false);
    expect(tax.body).not.toContain("国民健康保険");
  });

  describe("支援措置", () => {
    const measure = city.supportMeasures[0];
    const victim = city.persons.find((p) => p.id === measure?.personId);
    if (!victim?.address) throw new Error("no protected person");
    const town = townName.get(victim.address.townCode) ?? "";
    const addressText = `${town}${victim.address.lot}`;

    it("keeps the address out of every response for a role without the right, even after acknowledging", async () => {
      const found = await search("clerk", { name: victim.name });
      const row = found.persons.find((p) => p.id === victim.id);
      expect(row?.flags.supportMeasure).toBe(true);
      expect(row?.address).toEqual({ text: null, masked: true });
      const before = await detail("clerk", victim.id);
      expect(before.json.supportMeasure).toMatchObject({ acknowledged: false, mayViewAddress: false });
      const ack = await t.call("POST", `/api/v1/persons/${victim.id}/support-measure/acknowledge`, {
        cookie: cookies.clerk,
        body: {},
      });
      expect(ack.statusCode).toBe(200);
      const after = await detail("clerk", victim.id);
      expect(after.json.supportMeasure?.acknowledged).toBe(true);
      const byAddress = await t.call(
        "GET",
        `/api/v1/search/persons?${new URLSearchParams({ address: addressText, limit: "200" })}`,
        { cookie: cookies.clerk },
      );
      for (const body of [JSON.stringify(found), before.body, after.body, byAddress.body])
        expect(body).not.toContain(addressText);
      for (const member of after.json.household?.members ?? []) expect(member.address.masked).toBe(true);
      expect((byAddress.json() as PersonSearchResult).persons.map((p) => p.id)).not.toContain(victim.id);
    });

    it("shows it to an allowed role only after the acknowledgement, which is audited", async () => {
      const before = await detail("chief", victim.id);
      expect(before.body).not.toContain(addressText);
      await t.call("POST", `/api/v1/persons/${victim.id}/support-measure/acknowledge`, {
        cookie: cookies.chief,
        body: {},
      });
      const after = await detail("chief", victim.id);
      expect(after.json.person.address.text).toContain(addressText);
      const audit = await t.database.db
        .selectFrom("audit_log")
        .select(["login_id", "person_ids"])
        .where("action", "=", "supportMeasure.acknowledge")
        .execute();
      expect(audit).toEqual(
        expect.arrayContaining([
          { login_id: "chief", person_ids: [victim.id] },
          { login_id: "clerk", person_ids: [victim.id] },
        ]),
      );
    });
  });

  it("audits every search with its criteria and the persons returned", async () => {
    const result = await search("clerk", { name: "ヤマネ", limit: "5" });
    const row = await t.database.db
      .selectFrom("audit_log")
      .select(["action", "person_ids", "detail"])
      .where("action", "=", "person.search")
      .orderBy("seq", "desc")
      .executeTakeFirst();
    expect(row?.person_ids).toEqual(ids(result));
    expect(row?.detail).toMatchObject({ criteria: { name: "ヤマネ", limit: 5 } });
  });
});

describe("related persons", () => {
  it("links two people both ways, refuses duplicates and self-links, and audits the change", async () => {
    const [a, b] = city.persons.filter((p) => p.kind === "resident" && p.status === "active");
    if (!a || !b) throw new Error("need two residents");
    const add = (body: unknown) =>
      t.call("POST", `/api/v1/persons/${a.id}/related`, { cookie: cookies.clerk, body });
    const created = await add({ relatedPersonId: b.id, relation: "同一住所・別世帯", note: "世帯分離" });
    expect(created.statusCode).toBe(201);
    const { linkId } = created.json() as { linkId: number };
    expect((await detail("clerk", b.id)).json.related).toMatchObject([
      { linkId, relation: "同一住所・別世帯", person: { id: a.id } },
    ]);
    expect((await add({ relatedPersonId: b.id, relation: "x" })).statusCode).toBe(409);
    expect((await add({ relatedPersonId: a.id, relation: "x" })).statusCode).toBe(400);
    expect((await add({ relatedPersonId: b.id, relation: "" })).statusCode).toBe(400);
    expect((await add({ relatedPersonId: "0000000000", relation: "x" })).statusCode).toBe(404);
    const removed = await t.call("DELETE", `/api/v1/persons/${b.id}/related/${linkId}`, {
      cookie: cookies.clerk,
    });
    expect(removed.statusCode).toBe(204);
    expect((await detail("clerk", a.id)).json.related).toEqual([]);
    const audit = await t.database.db
      .selectFrom("audit_log")
      .select("person_ids")
      .where("target", "=", `related_person:${linkId}`)
      .execute();
    expect(audit).toHaveLength(2);
  });
});
