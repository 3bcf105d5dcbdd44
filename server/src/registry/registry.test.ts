import { generateCity } from "@ichimado/tools/city/generate";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withOwner } from "../db/owner.ts";
import { createTestDatabase, type TestDatabase } from "../testing/test-database.ts";
import { loadCity, loadedCity } from "./load-city.ts";

let t: TestDatabase;
const city = generateCity({ residents: 2500, seed: 11 });

beforeAll(async () => {
  t = await createTestDatabase();
  await withOwner(t.ownerUrl, (db) => loadCity(db, city, 2500, () => {}));
});
afterAll(async () => {
  await t?.close();
});

describe("loading the synthetic city", () => {
  it("writes every record, and remembers what it loaded", async () => {
    const count = async (table: string) =>
      (await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(t.db)).rows[0]?.n;
    expect(await count("person")).toBe(city.persons.length);
    expect(await count("household")).toBe(city.households.length);
    expect(await count("enrollment")).toBe(city.enrollments.length);
    expect(await count("support_measure")).toBe(city.supportMeasures.length);
    expect(await count("residence_change")).toBe(city.residenceChanges.length);
    expect(await withOwner(t.ownerUrl, loadedCity)).toEqual({ seed: 11, residents: 2500 });
  });

  it("keeps gaiji byte for byte and dates as plain strings", async () => {
    const withGaiji = city.persons.filter((p) =>
      /[\u{20000}-\u{3FFFF}\uFA10]|.[\u{E0100}-\u{E01EF}]/u.test(p.name),
    );
    expect(withGaiji.length).toBeGreaterThan(0);
    const rows = await t.db
      .selectFrom("person")
      .select(["id", "name", "birth_date"])
      .where(
        "id",
        "in",
        withGaiji.map((p) => p.id),
      )
      .execute();
    const stored = new Map(rows.map((r) => [r.id, r]));
    for (const p of withGaiji) {
      expect(stored.get(p.id)?.name).toBe(p.name);
      expect(stored.get(p.id)?.birth_date).toBe(p.birthDate);
    }
  });

  it("stores folded search keys, so 高橋 finds 髙橋", async () => {
    const variant = city.persons.find((p) => p.name.startsWith("髙"));
    expect(variant).toBeDefined();
    const found = await t.db.selectFrom("person").select("id").where("search_name", "like", "高%").execute();
    expect(found.map((r) => r.id)).toContain(variant?.id);
  });

  it("lets the application role read the register but not write it", async () => {
    await expect(
      sql`update person set name = 'x' where id = ${city.persons[0]?.id ?? ""}`.execute(t.db),
    ).rejects.toThrow(/permission denied/);
    const enrollment = await t.db
      .selectFrom("enrollment")
      .select(["attributes", "from_date"])
      .limit(1)
      .executeTakeFirst();
    expect(typeof enrollment?.from_date).toBe("string");
    expect(typeof enrollment?.attributes).toBe("object");
  });
});
