import type { ClaimedJob, ClaimRequest, RpaJobStatus } from "@ichimado/core/rpa/jobs";
import type { AuditActor } from "../audit/writer.ts";
import type { AppContext } from "../platform/context.ts";
import { claimJobs, completeJob, failJob } from "./jobs.ts";
import { personIdsOf } from "./persons.ts";

/**
 * A robot's side of a job, audited the same way whichever door it comes through (the pull API or
 * the RPA folder): the hand-over names the persons whose data the robot now holds; each report
 * names the job and what became of it.
 */
export async function handOver(
  ctx: AppContext,
  actor: AuditActor,
  robot: string,
  request: ClaimRequest & { scenarios: NonNullable<ClaimRequest["scenarios"]> },
): Promise<ClaimedJob[]> {
  if (request.scenarios.length === 0) return [];
  const jobs = await claimJobs(ctx.db, robot, request);
  if (jobs.length > 0)
    await ctx.audit.write(ctx.db, actor, {
      action: "rpa.handOver",
      target: `rpa:${jobs.map((j) => j.id).join(",")}`,
      personIds: [...new Set(jobs.flatMap((j) => personIdsOf(j.payload)))],
      detail: { jobs: jobs.map((j) => ({ id: j.id, scenario: j.scenario, attempt: j.attempt })) },
      outcome: "success",
    });
  return jobs;
}

export async function report(
  ctx: AppContext,
  actor: AuditActor,
  robot: string,
  id: number,
  outcome: { done: true } | { done: false; message: string; retryable: boolean },
): Promise<RpaJobStatus> {
  const status = outcome.done
    ? await completeJob(ctx.db, robot, id)
    : await failJob(ctx.db, robot, id, { message: outcome.message, retryable: outcome.retryable });
  await ctx.audit.write(ctx.db, actor, {
    action: "rpa.report",
    target: `rpa:${id}`,
    detail: outcome.done ? { status } : { status, retryable: outcome.retryable },
    outcome: outcome.done ? "success" : "failure",
  });
  return status;
}
