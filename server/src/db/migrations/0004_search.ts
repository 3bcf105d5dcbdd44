import { sql } from "kysely";
import type { AppMigration } from "./types.ts";

/** 支援措置 acknowledgements per session, and the related persons staff add to a 宛名. */
export const search: AppMigration = {
  async up(db, appRole) {
    const app = sql.id(appRole);
    await sql`
      create table support_measure_ack (
        token_hash text not null references staff_session(token_hash) on delete cascade,
        person_id text not null,
        household_id text,
        acknowledged_at timestamptz not null default now(),
        primary key (token_hash, person_id)
      );
      create index support_measure_ack_household on support_measure_ack (token_hash, household_id);
      -- Links staff add between people the register does not relate (same address, other household …).
      create table related_person (
        id bigint generated always as identity primary key,
        person_id text not null,
        related_person_id text not null,
        relation text not null check (length(relation) between 1 and 40),
        note text not null default '' check (length(note) <= 200),
        created_by bigint not null references staff_user(id),
        created_at timestamptz not null default now(),
        unique (person_id, related_person_id),
        check (person_id <> related_person_id)
      );
      create index related_person_related on related_person (related_person_id);
    `.execute(db);
    await sql`grant select, insert on support_measure_ack to ${app};`.execute(db);
    await sql`grant select, insert, delete on related_person to ${app};`.execute(db);
  },
};
