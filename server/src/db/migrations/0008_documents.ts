import { sql } from "kysely";
import type { AppMigration } from "./types.ts";

/**
 * Documents (帳票): the city's base PDFs, form templates as insert-only versions, and every printed
 * document with the text it printed. Nothing here is ever updated or deleted by the app, so a
 * reprint (G29) finds the same base PDF, the same field layout and the same strings.
 */
export const documents: AppMigration = {
  async up(db, appRole) {
    const app = sql.id(appRole);
    await sql`
      create table document_base_pdf (
        id bigint generated always as identity primary key,
        name text not null,
        sha256 text not null unique,
        -- page sizes in mm, as fields are placed
        pages jsonb not null,
        bytes bytea not null,
        uploaded_by bigint not null references staff_user(id),
        uploaded_at timestamptz not null default now()
      );
      create table document_template (
        key text not null,
        version int not null,
        name text not null,
        base_pdf_id bigint not null references document_base_pdf(id),
        fields jsonb not null,
        valid_from date not null,
        valid_to date,
        created_by bigint not null references staff_user(id),
        created_at timestamptz not null default now(),
        primary key (key, version),
        check (valid_to is null or valid_to >= valid_from)
      );
      create table printed_document (
        id bigint generated always as identity primary key,
        case_id bigint not null references reception_case(id),
        -- documents printed in one PDF share a job
        job uuid not null,
        kind text not null check (kind in ('form', 'guideSheet')),
        template_key text,
        template_version int,
        -- no foreign key: a procedure goes when its residenceChange is withdrawn, the print stays
        procedure_id bigint,
        procedure_name text,
        person_ids text[] not null default '{}',
        -- the text of every field as printed (a guide sheet: its content)
        inputs jsonb not null,
        -- field → person whose 支援措置 governs the address printed in it
        address_owners jsonb not null default '{}',
        reprint_of bigint references printed_document(id),
        printed_by bigint not null references staff_user(id),
        printed_counter text not null references counter(id),
        printed_at timestamptz not null default now(),
        foreign key (template_key, template_version) references document_template(key, version),
        check ((kind = 'form') = (template_key is not null and template_version is not null))
      );
      create index printed_document_case on printed_document (case_id, id);
    `.execute(db);
    await sql`
      grant select, insert on document_base_pdf, document_template, printed_document to ${app};
    `.execute(db);
  },
};
