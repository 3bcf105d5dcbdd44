import { sql } from "kysely";
import type { AppMigration } from "./types.ts";

/**
 * Certificate requests (証明書交付請求, I31–I34) taken in a case: who asked, the lines as asked, and
 * the fees as quoted when the request was accepted (a later change of the fee table leaves them as
 * they were). Insert-only: a wrong request is cancelled by a new step, not edited.
 */
export const certificateRequests: AppMigration = {
  async up(db, appRole) {
    await sql`
      create table case_certificate_request (
        id bigint generated always as identity primary key,
        case_id bigint not null references reception_case(id),
        requester jsonb not null,
        lines jsonb not null,
        fees jsonb not null,
        total int not null check (total >= 0),
        created_by bigint not null references staff_user(id),
        created_counter text not null references counter(id),
        created_at timestamptz not null default now()
      )`.execute(db);
    await sql`create index case_certificate_request_case on case_certificate_request (case_id)`.execute(db);
    await sql`grant select, insert on case_certificate_request to ${sql.id(appRole)}`.execute(db);
  },
};
