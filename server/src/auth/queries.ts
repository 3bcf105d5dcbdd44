import type { Role } from "@ichimado/core/auth/permissions";
import { type EffectivePermissions, effectivePermissions, roleSchema } from "@ichimado/core/auth/permissions";
import type { CounterSummary } from "@ichimado/core/auth/schemas";
import type { Kysely } from "kysely";
import type { Database } from "../db/schema.ts";

export async function countersOfStaff(db: Kysely<Database>, staffId: number): Promise<CounterSummary[]> {
  return db
    .selectFrom("counter")
    .innerJoin("staff_assignment", "staff_assignment.counter_id", "counter.id")
    .where("staff_assignment.staff_id", "=", staffId)
    .where("counter.active", "=", true)
    .select(["counter.id", "counter.name", "counter.kind", "counter.place", "counter.sort_order"])
    .distinct()
    .orderBy("counter.sort_order")
    .orderBy("counter.id")
    .execute()
    .then((rows) => rows.map(({ sort_order: _, ...c }) => c));
}

async function rolesAt(db: Kysely<Database>, staffId: number, counterId: string): Promise<Role[]> {
  const rows = await db
    .selectFrom("role")
    .innerJoin("staff_assignment", "staff_assignment.role_id", "role.id")
    .where("staff_assignment.staff_id", "=", staffId)
    .where("staff_assignment.counter_id", "=", counterId)
    .select(["role.id", "role.name", "role.functions", "role.visible_programmes", "role.accepted_programmes"])
    .orderBy("role.id")
    .execute();
  return rows.flatMap((r) => roleFromRow(r) ?? []);
}

/** Stored arrays are checked against the model, so a stale value in the table grants nothing. */
export function roleFromRow(r: {
  id: string;
  name: string;
  functions: string[];
  visible_programmes: string[];
  accepted_programmes: string[];
}): Role | null {
  const parsed = roleSchema.safeParse({
    id: r.id,
    name: r.name,
    functions: r.functions,
    visibleProgrammes: r.visible_programmes,
    acceptedProgrammes: r.accepted_programmes,
  });
  return parsed.success ? parsed.data : null;
}

export async function permissionsAt(
  db: Kysely<Database>,
  staffId: number,
  counterId: string | null,
): Promise<{ roles: Role[]; permissions: EffectivePermissions }> {
  const roles = counterId ? await rolesAt(db, staffId, counterId) : [];
  return { roles, permissions: effectivePermissions(roles) };
}
