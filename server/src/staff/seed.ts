import type { Kysely } from "kysely";
import { hashPassword } from "../auth/service.ts";
import type { Database } from "../db/schema.ts";
import { defaultCounters, defaultRoles, demoPassword, demoStaff } from "./organisation.ts";

/** Puts the default counters and roles in place on a new database; an edited organisation is left alone. */
export async function seedOrganisation(db: Kysely<Database>): Promise<void> {
  const existing = await db.selectFrom("counter").select("id").limit(1).execute();
  if (existing.length > 0) return;
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto("counter")
      .values(defaultCounters.map((c, i) => ({ ...c, sort_order: i })))
      .execute();
    await trx
      .insertInto("role")
      .values(
        defaultRoles.map((r) => ({
          id: r.id,
          name: r.name,
          functions: r.functions,
          visible_programmes: r.visibleProgrammes,
          accepted_programmes: r.acceptedProgrammes,
        })),
      )
      .execute();
  });
}

export async function seedDemoStaff(db: Kysely<Database>): Promise<void> {
  const existing = await db.selectFrom("staff_user").select("id").limit(1).execute();
  if (existing.length > 0) return;
  const passwordHash = await hashPassword(demoPassword);
  await db.transaction().execute(async (trx) => {
    for (const s of demoStaff) {
      const { id } = await trx
        .insertInto("staff_user")
        .values({
          login_id: s.loginId,
          name: s.name,
          department: s.department,
          password_hash: passwordHash,
          valid_from: "2020-04-01",
          valid_to: null,
          must_change_password: s.mustChangePassword,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      await trx
        .insertInto("staff_assignment")
        .values(
          s.assignments.map(([counterId, roleId]) => ({
            staff_id: id,
            counter_id: counterId,
            role_id: roleId,
          })),
        )
        .execute();
    }
  });
}
