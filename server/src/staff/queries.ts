import type { StaffSummary } from "@ichimado/core/staff/schemas";
import type { Kysely } from "kysely";
import { roleFromRow } from "../auth/queries.ts";
import type { Database } from "../db/schema.ts";
import { HttpError } from "../platform/errors.ts";

export async function listStaff(db: Kysely<Database>): Promise<StaffSummary[]> {
  const [users, assignments] = await Promise.all([
    db.selectFrom("staff_user").selectAll().orderBy("login_id").execute(),
    db.selectFrom("staff_assignment").selectAll().execute(),
  ]);
  const now = new Date();
  return users.map((u) => ({
    id: String(u.id),
    loginId: u.login_id,
    name: u.name,
    department: u.department,
    validFrom: u.valid_from,
    validTo: u.valid_to,
    disabled: u.disabled,
    locked: u.locked_until !== null && new Date(u.locked_until) > now,
    mustChangePassword: u.must_change_password,
    lastLoginAt: u.last_login_at ? new Date(u.last_login_at).toISOString() : null,
    assignments: assignments
      .filter((a) => a.staff_id === u.id)
      .map((a) => ({ counterId: a.counter_id, roleId: a.role_id })),
  }));
}

export async function listCounters(db: Kysely<Database>) {
  const rows = await db.selectFrom("counter").selectAll().orderBy("sort_order").orderBy("id").execute();
  return rows.map((c) => ({
    id: c.id,
    name: c.name,
    kind: c.kind,
    place: c.place,
    department: c.department,
    active: c.active,
  }));
}

/**
 * Counters named in a request must exist: an unknown one is said at its field, like a schema
 * problem (a 400 in Japanese, nothing saved).
 */
export async function requireKnownCounters(
  db: Kysely<Database>,
  ids: readonly string[],
  path: string,
): Promise<void> {
  if (ids.length === 0) return;
  const known = new Set((await listCounters(db)).map((c) => c.id));
  const unknown = ids.filter((id) => !known.has(id));
  if (unknown.length === 0) return;
  const message = `存在しない窓口が指定されています（${unknown.join("、")}）`;
  throw new HttpError(400, "VALIDATION", message, [{ path, message }]);
}

export async function listRoles(db: Kysely<Database>) {
  const rows = await db.selectFrom("role").selectAll().orderBy("id").execute();
  return rows.flatMap((r) => roleFromRow(r) ?? []);
}
