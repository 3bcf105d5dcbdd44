import { createHash } from "node:crypto";
import type { CounterAdmin, RoleAdmin, StaffSummary } from "@ichimado/core/staff/schemas";
import type { Kysely } from "kysely";
import { roleFromRow } from "../auth/queries.ts";
import type { Database } from "../db/schema.ts";
import { HttpError } from "../platform/errors.ts";

/** Every account, or the ones named (the answer to a change). */
export async function listStaff(db: Kysely<Database>, ids?: readonly number[]): Promise<StaffSummary[]> {
  if (ids?.length === 0) return [];
  let users = db.selectFrom("staff_user").selectAll().orderBy("login_id");
  let assigned = db.selectFrom("staff_assignment").selectAll().orderBy("counter_id").orderBy("role_id");
  if (ids) {
    users = users.where("id", "in", ids);
    assigned = assigned.where("staff_id", "in", ids);
  }
  const [rows, assignments] = await Promise.all([users.execute(), assigned.execute()]);
  const now = new Date();
  return rows.map((u) => ({
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
    updatedAt: new Date(u.updated_at).toISOString(),
  }));
}

/**
 * Counters and roles have no version column: a digest of what the editor saw serves, as any
 * change to the row changes it.
 */
const rowVersion = (row: object) =>
  createHash("sha256").update(JSON.stringify(row)).digest("hex").slice(0, 16);

export async function listCounters(db: Kysely<Database>): Promise<CounterAdmin[]> {
  const rows = await db.selectFrom("counter").selectAll().orderBy("sort_order").orderBy("id").execute();
  return rows.map((c) => {
    const counter = {
      id: c.id,
      name: c.name,
      kind: c.kind,
      place: c.place,
      department: c.department,
      active: c.active,
    };
    return { ...counter, version: rowVersion(counter) };
  });
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

export async function listRoles(db: Kysely<Database>): Promise<RoleAdmin[]> {
  const rows = await db.selectFrom("role").selectAll().orderBy("id").execute();
  return rows.flatMap((r) => {
    const role = roleFromRow(r);
    return role ? [{ ...role, version: rowVersion(role) }] : [];
  });
}
