import { type RawBuilder, sql } from "kysely";
import type { Db } from "../db/database.ts";
import type { SearchPlan } from "./criteria.ts";

export interface PersonRow {
  id: string;
  kind: "resident" | "nonResident" | "corporation";
  resident_code: string | null;
  household_id: string | null;
  relationship: string | null;
  name: string;
  name_kana: string;
  name_alpha: string | null;
  alias: string | null;
  alias_kana: string | null;
  birth_date: string | null;
  sex: "male" | "female" | null;
  nationality: string | null;
  residence_status: string | null;
  residence_period_to: string | null;
  status: "active" | "movedOut" | "deceased" | "erased";
  status_date: string | null;
  town_code: string | null;
  town_name: string | null;
  lot: string | null;
  katagaki: string | null;
  outside_address: string | null;
  corporate_number: string | null;
  representative: string | null;
  resident_since: string | null;
  card_expires_on: string | null;
  search_kana: string;
  search_name: string;
  search_address: string;
  via_previous: boolean;
  rank: number;
}

const like = (key: string) => `%${key.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * Candidates come from the current names and, separately, from past names and addresses in the
 * history (旧氏名, 前住所), each through its own trigram index; the person table is then filtered
 * by the other criteria. Exact matches rank first, then matches from the start, then the rest.
 */
export async function searchPersons(
  db: Db,
  plan: SearchPlan,
): Promise<{ rows: PersonRow[]; truncated: boolean }> {
  const sources: RawBuilder<unknown>[] = [];
  let rank: RawBuilder<unknown> = sql`2`;
  if (plan.kana !== undefined || plan.name !== undefined) {
    const [column, previous, key] =
      plan.kana !== undefined
        ? [sql`search_kana`, sql`previous_search_kana`, plan.kana]
        : [sql`search_name`, sql`previous_search_name`, plan.name as string];
    sources.push(sql`
      select id, false as via_previous from person where ${column} like ${like(key)}
      union all
      select person_id, true from residence_change where ${previous} like ${like(key)}`);
    rank = sql`case when p.${column} = ${key} or p.${column} like ${`${key}/%`} then 0
      when p.${column} like ${`${key}%`} then 1 else 2 end`;
  }
  if (plan.address !== undefined) {
    sources.push(sql`
      select id, false as via_previous from person where search_address like ${like(plan.address)}
      union all
      select person_id, true from residence_change where from_address_key like ${like(plan.address)}`);
  }
  const filters: RawBuilder<unknown>[] = [sql`true`];
  if (plan.birthFrom) filters.push(sql`p.birth_date between ${plan.birthFrom} and ${plan.birthTo}`);
  if (plan.code)
    filters.push(
      sql`(p.id = ${plan.code} or p.resident_code = ${plan.code} or p.corporate_number = ${plan.code})`,
    );
  if (plan.kind !== "all") filters.push(sql`p.kind = ${plan.kind}`);
  if (!plan.includeInactive) filters.push(sql`p.status = 'active'`);
  // Every source must match (criteria combine with AND); a person found through history is marked.
  const hits = sources.map(
    (source, i) =>
      sql`join (select id, bool_and(via_previous) as via_previous from (${source}) s group by id) ${sql.id(`h${i}`)} on ${sql.id(`h${i}`)}.id = p.id`,
  );
  const via =
    sources.length > 0
      ? sql.join(
          sources.map((_, i) => sql`${sql.id(`h${i}`)}.via_previous`),
          sql` or `,
        )
      : sql`false`;
  const { rows } = await sql<PersonRow>`
    select p.*, t.name as town_name, (${via}) as via_previous, ${rank} as rank
    from person p
    ${sql.join(hits, sql` `)}
    left join address_town t on t.code = p.town_code
    where ${sql.join(filters, sql` and `)}
    order by rank, (p.status = 'active') desc, p.search_kana, p.id
    limit ${plan.limit + 1}`.execute(db);
  return { rows: rows.slice(0, plan.limit), truncated: rows.length > plan.limit };
}

/** Who in these persons' households is under an active 支援措置 (their shared address is protected). */
export async function protectedScope(
  db: Db,
  persons: readonly { id: string; household_id: string | null }[],
  today: string,
): Promise<{ persons: Set<string>; households: Set<string> }> {
  const ids = persons.map((p) => p.id);
  const households = [...new Set(persons.map((p) => p.household_id).filter((h): h is string => h !== null))];
  if (ids.length === 0) return { persons: new Set(), households: new Set() };
  const { rows } = await sql<{ person_id: string; household_id: string | null }>`
    select s.person_id, p.household_id from support_measure s
    join person p on p.id = s.person_id and p.kind = 'resident'
    where s.from_date <= ${today} and (s.to_date is null or s.to_date >= ${today})
      and (s.person_id = any(${ids}) or p.household_id = any(${households}))`.execute(db);
  return {
    persons: new Set(rows.map((r) => r.person_id)),
    households: new Set(rows.map((r) => r.household_id).filter((h): h is string => h !== null)),
  };
}

export async function flagsFor(db: Db, ids: readonly string[], today: string) {
  if (ids.length === 0)
    return { bans: new Set<string>(), arrears: new Set<string>(), moveOuts: new Set<string>() };
  const [bans, arrears, moveOuts] = await Promise.all([
    sql<{ id: string }>`select person_id as id from issuance_ban where person_id = any(${ids})`.execute(db),
    sql<{ id: string }>`select distinct person_id as id from arrears where person_id = any(${ids})`.execute(
      db,
    ),
    sql<{
      id: string;
    }>`select distinct person_id as id from move_out_certificate where person_id = any(${ids}) and planned_on >= ${today}`.execute(
      db,
    ),
  ]);
  const set = (r: { rows: { id: string }[] }) => new Set(r.rows.map((x) => x.id));
  return { bans: set(bans), arrears: set(arrears), moveOuts: set(moveOuts) };
}

/** Acknowledged in this session: the person, or someone of their household. */
export async function acknowledgements(
  db: Db,
  tokenHash: string,
): Promise<{ persons: Set<string>; households: Set<string> }> {
  const rows = await db
    .selectFrom("support_measure_ack")
    .select(["person_id", "household_id"])
    .where("token_hash", "=", tokenHash)
    .execute();
  return {
    persons: new Set(rows.map((r) => r.person_id)),
    households: new Set(rows.map((r) => r.household_id).filter((h): h is string => h !== null)),
  };
}
