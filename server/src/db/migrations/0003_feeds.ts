import { sql } from "kysely";
import type { AppMigration } from "./types.ts";

/** Feed imports: each run's outcome (shown to staff as system status) and each feed's settings. */
export const feeds: AppMigration = {
  async up(db, appRole) {
    const app = sql.id(appRole);
    await sql`
      create table import_run (
        id bigint generated always as identity primary key,
        feed text not null,
        mode text not null check (mode in ('full', 'differential')),
        source text not null check (source in ('dropFolder', 'upload', 'api', 'cli', 'demo')),
        file_name text not null,
        encoding text,
        started_at timestamptz not null default now(),
        finished_at timestamptz,
        status text not null check (status in ('queued', 'running', 'succeeded', 'rejected', 'failed', 'interrupted')),
        rows_total int not null default 0,
        rows_loaded int not null default 0,
        rows_rejected int not null default 0,
        problem_count int not null default 0,
        problems jsonb not null default '[]',
        warnings jsonb not null default '[]',
        message text,
        staff_id bigint references staff_user(id)
      );
      create index import_run_feed on import_run (feed, started_at desc);
      create table feed_setting (
        feed text primary key,
        header_map jsonb not null default '{}',
        encoding text not null default 'auto' check (encoding in ('auto', 'utf-8', 'cp932')),
        reject_threshold numeric not null default 0.01 check (reject_threshold >= 0 and reject_threshold <= 1),
        updated_at timestamptz not null default now(),
        updated_by bigint references staff_user(id)
      );
    `.execute(db);
    await sql`
      grant select on import_run to ${app};
      grant select, insert, update on feed_setting to ${app};
    `.execute(db);
  },
};
