import { sql } from "kysely";
import type { AppMigration } from "./types.ts";

/**
 * RPA jobs (M42–43) and the API tokens robots and other systems authenticate with (P50).
 * A job is claimed with FOR UPDATE SKIP LOCKED and leased: several server instances never hand one
 * job to two robots, and a robot that dies gives its job back when the lease ends. Tokens are kept
 * as hashes only; a revoked token stays for the audit log's sake.
 */
export const rpaJobs: AppMigration = {
  async up(db, appRole) {
    await sql`
      create table api_token (
        id bigint generated always as identity primary key,
        name text not null unique check (name ~ '^[a-z0-9][a-z0-9-]{1,40}$'),
        token_hash text not null unique,
        scopes text[] not null,
        created_by bigint references staff_user(id),
        created_at timestamptz not null default now(),
        last_used_at timestamptz,
        revoked_at timestamptz
      )`.execute(db);
    await sql`
      create table rpa_job (
        id bigint generated always as identity primary key,
        scenario text not null,
        case_id bigint not null references reception_case(id),
        source text not null,
        subject text not null,
        payload jsonb not null,
        status text not null default 'queued'
          check (status in ('queued', 'running', 'failed', 'done', 'dead', 'cancelled')),
        attempts int not null default 0,
        max_attempts int not null check (max_attempts > 0),
        available_at timestamptz not null default now(),
        lease_until timestamptz,
        robot text,
        last_error text,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        finished_at timestamptz
      )`.execute(db);
    // What a claim scans: jobs that may be handed out, oldest first.
    await sql`create index rpa_job_claimable on rpa_job (id) where status in ('queued', 'failed', 'running')`.execute(
      db,
    );
    await sql`create index rpa_job_case on rpa_job (case_id)`.execute(db);
    await sql`create index rpa_job_source on rpa_job (source)`.execute(db);
    await sql`grant select, insert, update on rpa_job to ${sql.id(appRole)}`.execute(db);
    await sql`grant select, update on api_token to ${sql.id(appRole)}`.execute(db);
  },
};
