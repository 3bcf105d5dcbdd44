import { randomInt } from "node:crypto";
import { passwordProblems } from "@ichimado/core/auth/password-policy";
import type { FunctionPermission } from "@ichimado/core/auth/permissions";
import { japanDate } from "@ichimado/core/common/dates";
import { selfLockoutProblem } from "@ichimado/core/staff/administration";
import type { Assignment, StaffCreate, StaffSaved, StaffUpdate } from "@ichimado/core/staff/schemas";
import { type Kysely, sql } from "kysely";
import type { AuditActor } from "../audit/writer.ts";
import { hashPassword } from "../auth/service.ts";
import type { Database } from "../db/schema.ts";
import type { AppContext } from "../platform/context.ts";
import { HttpError } from "../platform/errors.ts";
import { listStaff } from "./queries.ts";

export type StaffActor = AuditActor & { staffId: number };

// No 0/O, 1/l/I: the password is read off a screen or a sheet of paper and typed.
const passwordAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789-";

/** A one-time password that meets the policy, to be changed at first login. */
export function oneTimePassword(): string {
  for (;;) {
    const password = Array.from(
      { length: 14 },
      () => passwordAlphabet[randomInt(passwordAlphabet.length)],
    ).join("");
    if (passwordProblems(password).length === 0 && /[0-9]/.test(password)) return password;
  }
}

/** Ends every session of the account, so a moved or disabled clerk is sent to the login screen at once. */
export async function endSessions(db: Kysely<Database>, staffId: number): Promise<number> {
  const rows = await db
    .deleteFrom("staff_session")
    .where("staff_id", "=", staffId)
    .returning("token_hash")
    .execute();
  return rows.length;
}

/**
 * Checked after a change, inside its transaction: if the administrator making it would no longer
 * hold staffAdmin, the whole change is undone and refused (the city must not lock itself out).
 */
export async function requireAdministrationKept(db: Kysely<Database>, actor: StaffActor): Promise<void> {
  const [staff, roles, counters] = await Promise.all([
    listStaff(db, [actor.staffId]),
    db.selectFrom("role").select(["id", "functions"]).execute(),
    db.selectFrom("counter").select("id").where("active", "=", true).execute(),
  ]);
  const problem = selfLockoutProblem(
    {
      staff,
      roleFunctions: new Map(roles.map((r) => [r.id, r.functions as FunctionPermission[]])),
      activeCounters: new Set(counters.map((c) => c.id)),
    },
    String(actor.staffId),
    japanDate(new Date()),
  );
  if (problem) throw new SelfLockoutRefused(problem);
}

class SelfLockoutRefused extends HttpError {
  constructor(message: string) {
    super(409, "CONFLICT", message);
  }
}

/**
 * Runs a change; a self-lockout refusal is recorded as denied once its transaction has rolled back
 * (inside it, the audit row would have been undone with the change).
 */
export async function lockoutAudited<T>(
  ctx: AppContext,
  actor: StaffActor,
  target: string,
  change: () => Promise<T>,
): Promise<T> {
  try {
    return await change();
  } catch (error) {
    if (error instanceof SelfLockoutRefused)
      await ctx.audit.write(ctx.db, actor, {
        action: "staff.change",
        target,
        detail: { refused: "selfLockout" },
        outcome: "denied",
      });
    throw error;
  }
}

/** Counters and roles named in assignments must exist: a 400 at the field, not a foreign-key 500. */
async function requireKnownAssignments(db: Kysely<Database>, assignments: readonly Assignment[]) {
  if (assignments.length === 0) return;
  const [counters, roles] = await Promise.all([
    db.selectFrom("counter").select("id").execute(),
    db.selectFrom("role").select("id").execute(),
  ]);
  const counterIds = new Set(counters.map((c) => c.id));
  const roleIds = new Set(roles.map((r) => r.id));
  const issues = assignments.flatMap((a, i) => [
    ...(counterIds.has(a.counterId)
      ? []
      : [{ path: `body.assignments.${i}.counterId`, message: `窓口「${a.counterId}」はありません` }]),
    ...(roleIds.has(a.roleId)
      ? []
      : [{ path: `body.assignments.${i}.roleId`, message: `ロール「${a.roleId}」はありません` }]),
  ]);
  if (issues.length > 0)
    throw new HttpError(400, "VALIDATION", issues.map((i) => i.message).join("、"), issues);
}

const uniqueAssignments = (assignments: readonly Assignment[]) =>
  assignments.filter(
    (a, i) => assignments.findIndex((b) => b.counterId === a.counterId && b.roleId === a.roleId) === i,
  );

/** Replaces the account's assignments; true when one was taken away (its sessions must end). */
export async function replaceAssignments(
  db: Kysely<Database>,
  staffId: number,
  assignments: readonly Assignment[],
): Promise<boolean> {
  const wanted = uniqueAssignments(assignments);
  const current = await db
    .selectFrom("staff_assignment")
    .selectAll()
    .where("staff_id", "=", staffId)
    .execute();
  const removed = current.filter(
    (c) => !wanted.some((w) => w.counterId === c.counter_id && w.roleId === c.role_id),
  );
  await db.deleteFrom("staff_assignment").where("staff_id", "=", staffId).execute();
  if (wanted.length > 0)
    await db
      .insertInto("staff_assignment")
      .values(wanted.map((a) => ({ staff_id: staffId, counter_id: a.counterId, role_id: a.roleId })))
      .execute();
  return removed.length > 0;
}

const loginIdTaken = (loginId: string) =>
  new HttpError(409, "CONFLICT", `ログインID「${loginId}」はすでに使われています`, [
    { path: "body.loginId", message: "このログインIDはすでに使われています" },
  ]);

export async function createStaff(
  ctx: AppContext,
  actor: StaffActor,
  input: StaffCreate,
): Promise<StaffSaved> {
  await requireKnownAssignments(ctx.db, input.assignments);
  const generated = input.password === null ? oneTimePassword() : null;
  const passwordHash = await hashPassword(input.password ?? (generated as string));
  const id = await ctx.db.transaction().execute(async (trx) => {
    const taken = await trx
      .selectFrom("staff_user")
      .select("id")
      .where(sql<string>`lower(login_id)`, "=", input.loginId.toLowerCase())
      .executeTakeFirst();
    if (taken) throw loginIdTaken(input.loginId);
    const { id } = await trx
      .insertInto("staff_user")
      .values({
        login_id: input.loginId,
        name: input.name,
        department: input.department,
        password_hash: passwordHash,
        valid_from: input.validFrom,
        valid_to: input.validTo,
        must_change_password: true,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await replaceAssignments(trx, id, input.assignments);
    await ctx.audit.write(trx, actor, {
      action: "staff.change",
      target: `staff_user:${id}`,
      detail: {
        operation: "create",
        loginId: input.loginId,
        assignments: input.assignments,
        password: generated ? "generated" : "setByAdministrator",
      },
      outcome: "success",
    });
    return id;
  });
  return { staff: await savedStaff(ctx.db, id), oneTimePassword: generated };
}

async function savedStaff(db: Kysely<Database>, id: number) {
  const [staff] = await listStaff(db, [id]);
  if (!staff) throw new HttpError(404, "NOT_FOUND", "職員が見つかりません");
  return staff;
}

/** The account, locked for the change, if it is still as the administrator saw it (else 409). */
async function lockAccount(db: Kysely<Database>, id: number, expectedUpdatedAt: string) {
  const row = await db
    .selectFrom("staff_user")
    .selectAll()
    .where("id", "=", id)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw new HttpError(404, "NOT_FOUND", "職員が見つかりません");
  if (new Date(row.updated_at).toISOString() !== expectedUpdatedAt)
    throw new HttpError(
      409,
      "CONFLICT",
      `職員「${row.name}」（${row.login_id}）は他の管理者が更新しました。一覧を読み込み直してから変更してください`,
    );
  return row;
}

export async function updateStaff(
  ctx: AppContext,
  actor: StaffActor,
  id: number,
  input: StaffUpdate,
): Promise<StaffSaved> {
  await requireKnownAssignments(ctx.db, input.assignments);
  await ctx.db.transaction().execute(async (trx) => {
    const before = await lockAccount(trx, id, input.expectedUpdatedAt);
    await trx
      .updateTable("staff_user")
      .set({
        name: input.name,
        department: input.department,
        valid_from: input.validFrom,
        valid_to: input.validTo,
        updated_at: sql`clock_timestamp()`,
      })
      .where("id", "=", id)
      .execute();
    const removed = await replaceAssignments(trx, id, input.assignments);
    const sessionsEnded = removed ? await endSessions(trx, id) : 0;
    await requireAdministrationKept(trx, actor);
    const changed = (
      [
        ["name", before.name, input.name],
        ["department", before.department, input.department],
        ["validFrom", before.valid_from, input.validFrom],
        ["validTo", before.valid_to, input.validTo],
      ] as const
    ).flatMap(([field, was, now]) => (was === now ? [] : [field]));
    await ctx.audit.write(trx, actor, {
      action: "staff.change",
      target: `staff_user:${id}`,
      detail: {
        operation: "update",
        loginId: before.login_id,
        changed,
        assignments: input.assignments,
        assignmentRemoved: removed,
        sessionsEnded,
      },
      outcome: "success",
    });
  });
  return { staff: await savedStaff(ctx.db, id), oneTimePassword: null };
}

export type AccountAction = "disable" | "enable" | "unlock" | "resetPassword";

/** 無効化・有効化・ロック解除・パスワード再発行, each audited and each ending sessions where access shrinks. */
export async function changeAccountState(
  ctx: AppContext,
  actor: StaffActor,
  id: number,
  action: AccountAction,
  expectedUpdatedAt: string,
): Promise<StaffSaved> {
  const generated = action === "resetPassword" ? oneTimePassword() : null;
  const passwordHash = generated ? await hashPassword(generated) : null;
  await ctx.db.transaction().execute(async (trx) => {
    const row = await lockAccount(trx, id, expectedUpdatedAt);
    const set =
      action === "disable"
        ? { disabled: true }
        : action === "enable"
          ? { disabled: false }
          : action === "unlock"
            ? { locked_until: null, failed_attempts: 0 }
            : {
                password_hash: passwordHash as string,
                must_change_password: true,
                locked_until: null,
                failed_attempts: 0,
              };
    await trx
      .updateTable("staff_user")
      .set({ ...set, updated_at: sql`clock_timestamp()` })
      .where("id", "=", id)
      .execute();
    const sessionsEnded = action === "disable" || action === "resetPassword" ? await endSessions(trx, id) : 0;
    if (action === "disable") await requireAdministrationKept(trx, actor);
    await ctx.audit.write(trx, actor, {
      action: "staff.change",
      target: `staff_user:${id}`,
      detail: { operation: action, loginId: row.login_id, sessionsEnded },
      outcome: "success",
    });
  });
  return { staff: await savedStaff(ctx.db, id), oneTimePassword: generated };
}
