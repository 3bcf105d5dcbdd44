import { defaultMemoTemplates } from "@ichimado/core/memos/templates";
import { sql } from "kysely";
import type { AppMigration } from "./types.ts";

/**
 * 定型文 (O46): phrases for the case memo and the certificates' 発行上の指示, shared or one
 * counter's. A deleted template keeps its row (deleted_at), so the audit log's `memo-template:<id>`
 * still names what was said. The shared defaults are written here, by no one, so a new
 * installation offers phrases before an administrator has set any.
 */
export const memoTemplates: AppMigration = {
  async up(db, appRole) {
    await sql`
      create table memo_template (
        id bigint generated always as identity primary key,
        -- null: shared by every counter
        counter_id text references counter(id),
        use text not null check (use in ('caseMemo', 'certificateInstructions')),
        text text not null check (char_length(text) between 1 and 200),
        sort_order integer not null default 0,
        -- null: installed with the system
        created_by bigint references staff_user(id),
        created_at timestamptz not null default now(),
        updated_by bigint references staff_user(id),
        updated_at timestamptz not null default now(),
        deleted_at timestamptz
      )`.execute(db);
    await sql`create index memo_template_live on memo_template (use, counter_id) where deleted_at is null`.execute(
      db,
    );
    await sql`grant select, insert, update on memo_template to ${sql.id(appRole)}`.execute(db);
    const placed = new Map<string, number>();
    for (const t of defaultMemoTemplates) {
      // Steps of ten leave room to put a city's own phrase between two defaults.
      const order = (placed.get(t.use) ?? 0) + 10;
      placed.set(t.use, order);
      await sql`insert into memo_template (use, text, sort_order) values (${t.use}, ${t.text}, ${order})`.execute(
        db,
      );
    }
  },
};
