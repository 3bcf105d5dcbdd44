import { type RawBuilder, type Selectable, sql } from "kysely";
import type { Db } from "../db/database.ts";
import type { PersonTable } from "../db/schema.ts";
import type { SearchPlan } from "./criteria.ts";

/** A person row as the search reads it: the table's columns, the town name and how it matched. */
export type PersonRow = Selectable<PersonTable> & {
  town_name: string | null;
  via_previous: boolean;
  rank: number;
};

const escapeLike = (key: string) => key.replace(/[\\%_]/g, (c) => `\\${c}`);

interface TextCriterion {
  column: RawBuilder<unknown>;
  history: RawBuilder<unknown>;
  key: string;
}

/**
 * Two phases, so the common case stays an index range scan however large the city:
 * 1. matches from the start of the current name or address (btree text_pattern_ops, read in key
 *    order, so an exact match, being the shortest key, comes first);
 * 2. only if that leaves room under the limit: matches inside the key (a given name, a 通称) and
 *    matches on 旧氏名 / 前住所 in the history, through the trigram indexes.
 * Other criteria (birth date, number, kind, status) filter both phases.
 */
export async function searchPersons(
  db: Db,
  plan: SearchPlan,
): Promise<{ rows: PersonRow[]; truncated: boolean }> {
  const text: TextCriterion[] = [];
  if (plan.kana !== undefined)
    text.push({ column: sql`p.search_kana`, history: sql`previous_search_kana`, key: plan.kana });
  if (plan.name !== undefined)
    text.push({ column: sql`p.search_name`, history: sql`previous_search_name`, key: plan.name });
  if (plan.address !== undefined)
    text.push({ column: sql`p.search_address`, history: sql`from_address_key`, key: plan.address });
  const filters: RawBuilder<unknown>[] = [sql`true`];
  if (plan.birthFrom) filters.push(sql`p.birth_date between ${plan.birthFrom} and ${plan.birthTo}`);
  if (plan.code)
    filters.push(
      sql`(p.id = ${plan.code} or p.resident_code = ${plan.code} or p.corporate_number = ${plan.code})`,
    );
  if (plan.kind !== "all") filters.push(sql`p.kind = ${plan.kind}`);
  if (!plan.includeInactive) filters.push(sql`p.status = 'active'`);
  const key = text[0]?.column ?? sql`p.search_kana`;
  // Phase 1 reads the "C"-collated index in order; phase 2 sorts its few candidates instead, because
  // an ordered index there tempts the planner to walk every key looking for them.
  const indexOrder = sql`${key} collate "C", p.id`;
  const sortOrder = sql`${key}, p.id`;

  const run = (
    conditions: RawBuilder<unknown>[],
    viaPrevious: RawBuilder<unknown>,
    limit: number,
    exclude: string[],
    candidates?: RawBuilder<unknown>,
  ) =>
    sql<PersonRow>`
      ${candidates ? sql`with candidate as materialized (${candidates})` : sql``}
      select p.*, t.name as town_name, ${viaPrevious} as via_previous, 0 as rank
      from person p left join address_town t on t.code = p.town_code
      ${candidates ? sql`join candidate c on c.id = p.id` : sql``}
      where ${sql.join([...filters, ...conditions], sql` and `)}
        ${exclude.length > 0 ? sql`and p.id <> all(${exclude})` : sql``}
      order by ${candidates ? sortOrder : indexOrder}
      limit ${limit}`.execute(db);

  const first = await run(
    text.map((c) => sql`${c.column} collate "C" like ${`${escapeLike(c.key)}%`}`),
    sql`false`,
    plan.limit + 1,
    [],
  );
  let rows = first.rows;
  if (text.length > 0 && rows.length <= plan.limit) {
    const contains = (c: TextCriterion) => `%${escapeLike(c.key)}%`;
    const current = sql.join(
      text.map((c) => sql`${c.column} like ${contains(c)}`),
      sql` and `,
    );
    // Each candidate source is one index lookup (trigram), unioned; never an OR across tables.
    const single = text.length === 1 ? text[0] : undefined;
    const candidates = single
      ? sql`select p.id from person p where ${current}
          union select h.person_id from residence_change h where h.${single.history} like ${contains(single)}`
      : sql`select p.id from person p where ${current}`;
    // Materialised first: otherwise the planner may walk the ordered index of all 200,000 keys
    // looking for the few candidates.
    const second = await run(
      [],
      sql`not (${current})`,
      plan.limit + 1 - rows.length,
      rows.map((r) => r.id),
      candidates,
    );
    rows = [...rows, ...second.rows];
  }
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
