import { sql } from "kysely";
import type { AppMigration } from "./types.ts";

/**
 * Certificate settings (証明書の種類, 使用目的, 手数料の免除) as administrators save them: each save a
 * whole new version, never changed afterwards, so the audit log's version numbers keep meaning what
 * they said. No row means the defaults in core (version 0); the newest version is in force.
 */
export const certificateSettings: AppMigration = {
  async up(db, appRole) {
    await sql`
      create table certificate_settings (
        version int primary key check (version > 0),
        settings jsonb not null,
        created_by bigint references staff_user(id),
        created_at timestamptz not null default now()
      )`.execute(db);
    await sql`grant select, insert on certificate_settings to ${sql.id(appRole)}`.execute(db);
  },
};
