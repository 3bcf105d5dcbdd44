import { sql } from "kysely";
import type { AppMigration } from "./types.ts";

/**
 * The common database's register part: address master, households, persons (residents,
 * 住登外者, corporations), their history, enrollments and the flags that restrict what the
 * counter may do (支援措置, 発行禁止, 滞納). search_* columns hold folded keys (kana folding,
 * 異体字 folding) written by the loader with the same core functions the search uses.
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
        town_code text not null references address_town(code),
        lot text not null,
        katagaki text not null default '',
        formed_on date not null
      );
      create table person (
        id text primary key check (id ~ '^[0-9]{10}$'),
        kind text not null check (kind in ('resident', 'nonResident', 'corporation')),
        resident_code text unique check (resident_code ~ '^[0-9]{11}$'),
        household_id text references household(id),
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
        town_code text references address_town(code),
        lot text,
        katagaki text,
        outside_address text,
        corporate_number text unique check (corporate_number ~ '^[0-9]{13}$'),
        representative text,
        resident_since date,
        search_name text not null,
        search_kana text not null
      );
      create index person_household on person (household_id);
      create index person_birth on person (birth_date);
      create index person_town on person (town_code, lot);
      create index person_search_kana on person using gin (search_kana gin_trgm_ops);
      create index person_search_name on person using gin (search_name gin_trgm_ops);
      create index person_search_kana_prefix on person (search_kana text_pattern_ops);
      create table residence_change (
        id bigint generated always as identity primary key,
        person_id text not null references person(id),
        kind text not null,
        occurred_on date not null,
        notified_on date not null,
        from_address text,
        to_address text,
        previous_name text,
        previous_name_kana text
      );
      create index residence_change_person on residence_change (person_id, occurred_on);
      create table enrollment (
        id bigint generated always as identity primary key,
        person_id text not null references person(id),
        programme text not null,
        role text not null,
        holder_person_id text references person(id),
        from_date date not null,
        to_date date,
        attributes jsonb not null default '{}'
      );
      create index enrollment_person on enrollment (person_id, programme);
      create table support_measure (
        id bigint generated always as identity primary key,
        person_id text not null references person(id),
        kind text not null,
        from_date date not null,
        to_date date not null,
        requested_by text not null
      );
      create index support_measure_person on support_measure (person_id);
      create table issuance_ban (
        id bigint generated always as identity primary key,
        person_id text not null references person(id),
        reason text not null,
        from_date date not null
      );
      create index issuance_ban_person on issuance_ban (person_id);
      create table arrears (
        id bigint generated always as identity primary key,
        person_id text not null references person(id),
        programme text not null,
        fiscal_year int not null,
        amount int not null check (amount > 0)
      );
      create index arrears_person on arrears (person_id);
      create table registry_memo (
        id bigint generated always as identity primary key,
        person_id text not null references person(id),
        text text not null,
        written_on date not null
      );
      create index registry_memo_person on registry_memo (person_id);
      create table gaiji (
        city_code text primary key,
        text text not null,
        mj_code text,
        note text not null default ''
      );
      create table city_dataset (
        id int primary key check (id = 1),
        seed int not null,
        residents int not null,
        generated_at timestamptz not null default now()
      );
    `.execute(db);
    // The counter reads the register; only the feed loader (later, with its own grants) writes it.
    await sql`
      grant select on address_town, household, person, residence_change, enrollment, support_measure,
        issuance_ban, arrears, registry_memo, gaiji, city_dataset to ${app};
    `.execute(db);
  },
};
