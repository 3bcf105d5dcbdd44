import type {
  CounterAdmin,
  CounterCreate,
  CounterUpdate,
  RoleAdmin,
  RoleCreate,
  RoleUpdate,
} from "@ichimado/core/staff/schemas";
import { sql } from "kysely";
import type { AppContext } from "../platform/context.ts";
import { HttpError } from "../platform/errors.ts";
import { requireAdministrationKept, type StaffActor } from "./accounts.ts";
import { listCounters, listRoles } from "./queries.ts";

const stale = (what: string) =>
  new HttpError(
    409,
    "CONFLICT",
    `${what}は他の管理者が更新しました。一覧を読み込み直してから変更してください`,
  );
const taken = (what: string, id: string) =>
  new HttpError(409, "CONFLICT", `${what}ID「${id}」はすでにあります。別のIDにしてください`, [
    { path: "body.id", message: `この${what}IDはすでにあります` },
  ]);

// Any constant: counter and role edits queue on it so the version check and the write are one step.
const organisationLockId = 4_611_020_219;

export async function createCounter(
  ctx: AppContext,
  actor: StaffActor,
  input: CounterCreate,
): Promise<CounterAdmin> {
  return ctx.db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(${organisationLockId})`.execute(trx);
    if (await trx.selectFrom("counter").select("id").where("id", "=", input.id).executeTakeFirst())
      throw taken("窓口", input.id);
    const { max } = await trx
      .selectFrom("counter")
      .select((eb) => eb.fn.max("sort_order").as("max"))
      .executeTakeFirstOrThrow();
    await trx
      .insertInto("counter")
      .values({ ...input, sort_order: Number(max ?? 0) + 1 })
      .execute();
    await ctx.audit.write(trx, actor, {
      action: "staff.change",
      target: `counter:${input.id}`,
      detail: { operation: "create", counter: input },
      outcome: "success",
    });
    return found(await listCounters(trx), input.id, "窓口");
  });
}

/**
 * Renames, moves or deactivates a counter. Counters are never deleted: cases, sessions and the
 * audit log name them. Deactivating one takes it out of every clerk's counter choice.
 */
export async function updateCounter(
  ctx: AppContext,
  actor: StaffActor,
  id: string,
  input: CounterUpdate,
): Promise<CounterAdmin> {
  return ctx.db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(${organisationLockId})`.execute(trx);
    const before = found(await listCounters(trx), id, "窓口");
    if (before.version !== input.expectedVersion) throw stale(`窓口「${before.name}」`);
    const { expectedVersion: _, ...fields } = input;
    await trx.updateTable("counter").set(fields).where("id", "=", id).execute();
    let sessionsMoved = 0;
    if (before.active && !fields.active) {
      // Whoever acts at it now chooses another counter on their next request.
      const moved = await trx
        .updateTable("staff_session")
        .set({ counter_id: null })
        .where("counter_id", "=", id)
        .returning("token_hash")
        .execute();
      sessionsMoved = moved.length;
    }
    await requireAdministrationKept(trx, actor);
    await ctx.audit.write(trx, actor, {
      action: "staff.change",
      target: `counter:${id}`,
      detail: {
        operation: "update",
        before: { ...before, version: undefined },
        after: fields,
        sessionsMoved,
      },
      outcome: "success",
    });
    return found(await listCounters(trx), id, "窓口");
  });
}

const roleRow = (r: Omit<RoleCreate, "id">) => ({
  name: r.name,
  functions: [...new Set(r.functions)],
  visible_programmes: [...new Set(r.visibleProgrammes)],
  accepted_programmes: [...new Set(r.acceptedProgrammes)],
});

export async function createRole(ctx: AppContext, actor: StaffActor, input: RoleCreate): Promise<RoleAdmin> {
  return ctx.db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(${organisationLockId})`.execute(trx);
    if (await trx.selectFrom("role").select("id").where("id", "=", input.id).executeTakeFirst())
      throw taken("ロール", input.id);
    await trx
      .insertInto("role")
      .values({ id: input.id, ...roleRow(input) })
      .execute();
    await ctx.audit.write(trx, actor, {
      action: "staff.change",
      target: `role:${input.id}`,
      detail: { operation: "create", role: input },
      outcome: "success",
    });
    return found(await listRoles(trx), input.id, "ロール");
  });
}

/** Edits a role's functions and programmes; every session holding it sees the change on its next request. */
export async function updateRole(
  ctx: AppContext,
  actor: StaffActor,
  id: string,
  input: RoleUpdate,
): Promise<RoleAdmin> {
  return ctx.db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(${organisationLockId})`.execute(trx);
    const before = found(await listRoles(trx), id, "ロール");
    if (before.version !== input.expectedVersion) throw stale(`ロール「${before.name}」`);
    await trx.updateTable("role").set(roleRow(input)).where("id", "=", id).execute();
    await requireAdministrationKept(trx, actor);
    const { expectedVersion: _, ...after } = input;
    await ctx.audit.write(trx, actor, {
      action: "staff.change",
      target: `role:${id}`,
      detail: { operation: "update", before: { ...before, version: undefined }, after },
      outcome: "success",
    });
    return found(await listRoles(trx), id, "ロール");
  });
}

function found<T extends { id: string }>(rows: T[], id: string, what: string): T {
  const row = rows.find((r) => r.id === id);
  if (!row) throw new HttpError(404, "NOT_FOUND", `${what}「${id}」が見つかりません`);
  return row;
}
