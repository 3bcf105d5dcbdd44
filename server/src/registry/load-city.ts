import type { CityData, PersonRecord } from "@ichimado/core/registry/records";
import { kanaSearchKey, nameSearchKey } from "@ichimado/core/search/keys";
import { sql } from "kysely";
import type { OwnerDb } from "../db/owner.ts";

const batchSize = 5_000;
const registerTables = [
  "household",
  "person",
  "residence_change",
  "enrollment",
  "support_measure",
  "issuance_ban",
  "arrears",
  "registry_memo",
];

/**
 * Writes a whole city in one transaction. Each batch goes as one JSON parameter expanded by
 * json_populate_recordset: one round trip and one parse per 5,000 rows, the same on PGlite and on
 * PostgreSQL, and no 65,535-parameter limit to work around.
 */
export async function loadCity(
  db: OwnerDb,
  city: CityData,
  residents: number,
  log: (line: string) => void,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    // Building the secondary indexes once at the end is several times faster than keeping them
    // up to date row by row; their definitions come from the catalog, so migrations stay the truth.
    const { rows: indexes } = await sql<{ name: string; definition: string }>`
      select indexname as name, indexdef as definition from pg_indexes
      where schemaname = current_schema() and tablename = any(${registerTables})
        and indexname not in (select conname from pg_constraint)`.execute(trx);
    for (const index of indexes) await sql`drop index ${sql.id(index.name)}`.execute(trx);
    await insertRows(
      trx,
      "address_town",
      city.towns.map((t) => ({
        code: t.code,
        name: t.name,
        name_kana: t.nameKana,
        area: t.area,
        postal_code: t.postalCode,
        chome_count: t.chomeCount,
        elementary_school: t.elementarySchool,
        junior_high_school: t.juniorHighSchool,
      })),
      log,
    );
    await insertRows(
      trx,
      "household",
      city.households.map((h) => ({
        id: h.id,
        head_person_id: h.headPersonId,
        town_code: h.address.townCode,
        lot: h.address.lot,
        katagaki: h.address.katagaki,
        formed_on: h.formedOn,
      })),
      log,
    );
    await insertRows(trx, "person", city.persons.map(personRow), log);
    await insertRows(
      trx,
      "residence_change",
      city.residenceChanges.map((c) => ({
        person_id: c.personId,
        kind: c.kind,
        occurred_on: c.occurredOn,
        notified_on: c.notifiedOn,
        from_address: c.fromAddress,
        to_address: c.toAddress,
        previous_name: c.previousName,
        previous_name_kana: c.previousNameKana,
      })),
      log,
    );
    await insertRows(
      trx,
      "enrollment",
      city.enrollments.map((e) => ({
        person_id: e.personId,
        programme: e.programme,
        role: e.role,
        holder_person_id: e.holderPersonId,
        from_date: e.fromDate,
        to_date: e.toDate,
        attributes: e.attributes,
      })),
      log,
    );
    await insertRows(
      trx,
      "support_measure",
      city.supportMeasures.map((s) => ({
        person_id: s.personId,
        kind: s.kind,
        from_date: s.fromDate,
        to_date: s.toDate,
        requested_by: s.requestedBy,
      })),
      log,
    );
    await insertRows(
      trx,
      "issuance_ban",
      city.issuanceBans.map((b) => ({ person_id: b.personId, reason: b.reason, from_date: b.fromDate })),
      log,
    );
    await insertRows(
      trx,
      "arrears",
      city.arrears.map((a) => ({
        person_id: a.personId,
        programme: a.programme,
        fiscal_year: a.fiscalYear,
        amount: a.amount,
      })),
      log,
    );
    await insertRows(
      trx,
      "registry_memo",
      city.memos.map((m) => ({ person_id: m.personId, text: m.text, written_on: m.writtenOn })),
      log,
    );
    await insertRows(
      trx,
      "gaiji",
      city.gaiji.map((g) => ({ city_code: g.cityCode, text: g.text, mj_code: g.mjCode, note: g.note })),
      log,
    );
    for (const index of indexes) await sql.raw(index.definition).execute(trx);
    await sql`insert into city_dataset (id, seed, residents) values (1, ${city.seed}, ${residents})`.execute(
      trx,
    );
  });
  await sql`analyze`.execute(db);
}

/**
 * Names the columns, so that identity columns left out of the rows are filled by their default.
 */
async function insertRows(
  db: OwnerDb,
  table: string,
  rows: readonly Record<string, unknown>[],
  log: (line: string) => void,
): Promise<void> {
  const columns = Object.keys(rows[0] ?? {});
  if (columns.length > 0) {
    const list = sql.join(columns.map((c) => sql.ref(c)));
    for (let i = 0; i < rows.length; i += batchSize) {
      const json = JSON.stringify(rows.slice(i, i + batchSize));
      await sql`insert into ${sql.table(table)} (${list}) select ${list} from json_populate_recordset(null::${sql.table(table)}, ${json})`.execute(
        db,
      );
    }
  }
  log(`  ${table}: ${rows.length.toLocaleString("ja-JP")} 件`);
}

function personRow(p: PersonRecord) {
  return {
    id: p.id,
    kind: p.kind,
    resident_code: p.residentCode,
    household_id: p.householdId,
    relationship: p.relationship,
    name: p.name,
    name_kana: p.nameKana,
    name_alpha: p.nameAlpha,
    alias: p.alias,
    alias_kana: p.aliasKana,
    birth_date: p.birthDate,
    sex: p.sex,
    nationality: p.nationality,
    residence_status: p.residenceStatus,
    residence_period_to: p.residencePeriodTo,
    status: p.status,
    status_date: p.statusDate,
    town_code: p.address?.townCode ?? null,
    lot: p.address?.lot ?? null,
    katagaki: p.address?.katagaki ?? null,
    outside_address: p.outsideAddress,
    corporate_number: p.corporateNumber,
    representative: p.representative,
    resident_since: p.residentSince,
    search_name: nameSearchKey([p.name, p.alias, p.nameAlpha]),
    search_kana: kanaSearchKey([p.nameKana, p.aliasKana]),
  };
}

/** Whether a city has been loaded, and with what. */
export async function loadedCity(db: OwnerDb): Promise<{ seed: number; residents: number } | undefined> {
  const { rows } = await sql<{
    seed: number;
    residents: number;
  }>`select seed, residents from city_dataset where id = 1`.execute(db);
  return rows[0];
}
