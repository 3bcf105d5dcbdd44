import { kanaSearchKey, nameSearchKey } from "@ichimado/core/search/keys";
import { sql } from "kysely";
import { withOwner } from "../db/owner.ts";

/** A hand-made household for tests that need exact members and enrollments (the generator is random). */
export interface FixtureMember {
  id: string;
  name: string;
  nameKana: string;
  birthDate: string;
  sex: "male" | "female";
  relationship: string;
  cardExpiresOn?: string;
  enrollments?: {
    programme: string;
    role: string;
    holder?: string;
    attributes?: Record<string, string | number>;
  }[];
}

/** A plain adult member: what most tests need, with the reading and birth date left to defaults. */
export function plainMember(
  id: string,
  name: string,
  relationship: string,
  more: Partial<FixtureMember> = {},
): FixtureMember {
  return {
    id,
    name,
    nameKana: "シケン　タロウ",
    birthDate: "1980-04-01",
    sex: "male",
    relationship,
    ...more,
  };
}

export interface FixtureHousehold {
  id: string;
  townCode: string;
  lot: string;
  members: FixtureMember[];
  supportMeasure?: boolean;
}

/** Writes households into the register as the owner (the app role only reads it). */
export async function insertHouseholds(
  ownerUrl: string,
  households: readonly FixtureHousehold[],
): Promise<void> {
  await withOwner(ownerUrl, async (db) => {
    await sql`create table if not exists enrollment_fixture partition of enrollment for values in ('fixture')`.execute(
      db,
    );
    await sql`insert into address_town (code, name, name_kana, area, postal_code, elementary_school, junior_high_school)
      values ('T001', '今市町', 'イマイチチョウ', '出雲', '693-0001', '今市小学校', '第一中学校'),
             ('T002', '大津町', 'オオツチョウ', '出雲', '693-0011', '大津小学校', '第二中学校')
      on conflict do nothing`.execute(db);
    for (const h of households) {
      const head = h.members.find((m) => m.relationship === "世帯主") ?? h.members[0];
      await db
        .insertInto("household")
        .values({ id: h.id, head_person_id: head?.id, town_code: h.townCode, lot: h.lot })
        .execute();
      for (const m of h.members) {
        await db
          .insertInto("person")
          .values({
            id: m.id,
            kind: "resident",
            household_id: h.id,
            relationship: m.relationship,
            name: m.name,
            name_kana: m.nameKana,
            birth_date: m.birthDate,
            sex: m.sex,
            status: "active",
            town_code: h.townCode,
            lot: h.lot,
            card_expires_on: m.cardExpiresOn ?? null,
            search_name: nameSearchKey([m.name]),
            search_kana: kanaSearchKey([m.nameKana]),
          })
          .execute();
        for (const e of m.enrollments ?? []) {
          await db
            .insertInto("enrollment")
            .values({
              feed: "fixture",
              person_id: m.id,
              programme: e.programme,
              role: e.role,
              holder_person_id: e.holder ?? null,
              from_date: "2020-04-01",
              attributes: JSON.stringify(e.attributes ?? {}),
            })
            .execute();
        }
      }
      if (h.supportMeasure) {
        await db
          .insertInto("support_measure")
          .values({ person_id: head?.id, kind: "dv", from_date: "2026-01-01", to_date: "2027-12-31" })
          .execute();
      }
    }
  });
}
