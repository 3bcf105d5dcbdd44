import { sql } from "kysely";
import type { AppMigration } from "./types.ts";

/**
 * The common database (共通データベース): what the core systems deliver as feeds. Each feed owns its
 * rows: a whole table (household, address_town, …) or one partition of a shared one (person by kind,
 * enrollment by feed). An import builds the new rows beside the live ones and swaps them in with a
 * short transaction (see registry/feeds/swap.ts), so the counter never waits for a load.
 *
 * No foreign keys between register tables: feeds arrive from different systems in any order, so the
 * import checks references itself and reports them; the swap must not cascade.
 *
 * search_* columns hold folded keys (kana, 異体字) computed with core/search/keys.ts.
 */
export const registry: AppMigration = {
  async up(db, appRole) {
    const app = sql.id(appRole);
    await sql`
      create extension if not exists pg_trgm;
      create table address_town (
        code text primary key,
        name text not null,
        name_kana text not null,
        area text not null,
        postal_code text not null,
        chome_count int not null default 0,
        elementary_school text not null,
        junior_high_school text not null
      );
      create table household (
        id text primary key,
        head_person_id text not null,
        town_code text not null,
        lot text not null,
        katagaki text not null default '',
        formed_on date
      );
      create table person (
        id text not null check (id ~ '^[0-9]{10}$'),
        kind text not null check (kind in ('resident', 'nonResident', 'corporation')),
        resident_code text check (resident_code ~ '^[0-9]{11}$'),
        household_id text,
        relationship text,
        name text not null,
        name_kana text not null,
        name_alpha text,
        alias text,
        alias_kana text,
        birth_date date,
        sex text check (sex in ('male', 'female')),
        nationality text,
        residence_status text,
        residence_period_to date,
        status text not null check (status in ('active', 'movedOut', 'deceased', 'erased')),
        status_date date,
        town_code text,
        lot text,
        katagaki text,
        outside_address text,
        corporate_number text check (corporate_number ~ '^[0-9]{13}$'),
        representative text,
        resident_since date,
        card_expires_on date,
        search_name text not null,
        search_kana text not null,
        search_address text not null default '',
        primary key (id, kind)
      ) partition by list (kind);
      create table person_resident partition of person for values in ('resident');
      create table person_non_resident partition of person for values in ('nonResident');
      create table person_corporation partition of person for values in ('corporation');
      create index person_id on person (id);
      create index person_resident_code on person (resident_code);
      create index person_corporate_number on person (corporate_number);
      create index person_household on person (household_id);
      create index person_birth on person (birth_date);
      create index person_town on person (town_code, lot);
      create index person_search_kana on person using gin (search_kana gin_trgm_ops);
      create index person_search_name on person using gin (search_name gin_trgm_ops);
      -- Byte-order ("C") btrees serve both LIKE 'prefix%' and ORDER BY key COLLATE "C", so a
      -- prefix search reads its first 50 rows in order straight off the index.
      create index person_search_kana_prefix on person (search_kana collate "C");
      create index person_search_address on person using gin (search_address gin_trgm_ops);
      create index person_search_name_prefix on person (search_name collate "C");
      create index person_search_address_prefix on person (search_address collate "C");
      create table residence_change (
        id bigint generated always as identity primary key,
        person_id text not null,
        kind text not null,
        occurred_on date not null,
        notified_on date,
        from_address text,
        to_address text,
        previous_name text,
        previous_name_kana text,
        previous_search_name text,
        previous_search_kana text,
        from_address_key text,
        unique (person_id, kind, occurred_on)
      );
      create index residence_change_person on residence_change (person_id);
      create index residence_change_previous_kana on residence_change using gin (previous_search_kana gin_trgm_ops);
      create index residence_change_previous_name on residence_change using gin (previous_search_name gin_trgm_ops);
      create index residence_change_from_address on residence_change using gin (from_address_key gin_trgm_ops);
      create table enrollment (
        feed text not null,
        person_id text not null,
        programme text not null,
        role text not null,
        holder_person_id text,
        from_date date not null,
        to_date date,
        attributes jsonb not null default '{}',
        primary key (feed, person_id, programme, role, from_date)
      ) partition by list (feed);
      create index enrollment_person on enrollment (person_id, programme);
      create table support_measure (
        person_id text primary key,
        kind text not null,
        from_date date not null,
        to_date date,
        requested_by text
      );
      create table issuance_ban (
        person_id text primary key,
        reason text not null,
        from_date date
      );
      create table arrears (
        person_id text not null,
        programme text not null,
        fiscal_year int not null,
        amount int not null check (amount > 0),
        primary key (person_id, programme, fiscal_year)
      );
      create table registry_memo (
        person_id text not null,
        written_on date not null,
        text text not null,
        primary key (person_id, written_on, text)
      );
      create table move_out_certificate (
        person_id text not null,
        issued_on date not null,
        planned_on date not null,
        destination text not null,
        card_based boolean not null default false,
        primary key (person_id, issued_on)
      );
      create table gaiji (
        city_code text primary key,
        text text not null,
        mj_code text,
        note text not null default ''
      );
    `.execute(db);
    // The counter only reads the register; imports write it as the owner.
    await sql`
      grant select on address_town, household, person, residence_change, enrollment, support_measure,
        issuance_ban, arrears, registry_memo, move_out_certificate, gaiji to ${app};
    `.execute(db);
  },
};
