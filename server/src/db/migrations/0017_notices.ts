import { sql } from "kysely";
import type { AppMigration } from "./types.ts";

/**
 * 伝達事項 (P48): messages to all staff or to chosen counters, shown for a period, with each staff
 * member's read mark. A notice is withdrawn, never deleted (the app role has no DELETE), so the audit
 * log's `notice:<id>` keeps pointing at what was said.
 */
export const notices: AppMigration = {
  async up(db, appRole) {
    await sql`
      create table notice (
        id bigint generated always as identity primary key,
        title text not null check (char_length(title) between 1 and 100),
        body text not null check (char_length(body) between 1 and 2000),
        importance text not null default 'normal' check (importance in ('normal', 'important')),
        -- null: every member of staff; otherwise the counters whose staff see it
        audience_counters text[] check (audience_counters is null or cardinality(audience_counters) > 0),
        shown_from date not null,
        -- null: until withdrawn
        shown_to date check (shown_to is null or shown_to >= shown_from),
        created_by bigint not null references staff_user(id),
        created_at timestamptz not null default now(),
        updated_by bigint not null references staff_user(id),
        updated_at timestamptz not null default now(),
        withdrawn_at timestamptz
      )`.execute(db);
    await sql`
      create table notice_read (
        notice_id bigint not null references notice(id),
        staff_id bigint not null references staff_user(id),
        read_at timestamptz not null default now(),
        primary key (notice_id, staff_id)
      )`.execute(db);
    // What home asks on every visit: the notices not withdrawn and not yet ended.
    await sql`create index notice_live on notice (shown_to) where withdrawn_at is null`.execute(db);
    await sql`grant select, insert, update on notice to ${sql.id(appRole)}`.execute(db);
    await sql`grant select, insert on notice_read to ${sql.id(appRole)}`.execute(db);
  },
};
