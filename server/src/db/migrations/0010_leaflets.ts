import { sql } from "kysely";
import type { AppMigration } from "./types.ts";

/**
 * Leaflets (案内チラシ, G28): PDFs a procedure hands out, attached after its forms when printed. A
 * leaflet is a key with insert-only versions over a stored PDF (the same store as base PDFs); a
 * print attaches each key's newest version.
 */
export const leaflets: AppMigration = {
  async up(db, appRole) {
    await sql`
      create table document_leaflet (
        key text not null,
        version int not null,
        name text not null,
        pdf_id bigint not null references document_base_pdf(id),
        created_by bigint references staff_user(id),
        created_at timestamptz not null default now(),
        primary key (key, version)
      )`.execute(db);
    await sql`grant select, insert on document_leaflet to ${sql.id(appRole)}`.execute(db);
  },
};
