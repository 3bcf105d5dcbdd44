import { createHash } from "node:crypto";
import { japanDate } from "@ichimado/core/common/dates";
import {
  type ImportPlan,
  type ImportProblem,
  planStaffImport,
  readStaffImport,
} from "@ichimado/core/staff/import";
import type { StaffImportPreview, StaffImportResult } from "@ichimado/core/staff/schemas";
import { type Kysely, sql } from "kysely";
import { hashPassword } from "../auth/service.ts";
import type { Database } from "../db/schema.ts";
import type { AppContext } from "../platform/context.ts";
import { HttpError } from "../platform/errors.ts";
import { CsvSyntaxError, parseCsv } from "../registry/feeds/csv.ts";
import { decodeFeed } from "../registry/feeds/decode.ts";
import {
  endSessions,
  oneTimePassword,
  replaceAssignments,
  requireAdministrationKept,
  type StaffActor,
} from "./accounts.ts";
import { listStaff } from "./queries.ts";

interface Planned {
  plan: ImportPlan;
  encoding: "utf-8" | "cp932";
  token: string;
  fileHash: string;
}

const sha256 = (data: string | Uint8Array) => createHash("sha256").update(data).digest("hex");

/** Reads the file (UTF-8 with or without BOM, or CP932, as the feeds are) and plans it against the accounts now. */
async function planFile(
  db: Kysely<Database>,
  bytes: Uint8Array,
  disableAbsent: boolean,
  actor: StaffActor,
): Promise<Planned> {
  if (bytes.length === 0) throw new HttpError(400, "VALIDATION", "ファイルが空です");
  const decoded = decodeFeed(bytes, "auto");
  let records: { record: string[]; line: number }[];
  try {
    records = decoded.pieces.flatMap((p, i) => (i === 0 ? parseCsv(p.text) : []));
  } catch (error) {
    if (!(error instanceof CsvSyntaxError)) throw error;
    throw new HttpError(400, "VALIDATION", `CSV として読めません（${error.line} 行目）: ${error.message}`);
  }
  const [counters, roles, existing] = await Promise.all([
    db.selectFrom("counter").select(["id", "active"]).execute(),
    db.selectFrom("role").select("id").execute(),
    listStaff(db),
  ]);
  const read = readStaffImport(records, {
    counters: new Set(counters.filter((c) => c.active).map((c) => c.id)),
    inactiveCounters: new Set(counters.filter((c) => !c.active).map((c) => c.id)),
    roles: new Set(roles.map((r) => r.id)),
  });
  if (read.fileError) throw new HttpError(400, "VALIDATION", read.fileError);
  const broken: ImportProblem[] = decoded.brokenLines.map((line) => ({
    line,
    column: null,
    loginId: null,
    reason: "文字コードを読み取れない行です（UTF-8 か Shift_JIS で保存してください）",
  }));
  const plan = planStaffImport(read.rows, [...broken, ...read.problems], existing, {
    disableAbsent,
    today: japanDate(new Date()),
    actorLoginId: actor.loginId ?? "",
  });
  plan.problems.sort((a, b) => a.line - b.line);
  const fileHash = sha256(bytes);
  return {
    plan,
    encoding: decoded.encoding,
    fileHash,
    token: sha256(JSON.stringify([fileHash, disableAbsent, plan])),
  };
}

const counts = (plan: ImportPlan) => ({
  adds: plan.adds.length,
  changes: plan.changes.length,
  disables: plan.disables.length,
  unchanged: plan.unchanged,
  badRows: new Set(plan.problems.map((p) => p.line)).size,
});

/** The dry run: what the file would do, with its bad rows. Nothing is written but the audit row. */
export async function previewStaffImport(
  ctx: AppContext,
  actor: StaffActor,
  bytes: Uint8Array,
  disableAbsent: boolean,
): Promise<StaffImportPreview> {
  const { plan, encoding, token, fileHash } = await planFile(ctx.db, bytes, disableAbsent, actor);
  await ctx.audit.write(ctx.db, actor, {
    action: "staff.read",
    target: "staff_user:import",
    detail: { operation: "importPreview", fileHash, disableAbsent, ...counts(plan) },
    outcome: "success",
  });
  return {
    token,
    encoding,
    adds: plan.adds,
    changes: plan.changes.map(({ row: _, ...c }) => c),
    disables: plan.disables,
    unchanged: plan.unchanged,
    problems: plan.problems,
  };
}

// Any constant: two imports (or an import and its own retry) never interleave.
const importLockId = 4_611_020_220;

/**
 * Applies exactly what the preview showed: the file is planned again inside the transaction, and
 * if the file, the options or the accounts have changed since (another token), nothing is written.
 */
export async function applyStaffImport(
  ctx: AppContext,
  actor: StaffActor,
  bytes: Uint8Array,
  options: { disableAbsent: boolean; token: string; skipBadRows: boolean },
): Promise<StaffImportResult> {
  const refuse = async (status: number, reason: string, message: string) => {
    await ctx.audit.write(ctx.db, actor, {
      action: "staff.change",
      target: "staff_user:import",
      detail: { operation: "importApply", reason },
      outcome: "denied",
    });
    return new HttpError(status, status === 409 ? "CONFLICT" : "VALIDATION", message);
  };
  const stale = () =>
    refuse(
      409,
      "stale",
      "プレビューの後に、ファイルか職員の登録内容が変わりました。何も取り込んでいません。もう一度プレビューして確かめてください",
    );
  const first = await planFile(ctx.db, bytes, options.disableAbsent, actor);
  if (first.token !== options.token) throw await stale();
  const badRows = counts(first.plan).badRows;
  if (badRows > 0 && !options.skipBadRows)
    throw await refuse(
      400,
      "badRows",
      `誤りのある行が ${badRows} 行あります。誤りのある行を除いて取り込むことを確認してください（何も取り込んでいません）`,
    );
  // Hashing takes ~30 ms a password: done before the transaction so the accounts are not held meanwhile.
  const passwords = await Promise.all(
    first.plan.adds.map(async (row) => {
      const password = oneTimePassword();
      return { row, password, hash: await hashPassword(password) };
    }),
  );

  const changedMeanwhile = new Error("stale");
  const applied = ctx.db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(${importLockId})`.execute(trx);
    await trx.selectFrom("staff_user").select("id").forUpdate().execute();
    const again = await planFile(trx, bytes, options.disableAbsent, actor);
    // The refusal is audited after the rollback, on a connection of its own.
    if (again.token !== options.token) throw changedMeanwhile;
    const { plan } = again;
    for (const { row, hash } of passwords) {
      const { id } = await trx
        .insertInto("staff_user")
        .values({
          login_id: row.loginId,
          name: row.name,
          department: row.department,
          password_hash: hash,
          valid_from: row.validFrom ?? japanDate(new Date()),
          valid_to: row.validTo,
          must_change_password: true,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      await replaceAssignments(trx, id, row.assignments);
    }
    const ids = new Map((await listStaff(trx)).map((s) => [s.loginId, Number(s.id)]));
    let sessionsEnded = 0;
    for (const change of plan.changes) {
      const id = ids.get(change.loginId) as number;
      const { row } = change;
      await trx
        .updateTable("staff_user")
        .set({
          name: row.name,
          department: row.department,
          valid_from: row.validFrom ?? undefined,
          valid_to: row.validTo,
          disabled: false,
          updated_at: sql`clock_timestamp()`,
        })
        .where("id", "=", id)
        .execute();
      if (await replaceAssignments(trx, id, row.assignments)) sessionsEnded += await endSessions(trx, id);
    }
    for (const gone of plan.disables) {
      const id = ids.get(gone.loginId) as number;
      await trx
        .updateTable("staff_user")
        .set({ disabled: true, updated_at: sql`clock_timestamp()` })
        .where("id", "=", id)
        .execute();
      sessionsEnded += await endSessions(trx, id);
    }
    await requireAdministrationKept(trx, actor);
    await ctx.audit.write(trx, actor, {
      action: "staff.change",
      target: "staff_user:import",
      detail: {
        operation: "importApply",
        fileHash: again.fileHash,
        disableAbsent: options.disableAbsent,
        ...counts(plan),
        added: plan.adds.map((a) => a.loginId),
        changed: plan.changes.map((c) => ({ loginId: c.loginId, fields: c.fields.map((f) => f.field) })),
        disabled: plan.disables.map((d) => d.loginId),
        skippedLines: [...new Set(plan.problems.map((p) => p.line))],
        oneTimePasswordsIssued: passwords.length,
        sessionsEnded,
      },
      outcome: "success",
    });
  });
  await applied.catch(async (error: unknown) => {
    throw error === changedMeanwhile ? await stale() : error;
  });
  return {
    added: first.plan.adds.length,
    changed: first.plan.changes.length,
    disabled: first.plan.disables.length,
    skippedRows: badRows,
    passwords: passwords.map(({ row, password }) => ({ loginId: row.loginId, name: row.name, password })),
  };
}
