import { municipalityOf, municipalityText } from "@ichimado/core/addresses/municipalities";
import type { LotSuggestion } from "@ichimado/core/addresses/schemas";
import { matchLots, suggestTowns, type TownSuggestion } from "@ichimado/core/addresses/suggest";
import { sql } from "kysely";
import type { Db } from "../db/database.ts";

/** The master is a few hundred towns: read whole and ranked by core, so the screen and server agree. */
export async function townSuggestions(db: Db, query: string, limit: number): Promise<TownSuggestion[]> {
  const rows = await db
    .selectFrom("address_town")
    .select(["code", "name", "name_kana", "postal_code", "chome_count"])
    .execute();
  const towns = rows.map((r) => ({
    code: r.code,
    name: r.name,
    nameKana: r.name_kana,
    postalCode: r.postal_code,
    chomeCount: r.chome_count,
  }));
  return suggestTowns(query, towns, { limit, cityName: "出雲市" });
}

/**
 * The 番地 at a town where residents live now that start with what was typed, with their 方書; read
 * from the residents' rows, whose (town_code, lot) index the household table lacks. A town has a few
 * hundred lots, so all are read and matched by core, which knows 2丁目15番3号 is 2-15-3. Only the strings
 * leave: no household or person. A resident under an active 支援措置, or living with one, gives
 * nothing unless the role may see protected addresses; a lot shared with other households still
 * comes from theirs, so its presence tells nothing about the protected one.
 */
export async function lotSuggestions(
  db: Db,
  townCode: string,
  typed: string,
  options: { includeProtected: boolean; today: string; limit: number },
): Promise<{ lots: LotSuggestion[]; truncated: boolean }> {
  const active = (s: string) =>
    sql`${sql.ref(`${s}.from_date`)} <= ${options.today} and (${sql.ref(`${s}.to_date`)} is null or ${sql.ref(`${s}.to_date`)} >= ${options.today})`;
  const { rows } = await sql<{ lot: string; katagaki: string[] | null }>`
    select p.lot, array_agg(distinct p.katagaki order by p.katagaki) filter (where p.katagaki <> '') as katagaki
    from person p
    where p.kind = 'resident' and p.status = 'active' and p.town_code = ${townCode}
      and p.lot is not null and p.lot <> ''
      and (${options.includeProtected}
        or (not exists (select 1 from support_measure s where s.person_id = p.id and ${active("s")})
          and not exists (
            select 1 from person m join support_measure t on t.person_id = m.id
            where p.household_id is not null and m.household_id = p.household_id and ${active("t")})))
    group by p.lot`.execute(db);
  return matchLots(
    rows.map((r) => ({ lot: r.lot, katagaki: r.katagaki ?? [] })),
    typed,
    options.limit,
  );
}

const municipalityCacheMs = 10 * 60_000;
let municipalityCache: { at: number; db: Db; seen: { text: string; count: number }[] } | undefined;

/**
 * The municipalities the register's outside addresses name (住登外者, 転入元, 転出先), with how often:
 * the city's own record of where its people come from and go to, so the neighbours come first. The
 * register changes with the nightly feeds, so the list is kept for ten minutes per database.
 */
export async function seenMunicipalities(db: Db): Promise<{ text: string; count: number }[]> {
  if (
    municipalityCache &&
    municipalityCache.db === db &&
    Date.now() - municipalityCache.at < municipalityCacheMs
  ) {
    return municipalityCache.seen;
  }
  // The first 24 characters hold any prefecture, 郡, municipality and ward; grouping on them keeps
  // the rows read in JavaScript to the distinct beginnings, not every address.
  const { rows } = await sql<{ head: string; n: number }>`
    select left(a, 24) as head, count(*)::int as n from (
      select outside_address as a from person where outside_address is not null
      union all select from_address from residence_change where from_address is not null
      union all select to_address from residence_change where to_address is not null
    ) addresses group by 1`.execute(db);
  const counts = new Map<string, number>();
  for (const row of rows) {
    const m = municipalityOf(row.head);
    if (m) counts.set(municipalityText(m), (counts.get(municipalityText(m)) ?? 0) + row.n);
  }
  const seen = [...counts].map(([text, count]) => ({ text, count }));
  municipalityCache = { at: Date.now(), db, seen };
  return seen;
}
