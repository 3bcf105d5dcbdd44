import { sql } from "kysely";
import type { AppMigration } from "./types.ts";

/** The 証明書交付請求書 is printed and reprinted like the 手続き案内書: a document of its own kind. */
export const requestFormPrints: AppMigration = {
  async up(db) {
    await sql`alter table printed_document drop constraint printed_document_kind_check`.execute(db);
    await sql`alter table printed_document add constraint printed_document_kind_check
      check (kind in ('form', 'guideSheet', 'certificateRequestForm'))`.execute(db);
  },
};
