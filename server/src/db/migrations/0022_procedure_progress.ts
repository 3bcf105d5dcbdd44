import { sql } from "kysely";
import type { AppMigration } from "./types.ts";

/**
 * 進捗管理 (L41) lists procedures by when and by whom they were received, which `updated_*` forgets
 * at the next step (審査済, 完了). A trigger keeps the receipt, so every path that sets a status (the
 * case screen, the bulk change, a certificate request joining as 受付済) records it without a second
 * write: entering 受付済/審査済/完了 from any other status stamps the time and the staff member and
 * counter of that step; leaving them for an earlier status clears it. Rows received before this
 * migration take their last update as the nearest known receipt.
 */
export const procedureProgress: AppMigration = {
  async up(db) {
    await sql`
      alter table case_procedure
        add column received_at timestamptz,
        add column received_by bigint references staff_user(id),
        add column received_counter text references counter(id)`.execute(db);
    await sql`
      update case_procedure set received_at = updated_at, received_by = updated_by, received_counter = updated_counter
      where status in ('received', 'reviewed', 'completed')`.execute(db);
    await sql`
      create function case_procedure_receipt() returns trigger language plpgsql as $$
      begin
        if new.status in ('received', 'reviewed', 'completed') then
          if tg_op = 'INSERT' or old.status not in ('received', 'reviewed', 'completed') then
            new.received_at := now();
            new.received_by := new.updated_by;
            new.received_counter := new.updated_counter;
          end if;
        else
          new.received_at := null;
          new.received_by := null;
          new.received_counter := null;
        end if;
        return new;
      end $$`.execute(db);
    await sql`
      create trigger case_procedure_receipt before insert or update of status on case_procedure
      for each row execute function case_procedure_receipt()`.execute(db);
    // The list reads one or two statuses over a period of receipt, oldest first.
    await sql`create index case_procedure_progress on case_procedure (status, received_at, id)`.execute(db);
  },
};
