import { type RawBuilder, type Selectable, sql } from "kysely";
import type { Db } from "../db/database.ts";
import type { PersonTable } from "../db/schema.ts";
import type { SearchPlan } from "./criteria.ts";
import type { Flags, ProtectionState } from "./present.ts";

/** A person row as the search reads it: the table's columns, the town name and how it matched. */
export type PersonRow = Selectable<PersonTable> & {
  town_name: string | null;
  via_previous: boolean;
  rank: number;
};

const escapeLike = (key: string) => key.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * The keys that start with `prefix`, as a range in byte ("C") order: `from <= key < to`, where `to`
 * is the prefix with its last code point raised by one (UTF-8 byte order is code point order).
 * The planner estimates a range from the column's histogram, where for `LIKE 'prefix%'` it falls
 * back to a floor of a few rows — and then sorts every match of a common name instead of reading
 * the first 51 off the index.
 */
function prefixRange(prefix: string): { from: string; to: string | undefined } {
  const points = [...prefix].map((c) => c.codePointAt(0) as number);
  while (points.length > 0) {
    let last = (points.pop() as number) + 1;
    if (last >= 0xd800 && last <= 0xdfff) last = 0xe000;
    if (last <= 0x10ffff) return { from: prefix, to: String.fromCodePoint(...points, last) };
  }
  return { from: prefix, to: undefined };
}

interface TextCriterion {
  /** The person's key column, e.g. search_kana, and the history's, e.g. previous_search_kana. */
  name: string;
  column: RawBuilder<unknown>;
  history: string;
  key: string;
}

/**
 * Two phases, so the common case stays an index range scan however large the city:
 * 1. matches from the start of the current name or address (a range of the byte-order btree, read
 *    in key order, so an exact match, being the shortest key, comes first);
 * 2. only if that leaves room under the limit: matches inside the key (a given name, a 通称) and
 *    matches on 旧氏名 / 前住所 in the history, through the trigram indexes (bigram ones for a
 *    two-character name).
 * Other criteria (birth date, number, kind, status) filter both phases, inside each candidate
 * query, so a reading with a birth date reads the few people born that day instead of every
 * reading that contains the typed one.
 */
export async function searchPersons(
  db: Db,
  plan: SearchPlan,
  /** Leave out everyone under 支援措置 as of this day, in the query, so `truncated` counts only those shown. */
  withoutProtectedOn?: string,
): Promise<{ rows: PersonRow[]; truncated: boolean }> {
  const text: TextCriterion[] = [];
  const criterion = (name: string, history: string, key: string) =>
    text.push({ name, column: sql`p.${sql.id(name)}`, history, key });
  if (plan.kana !== undefined) criterion("search_kana", "previous_search_kana", plan.kana);
  if (plan.name !== undefined) criterion("search_name", "previous_search_name", plan.name);
  if (plan.address !== undefined) criterion("search_address", "from_address_key", plan.address);
  const filters: RawBuilder<unknown>[] = [];
  if (plan.birthFrom) filters.push(sql`p.birth_date between ${plan.birthFrom} and ${plan.birthTo}`);
  if (plan.code)
    filters.push(
      sql`(p.id = ${plan.code} or p.resident_code = ${plan.code} or p.corporate_number = ${plan.code})`,
    );
  if (plan.qualification) {
    // Each number field's own programmes, through the GIN index on attributes (migration 0023).
    const { value, fields } = plan.qualification;
    const matches = fields.map(
      (f) =>
        sql`(e.attributes @> ${JSON.stringify({ [f.field]: value })}::jsonb and e.programme = any(${f.programmes}))`,
    );
    filters.push(sql`p.id in (select e.person_id from enrollment e where ${sql.join(matches, sql` or `)})`);
  }
  if (plan.kind !== "all") filters.push(sql`p.kind = ${plan.kind}`);
  if (!plan.includeInactive) filters.push(sql`p.status = 'active'`);
  if (withoutProtectedOn) filters.push(sql`p.id not in (${protectedPersonIds(withoutProtectedOn)})`);
  const key = sql.id(text[0]?.name ?? "search_kana");
  const where = (conditions: RawBuilder<unknown>[]) =>
    conditions.length > 0 ? sql.join(conditions, sql` and `) : sql`true`;
  const select = (viaPrevious: boolean) =>
    sql`select p.*, t.name as town_name, ${sql.lit(viaPrevious)} as via_previous, 0 as rank
      from person p left join address_town t on t.code = p.town_code`;

  // Phase 1 reads the "C"-collated index in order.
  const prefix = text.flatMap((c) => {
    const range = prefixRange(c.key);
    return [
      sql`${c.column} collate "C" >= ${range.from}`,
      ...(range.to === undefined ? [] : [sql`${c.column} collate "C" < ${range.to}`]),
    ];
  });
  const first = await sql<PersonRow>`
    ${select(false)}
    where ${where([...filters, ...prefix])}
    order by p.${key} collate "C", p.id
    limit ${plan.limit + 1}`.execute(db);
  let rows = first.rows;
  if (text.length > 0 && rows.length <= plan.limit) {
    const like = (column: RawBuilder<unknown>, c: TextCriterion) => sql`${column} like ${contains(c.key)}`;
    const current = sql.join(
      text.map((c) => like(c.column, c)),
      sql` and `,
    );
    // With the bigram index where a key is too short for trigrams (else the planner reads everyone).
    const found = (name: string, column: RawBuilder<unknown>, c: TextCriterion) =>
      bigramIndexed.has(name) && [...c.key].length === 2
        ? sql`search_bigrams(${column}) @> array[${c.key}::text] and ${like(column, c)}`
        : like(column, c);
    const seen = rows.map((r) => r.id);
    const rest = [...filters, ...(seen.length > 0 ? [sql`p.id <> all(${seen})`] : [])];
    // Each source is its own index lookup, never an OR across tables; the history's few persons are
    // then looked up by id. The candidates are materialised and then sorted: with an ORDER BY …
    // LIMIT over them the planner may walk an ordered index of every key looking for them.
    const single = text.length === 1 ? text[0] : undefined;
    const second = await sql<PersonRow>`
      with hit as materialized (
        ${select(false)}
        where ${where([...text.map((c) => found(c.name, c.column, c)), ...rest])}
        ${
          single
            ? sql`union all
              ${select(true)}
              where p.id in (select h.person_id from residence_change h
                  where ${found(single.history, sql`h.${sql.id(single.history)}`, single)})
                and not (${current}) and ${where(rest)}`
            : sql``
        }
      )
      select * from hit order by ${key}, id
      limit ${plan.limit + 1 - rows.length}`.execute(db);
    rows = [...rows, ...second.rows];
  }
  return { rows: rows.slice(0, plan.limit), truncated: rows.length > plan.limit };
}

const contains = (key: string) => `%${escapeLike(key)}%`;

/** Key columns with a GIN index on `search_bigrams(column)` (migration 0006). */
const bigramIndexed = new Set(["search_name", "previous_search_name", "previous_search_kana"]);

/**
 * Active 支援措置 of these persons and of everyone in their households. The persons are found by
 * their keys first (a few hundred index lookups), then matched to the measures: filtering every
 * measure by an OR over the person's row read each protected person's row per search (at 1,000,000
 * residents 11 ms at the median against 3–4 ms this way, EXPLAIN ANALYZE in docs/BENCHMARKS.md).
 */
function scopeQuery(ids: readonly string[], households: readonly string[], today: string) {
  return sql`
    select s.person_id, p.household_id from person p
    join support_measure s on s.person_id = p.id
    where p.kind = 'resident' and (p.id = any(${ids}) or p.household_id = any(${households}))
      and s.from_date <= ${today} and (s.to_date is null or s.to_date >= ${today})`;
}

const activeMeasure = (today: string) =>
  sql`s.from_date <= ${today} and (s.to_date is null or s.to_date >= ${today})`;

/**
 * Everyone under an active 支援措置 or in a household with someone who is — scopeQuery's rule over
 * the whole register, as one query of a few ids per measure: a filter for rows a role may not be
 * shown, or, run on its own, the ids whose traces are hidden.
 */
export const protectedPersonIds = (today: string) => sql<{ id: string }>`
  select b.id from person b join support_measure s on s.person_id = b.id
  where b.kind = 'resident' and ${activeMeasure(today)}
  union
  select m.id from person m where m.household_id in (
    select b.household_id from person b join support_measure s on s.person_id = b.id
    where b.kind = 'resident' and ${activeMeasure(today)})`;

/** Who in these persons' households is under an active 支援措置 (their shared address is protected). */
export async function protectedScope(
  db: Db,
  persons: readonly { id: string; household_id: string | null }[],
  today: string,
): Promise<{ persons: Set<string>; households: Set<string> }> {
  const ids = persons.map((p) => p.id);
  const households = [...new Set(persons.map((p) => p.household_id).filter((h): h is string => h !== null))];
  if (ids.length === 0) return { persons: new Set(), households: new Set() };
  const { rows } = await sql<{
    person_id: string;
    household_id: string | null;
  }>`${scopeQuery(ids, households, today)}`.execute(db);
  return {
    persons: new Set(rows.map((r) => r.person_id)),
    households: new Set(rows.map((r) => r.household_id).filter((h): h is string => h !== null)),
  };
}

/** Flags of these persons as three arrays of ids: 発行禁止, 滞納, a pending 転出. */
const flagColumns = (ids: readonly string[], today: string) => sql`
  array(select person_id from issuance_ban where person_id = any(${ids})) as bans,
  array(select distinct person_id from arrears where person_id = any(${ids})) as arrears,
  array(select distinct person_id from move_out_certificate
    where person_id = any(${ids}) and planned_on >= ${today}) as move_outs`;

interface FlagArrays {
  bans: string[];
  arrears: string[];
  move_outs: string[];
}

const flagSets = (r: FlagArrays): { bans: Set<string>; arrears: Set<string>; moveOuts: Set<string> } => ({
  bans: new Set(r.bans),
  arrears: new Set(r.arrears),
  moveOuts: new Set(r.move_outs),
});

export async function flagsFor(db: Db, ids: readonly string[], today: string) {
  if (ids.length === 0)
    return { bans: new Set<string>(), arrears: new Set<string>(), moveOuts: new Set<string>() };
  const { rows } = await sql<FlagArrays>`select ${flagColumns([...ids], today)}`.execute(db);
  return flagSets(rows[0] as FlagArrays);
}

/**
 * What search results need besides their rows, in one round trip: who among them is protected
 * (themselves or their household under an active 支援措置), what this session has acknowledged,
 * and their flags. The same sets `protectedScope`, `acknowledgements` and `flagsFor` give.
 */
export async function resultContext(
  db: Db,
  tokenHash: string,
  persons: readonly { id: string; household_id: string | null }[],
  today: string,
): Promise<{ state: ProtectionState; flags: Flags }> {
  if (persons.length === 0) {
    const none = new Set<string>();
    return {
      state: {
        protectedPersons: none,
        protectedHouseholds: none,
        acknowledgedPersons: none,
        acknowledgedHouseholds: none,
      },
      flags: { bans: none, arrears: none, moveOuts: none },
    };
  }
  const ids = persons.map((p) => p.id);
  const households = [...new Set(persons.map((p) => p.household_id).filter((h): h is string => h !== null))];
  const { rows } = await sql<
    FlagArrays & {
      protected_persons: string[];
      protected_households: string[];
      ack_persons: string[];
      ack_households: string[];
    }
  >`
    with scope as (${scopeQuery(ids, households, today)}), ack as (
      select person_id, household_id from support_measure_ack where token_hash = ${tokenHash}
    )
    select
      array(select person_id from scope) as protected_persons,
      array(select household_id from scope where household_id is not null) as protected_households,
      array(select person_id from ack) as ack_persons,
      array(select household_id from ack where household_id is not null) as ack_households,
      ${flagColumns(ids, today)}`.execute(db);
  const r = rows[0] as (typeof rows)[number];
  return {
    state: {
      protectedPersons: new Set(r.protected_persons),
      protectedHouseholds: new Set(r.protected_households),
      acknowledgedPersons: new Set(r.ack_persons),
      acknowledgedHouseholds: new Set(r.ack_households),
    },
    flags: flagSets(r),
  };
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
