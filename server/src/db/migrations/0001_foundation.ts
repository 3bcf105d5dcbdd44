import { sql } from "kysely";
import type { AppMigration } from "./types.ts";

/** Staff, counters, roles, sessions and the append-only audit log. */
export const foundation: AppMigration = {
  async up(db, appRole) {
    const app = sql.id(appRole);
    await sql`
      create table counter (
        id text primary key,
        name text not null,
        kind text not null check (kind in ('department', 'branchOffice')),
        department text not null,
        place text,
        active boolean not null default true,
        sort_order int not null default 0
      );
      create table role (
        id text primary key,
        name text not null,
        functions text[] not null default '{}',
        visible_programmes text[] not null default '{}',
        accepted_programmes text[] not null default '{}'
      );
      create table staff_user (
        id bigint generated always as identity primary key,
        login_id text not null unique,
        name text not null,
        name_kana text,
        department text,
        password_hash text not null,
        valid_from date not null,
        valid_to date,
        disabled boolean not null default false,
        must_change_password boolean not null default true,
        failed_attempts int not null default 0,
        locked_until timestamptz,
        last_login_at timestamptz,
        password_changed_at timestamptz,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      );
      create table staff_assignment (
        staff_id bigint not null references staff_user(id) on delete cascade,
        counter_id text not null references counter(id) on delete cascade,
        role_id text not null references role(id) on delete cascade,
        primary key (staff_id, counter_id, role_id)
      );
      create table staff_session (
        token_hash text primary key,
        staff_id bigint not null references staff_user(id) on delete cascade,
        counter_id text references counter(id) on delete set null,
        created_at timestamptz not null default now(),
        last_seen_at timestamptz not null default now(),
        expires_at timestamptz not null,
        client_ip text,
        user_agent text
      );
      create index staff_session_staff on staff_session (staff_id);
      create table audit_log (
        seq bigint primary key,
        at timestamptz not null,
        staff_id bigint,
        login_id text,
        counter_id text,
        action text not null,
        target text not null,
        person_ids text[] not null default '{}',
        detail jsonb not null default '{}',
        outcome text not null,
        client_ip text,
        prev_hash text not null,
        hash text not null
      );
      create sequence audit_log_seq as bigint;
      create index audit_log_at on audit_log (at);
      create index audit_log_staff on audit_log (staff_id, at);
      create index audit_log_person on audit_log using gin (person_ids);
      create index audit_log_hash on audit_log (hash);
    `.execute(db);

    // Second guard behind the grants: even the owner's ordinary statements cannot rewrite history.
    await sql`
      create function audit_log_refuse_change() returns trigger language plpgsql as $$
      begin
        raise exception '監査証跡は変更・削除できません (audit_log is append-only)';
      end $$;
      create trigger audit_log_no_update before update or delete on audit_log
        for each row execute function audit_log_refuse_change();
      create trigger audit_log_no_truncate before truncate on audit_log
        for each statement execute function audit_log_refuse_change();
    `.execute(db);

    await sql`
      grant select, insert, update, delete on counter, role, staff_user, staff_assignment, staff_session to ${app};
      grant select, insert on audit_log to ${app};
      grant usage on sequence audit_log_seq to ${app};
    `.execute(db);
  },
};
