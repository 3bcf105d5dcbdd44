import { sql } from "kysely";
import type { AppMigration } from "./types.ts";

/**
 * 発行上の指示 (I34): what the intake clerk tells the issuing clerk about a request (which 年度,
 * 窓口で本人確認済み, 郵送 …). Kept with the request; it is not printed on the visitor's form.
 */
export const requestInstructions: AppMigration = {
  async up(db) {
    await sql`alter table case_certificate_request
      add column instructions text not null default ''`.execute(db);
  },
};
