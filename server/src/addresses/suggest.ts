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
