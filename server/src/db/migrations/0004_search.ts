import { sql } from "kysely";
import type { AppMigration } from "./types.ts";

/** 支援措置 acknowledgements: which session acknowledged the warning for which person or household. */
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
    `.execute(db);
    await sql`grant select, insert on support_measure_ack to ${app};`.execute(db);
  },
};
