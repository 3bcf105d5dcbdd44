import { sql } from "kysely";
import type { AppMigration } from "./types.ts";

/**
 * Reception (受付): cases and every step in them, the procedure catalog reception derives from,
 * and the identity documents the counter accepts. Steps are rows of their own so that a step saved
 * by one staff member never overwrites another's, and the history is the event table.
 */
export const cases: AppMigration = {
  async up(db, appRole) {
    const app = sql.id(appRole);
    await sql`
      create table identity_document_kind (
        key text primary key,
        name text not null,
        tier text not null check (tier in ('photo', 'a', 'b')),
        position int not null default 0,
        active boolean not null default true
      );
      -- The procedure catalog, whole, one row per version: every administrator change makes a new
      -- version, so any past state can be shown, exported or restored, and a case records the version
      -- it derived from.
      create table catalog_version (
        version int primary key,
        catalog jsonb not null,
        note text not null default '',
        created_by bigint references staff_user(id),
        created_at timestamptz not null default now()
      );
      create table reception_case (
        id bigint generated always as identity primary key,
        channel text not null check (channel in ('visit', 'mailIntake', 'exOfficio')),
        status text not null default 'open' check (status in ('open', 'suspended', 'closed', 'cancelled')),
        opened_by bigint not null references staff_user(id),
        opened_counter text not null references counter(id),
        opened_at timestamptz not null default now(),
        updated_by bigint not null references staff_user(id),
        updated_counter text not null references counter(id),
        updated_at timestamptz not null default now(),
        visitor jsonb,
        identity_check jsonb,
        closed_at timestamptz
      );
      create index reception_case_status on reception_case (status, updated_at desc);
      create index reception_case_opened on reception_case (opened_at desc);
      create table case_subject (
        id bigint generated always as identity primary key,
        case_id bigint not null references reception_case(id),
        person_id text,
        typed jsonb,
        added_by bigint not null references staff_user(id),
        added_at timestamptz not null default now(),
        check ((person_id is null) <> (typed is null)),
        unique (case_id, person_id)
      );
      create table case_residence_change (
        id bigint generated always as identity primary key,
        case_id bigint not null references reception_case(id),
        kind text not null,
        input jsonb not null,
        -- navigation answers (question key → value), re-read by the rules on every change
        answers jsonb not null default '{}',
        created_by bigint not null references staff_user(id),
        created_counter text not null references counter(id),
        created_at timestamptz not null default now()
      );
      create index case_residence_change_case on case_residence_change (case_id);
      create table case_procedure (
        id bigint generated always as identity primary key,
        case_id bigint not null references reception_case(id),
        residence_change_id bigint references case_residence_change(id) on delete cascade,
        procedure_key text not null,
        catalog_version int not null references catalog_version(version),
        -- the definition as it was when the procedure was taken, so an old case reads as it was
        definition jsonb not null,
        person_id text,
        person_name text,
        source text not null check (source in ('derived', 'manual')),
        reasons jsonb not null default '[]',
        status text not null default 'notStarted' check (status in
          ('notStarted', 'printed', 'received', 'referred', 'reviewed', 'completed', 'notNeeded')),
        updated_by bigint not null references staff_user(id),
        updated_counter text not null references counter(id),
        updated_at timestamptz not null default now()
      );
      create index case_procedure_case on case_procedure (case_id);
      create table case_memo (
        id bigint generated always as identity primary key,
        case_id bigint not null references reception_case(id),
        text text not null check (length(text) between 1 and 1000),
        created_by bigint not null references staff_user(id),
        created_counter text not null references counter(id),
        created_at timestamptz not null default now()
      );
      create index case_memo_case on case_memo (case_id);
      create table case_event (
        id bigint generated always as identity primary key,
        case_id bigint not null references reception_case(id),
        kind text not null,
        summary text not null,
        staff_id bigint not null references staff_user(id),
        counter_id text not null references counter(id),
        at timestamptz not null default now()
      );
      create index case_event_case on case_event (case_id, id);
      create index case_event_counter on case_event (counter_id, case_id);
    `.execute(db);
    await sql`
      grant select, insert, update on identity_document_kind to ${app};
      grant select, insert on catalog_version to ${app};
      grant select, insert, update on reception_case to ${app};
      grant select, insert, update, delete on case_procedure, case_residence_change to ${app};
      grant select, insert, delete on case_subject to ${app};
      grant select, insert on case_memo, case_event to ${app};
    `.execute(db);
  },
};
