import { sql } from "kysely";
import type { AppMigration } from "./types.ts";

/**
 * The forms a new installation starts with (初期様式) are written by the system, not by a staff
 * member: their base PDF and first template version name no one.
 */
export const defaultForms: AppMigration = {
  async up(db) {
    await sql`alter table document_base_pdf alter column uploaded_by drop not null`.execute(db);
    await sql`alter table document_template alter column created_by drop not null`.execute(db);
  },
};
