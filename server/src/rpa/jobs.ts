import {
  type ClaimedJob,
  type ClaimRequest,
  maxAttempts,
  type RpaJobStatus,
  type RpaJobView,
  type RpaQueue,
  retryDelaySeconds,
  rpaJobStatusLabels,
} from "@ichimado/core/rpa/jobs";
import type { NewJob } from "@ichimado/core/rpa/payloads";
import {
  type RpaScenario,
  rpaPayloadSchema,
  rpaScenarioLabels,
  rpaScenarios,
} from "@ichimado/core/rpa/scenarios";
import { type Kysely, sql, type Transaction } from "kysely";
import type { Db } from "../db/database.ts";
import type { Database } from "../db/schema.ts";
import { HttpError } from "../platform/errors.ts";
import { personIdsOf } from "./persons.ts";

/** Jobs are written in the transaction of the step that accepted them: both happen, or neither. */
export async function enqueueJobs(
  trx: Transaction<Database>,
  caseId: number,
  jobs: readonly NewJob<unknown>[],
): Promise<void> {
  if (jobs.length === 0) return;
  await trx
    .insertInto("rpa_job")
    .values(
      jobs.map((j) => ({
        scenario: j.scenario,
        case_id: caseId,
        source: j.source,
        subject: j.subject,
        payload: JSON.stringify(j.payload),
        max_attempts: maxAttempts,
      })),
    )
    .execute();
}

/**
 * The jobs of something withdrawn at the counter (a 住民異動届 taken back, a whole case cancelled):
 * those no robot has started are cancelled; once a robot has typed one in, the core system already
 * holds it and the withdrawal is refused, so that the counter and the core system never disagree
 * unnoticed.
 */
export async function withdrawJobs(
  trx: Transaction<Database>,
  of: { source: string } | { caseId: number },
): Promise<void> {
  const started = await trx
    .selectFrom("rpa_job")
    .select(["scenario", "status"])
    .where((eb) => ("source" in of ? eb("source", "=", of.source) : eb("case_id", "=", of.caseId)))
    .where("status", "in", ["running", "done"])
    .executeTakeFirst();
  if (started) {
    const label = rpaScenarioLabels[started.scenario as RpaScenario];
    throw new HttpError(
      409,
      "CONFLICT",
      started.status === "done"
        ? `基幹システムへの${label}が済んでいるため取り消せません。基幹システムで訂正してください`
        : `ロボットが${label}を処理中のため、いまは取り消せません`,
    );
  }
  await trx
    .updateTable("rpa_job")
    .set({ status: "cancelled", updated_at: new Date(), finished_at: new Date() })
    .where((eb) => ("source" in of ? eb("source", "=", of.source) : eb("case_id", "=", of.caseId)))
    .where("status", "in", ["queued", "failed", "dead"])
    .execute();
}

/**
 * Hands up to `max` jobs to one robot: waiting ones whose time has come, and running ones whose
 * robot let the lease run out. Rows are locked with SKIP LOCKED, so two robots (on any number of
 * server instances) asking at once get different jobs. A job past its last attempt when its lease
 * ran out stops (停止) instead of being handed out again.
 */
export async function claimJobs(db: Db, robot: string, request: ClaimRequest): Promise<ClaimedJob[]> {
  const scenarios = request.scenarios ?? [...rpaScenarios];
  return db.transaction().execute(async (trx) => {
    await trx
      .updateTable("rpa_job")
      .set({
        status: "dead",
        last_error: sql`coalesce(last_error || ' / ', '') || 'ロボットが応答しないまま期限切れになりました'`,
        lease_until: null,
        updated_at: new Date(),
      })
      .where("status", "=", "running")
      .where("lease_until", "<", sql<Date>`now()`)
      .where(sql<boolean>`attempts >= max_attempts`)
      .execute();
    const rows = await trx
      .updateTable("rpa_job")
      .set({
        status: "running",
        attempts: sql`attempts + 1`,
        lease_until: sql`now() + make_interval(secs => ${request.leaseSeconds})`,
        robot,
        updated_at: new Date(),
      })
      .where(
        "id",
        "in",
        trx
          .selectFrom("rpa_job")
          .select("id")
          .where("scenario", "in", scenarios)
          .where((eb) =>
            eb.or([
              eb.and([eb("status", "in", ["queued", "failed"]), eb("available_at", "<=", sql<Date>`now()`)]),
              eb.and([eb("status", "=", "running"), eb("lease_until", "<", sql<Date>`now()`)]),
            ]),
          )
          .orderBy("id")
          .limit(request.max)
          .forUpdate()
          .skipLocked(),
      )
      .returning(["id", "scenario", "attempts", "lease_until", "payload"])
      .execute();
    return rows
      .sort((a, b) => a.id - b.id)
      .map((r) => ({
        id: r.id,
        scenario: r.scenario as RpaScenario,
        attempt: r.attempts,
        leaseUntil: (r.lease_until as Date).toISOString(),
        payload: rpaPayloadSchema.parse(r.payload),
      }));
  });
}

/** The job this robot holds, or why it does not hold it (lease ended and handed on, finished …). */
async function heldJob(db: Kysely<Database>, robot: string, id: number) {
  const job = await db
    .selectFrom("rpa_job")
    .select(["id", "status", "robot", "attempts", "max_attempts", "lease_until"])
    .where("id", "=", id)
    .forUpdate()
    .executeTakeFirst();
  if (!job) throw new HttpError(404, "NOT_FOUND", "指定されたジョブはありません");
  if (job.status !== "running" || job.robot !== robot)
    throw new HttpError(
      409,
      "CONFLICT",
      "このジョブはこのロボットに割り当てられていません（期限切れで他に渡されたか、完了しています）",
    );
  return job;
}

export async function completeJob(db: Db, robot: string, id: number): Promise<RpaJobStatus> {
  return db.transaction().execute(async (trx) => {
    await heldJob(trx, robot, id);
    await trx
      .updateTable("rpa_job")
      .set({ status: "done", lease_until: null, updated_at: new Date(), finished_at: new Date() })
      .where("id", "=", id)
      .execute();
    return "done" as const;
  });
}

/** A failure: tried again after a growing wait, or stopped for staff after the last attempt. */
export async function failJob(
  db: Db,
  robot: string,
  id: number,
  failure: { message: string; retryable: boolean },
): Promise<RpaJobStatus> {
  return db.transaction().execute(async (trx) => {
    const job = await heldJob(trx, robot, id);
    const status: RpaJobStatus = !failure.retryable || job.attempts >= job.max_attempts ? "dead" : "failed";
    await trx
      .updateTable("rpa_job")
      .set({
        status,
        last_error: failure.message,
        lease_until: null,
        available_at: sql`now() + make_interval(secs => ${retryDelaySeconds(job.attempts)})`,
        updated_at: new Date(),
      })
      .where("id", "=", id)
      .execute();
    return status;
  });
}

/** A stopped job given back to the robots by staff, with its attempts counted afresh. */
export async function retryJob(db: Db, id: number): Promise<void> {
  const result = await db
    .updateTable("rpa_job")
    .set({ status: "queued", attempts: 0, available_at: sql`now()`, updated_at: new Date() })
    .where("id", "=", id)
    .where("status", "=", "dead")
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0)
    throw new HttpError(409, "CONFLICT", "再実行できるのは停止したジョブだけです");
}

const viewColumns = [
  "id",
  "case_id",
  "scenario",
  "subject",
  "status",
  "attempts",
  "last_error",
  "robot",
  "created_at",
  "updated_at",
] as const;

function view(r: {
  id: number;
  case_id: number;
  scenario: string;
  subject: string;
  status: RpaJobStatus;
  attempts: number;
  last_error: string | null;
  robot: string | null;
  created_at: Date;
  updated_at: Date;
}): RpaJobView {
  const scenario = r.scenario as RpaScenario;
  return {
    id: r.id,
    caseId: r.case_id,
    scenario,
    scenarioLabel: rpaScenarioLabels[scenario],
    subject: r.subject,
    status: r.status,
    statusLabel: rpaJobStatusLabels[r.status],
    attempts: r.attempts,
    lastError: r.last_error,
    robot: r.robot,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
  };
}

/** A case's jobs, with whom they are about (for the audit row of the read). */
export async function caseJobs(db: Db, caseId: number): Promise<{ jobs: RpaJobView[]; personIds: string[] }> {
  const rows = await db
    .selectFrom("rpa_job")
    .select([...viewColumns, "payload"])
    .where("case_id", "=", caseId)
    .orderBy("id")
    .execute();
  const personIds = new Set(rows.flatMap((r) => personIdsOf(rpaPayloadSchema.parse(r.payload))));
  return { jobs: rows.map(view), personIds: [...personIds] };
}

export async function caseJobsChange(
  db: Db,
  caseId: number,
): Promise<{ changedAt: string | null; pending: number }> {
  const row = await db
    .selectFrom("rpa_job")
    .select((eb) => [
      eb.fn.max("updated_at").as("changed"),
      eb.fn.count<string>("id").filterWhere("status", "in", ["queued", "running", "failed"]).as("pending"),
    ])
    .where("case_id", "=", caseId)
    .executeTakeFirstOrThrow();
  const changed = row.changed as Date | string | null;
  return {
    changedAt: changed === null ? null : new Date(changed).toISOString(),
    pending: Number(row.pending),
  };
}

/** Jobs in a state, newest first: what the system status shows staff (stopped ones above all). */
export async function jobsByStatus(
  db: Db,
  status: RpaJobStatus,
  limit = 200,
): Promise<{ jobs: RpaJobView[]; personIds: string[] }> {
  const rows = await db
    .selectFrom("rpa_job")
    .select([...viewColumns, "payload"])
    .where("status", "=", status)
    .orderBy("id", "desc")
    .limit(limit)
    .execute();
  const personIds = new Set(rows.flatMap((r) => personIdsOf(rpaPayloadSchema.parse(r.payload))));
  return { jobs: rows.map(view), personIds: [...personIds] };
}

/** Jobs by state (the finished ones are not counted: they only grow) and the oldest wait. */
export async function queueSummary(db: Db): Promise<RpaQueue> {
  const rows = await db
    .selectFrom("rpa_job")
    .select([
      "status",
      (eb) => eb.fn.countAll<string>().as("n"),
      (eb) => eb.fn.min("created_at").as("oldest"),
    ])
    .where("status", "in", ["queued", "running", "failed", "dead"])
    .groupBy("status")
    .execute();
  const counts = { queued: 0, running: 0, failed: 0, dead: 0 };
  let oldest: Date | null = null;
  for (const r of rows) {
    counts[r.status as keyof typeof counts] = Number(r.n);
    const since = r.oldest as Date | null;
    if ((r.status === "queued" || r.status === "failed") && since && (!oldest || since < oldest))
      oldest = since;
  }
  return { counts, oldestWaitingSince: oldest?.toISOString() ?? null, checkedAt: new Date().toISOString() };
}
