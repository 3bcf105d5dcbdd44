import { sql } from "kysely";
import type { AppMigration } from "./types.ts";

/**
 * Search at 200,000 residents and more (see docs/BENCHMARKS.md):
 * - the person's search keys are byte-order ("C") columns, so that their statistics describe the
 *   order the prefix search reads them in (the planner ignores a histogram of another collation),
 *   with a finer histogram: with the default one it guessed a common reading's range (1,700
 *   people) at a few rows and sorted all of them instead of reading the first 51 off the index.
 *   Imports keep these targets on the tables they swap in (registry/feeds/swap.ts);
 * - a GIN index on the bigrams of the name key answers two-character names (a 1+1 kanji name
 *   such as 辻恵), which have no trigram and otherwise read the whole table; the history's 旧氏名
 *   keys get one too (few rows have one, so it costs little). Readings have none: a two-kana
 *   reading is a common prefix that phase 1 answers, or comes with a birth date that narrows
 *   phase 2. The function is PL/pgSQL because an SQL one with a subquery costs four times as much
 *   per row on PGlite, which every import pays for when it builds the index.
 */
export const searchKeys: AppMigration = {
  async up(db) {
    await sql`
      alter table person
        alter column search_name type text collate "C",
        alter column search_kana type text collate "C",
        alter column search_address type text collate "C";
      alter table person
        alter column search_name set statistics 500,
        alter column search_kana set statistics 500,
        alter column search_address set statistics 500;
      create function search_bigrams(key text) returns text[]
        language plpgsql immutable strict parallel safe as $$
        declare
          grams text[] := '{}';
        begin
          for i in 1 .. char_length(key) - 1 loop
            grams := grams || substr(key, i, 2);
          end loop;
          return grams;
        end $$;
      create index person_search_name_bigrams on person using gin (search_bigrams(search_name));
      create index residence_change_previous_name_bigrams on residence_change
        using gin (search_bigrams(previous_search_name));
      create index residence_change_previous_kana_bigrams on residence_change
        using gin (search_bigrams(previous_search_kana));
      analyze person;
      analyze residence_change;
    `.execute(db);
  },
};
