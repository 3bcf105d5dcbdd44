import {
  claimRequestSchema,
  claimResponseSchema,
  failRequestSchema,
  jobReportSchema,
  rpaJobListSchema,
  rpaJobStatusSchema,
  rpaJobsChangeSchema,
  rpaQueueSchema,
} from "@ichimado/core/rpa/jobs";
import { rpaScenarios } from "@ichimado/core/rpa/scenarios";
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { type AppContext, actorOf } from "../platform/context.ts";
import { handOver, report } from "./hand-over.ts";
import { caseJobs, caseJobsChange, jobsByStatus, queueSummary, retryJob } from "./jobs.ts";

const robotAccess = { access: { kind: "token", scope: "rpa" } } as const;
const jobParams = z.object({ id: z.coerce.number().int().positive("ジョブ番号が正しくありません") });

function robotOf(request: FastifyRequest): string {
  if (!request.apiClient) throw new Error("token route reached without a client");
  return request.apiClient.name;
}

/**
 * RPA連携 (M42–43): robots pull jobs with an API token (claim with a lease, report done or failed);
 * staff see a case's jobs, and the stopped ones with the right to hand them out again.
 */
export async function rpaRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    "/api/v1/rpa/jobs/claim",
    { config: robotAccess, schema: { body: claimRequestSchema, response: { 200: claimResponseSchema } } },
    async (request) => {
      // Scenarios given to the RPA folder are the folder's alone: one entry, one robot.
      const folder = new Set<string>(ctx.config.rpaFolder?.scenarios ?? []);
      const scenarios = (request.body.scenarios ?? rpaScenarios).filter((s) => !folder.has(s));
      const jobs = await handOver(ctx, actorOf(request), robotOf(request), { ...request.body, scenarios });
      return { jobs };
    },
  );

  r.post(
    "/api/v1/rpa/jobs/:id/done",
    { config: robotAccess, schema: { params: jobParams, response: { 200: jobReportSchema } } },
    async (request) => {
      const status = await report(ctx, actorOf(request), robotOf(request), request.params.id, { done: true });
      return { id: request.params.id, status };
    },
  );

  r.post(
    "/api/v1/rpa/jobs/:id/failed",
    {
      config: robotAccess,
      schema: { params: jobParams, body: failRequestSchema, response: { 200: jobReportSchema } },
    },
    async (request) => {
      const status = await report(ctx, actorOf(request), robotOf(request), request.params.id, {
        done: false,
        ...request.body,
      });
      return { id: request.params.id, status };
    },
  );

  r.get(
    "/api/v1/cases/:id/rpa-jobs",
    {
      config: { access: { kind: "permission", permission: "reception" } },
      schema: { params: jobParams, response: { 200: rpaJobListSchema } },
    },
    async (request) => {
      const { jobs, personIds } = await caseJobs(ctx.db, request.params.id);
      await ctx.audit.write(ctx.db, actorOf(request), {
        action: "case.read",
        target: `case:${request.params.id}:rpa-jobs`,
        personIds,
        detail: { jobs: jobs.length },
        outcome: "success",
      });
      return { jobs };
    },
  );

  r.get(
    "/api/v1/cases/:id/rpa-jobs/change",
    {
      config: { access: { kind: "permission", permission: "reception" } },
      schema: { params: jobParams, response: { 200: rpaJobsChangeSchema } },
    },
    async (request) => caseJobsChange(ctx.db, request.params.id),
  );

  r.get(
    "/api/v1/rpa/jobs",
    {
      config: { access: { kind: "permission", permission: "dataFeedAdmin" } },
      schema: {
        querystring: z.object({ status: rpaJobStatusSchema.default("dead") }),
        response: { 200: rpaJobListSchema },
      },
    },
    async (request) => {
      const { jobs, personIds } = await jobsByStatus(ctx.db, request.query.status);
      await ctx.audit.write(ctx.db, actorOf(request), {
        action: "case.read",
        target: `rpa:${request.query.status}`,
        personIds,
        detail: { jobs: jobs.length },
        outcome: "success",
      });
      return { jobs };
    },
  );

  r.get(
    "/api/v1/rpa/queue",
    { config: { access: { kind: "session" } }, schema: { response: { 200: rpaQueueSchema } } },
    async () => queueSummary(ctx.db),
  );

  r.post(
    "/api/v1/rpa/jobs/:id/retry",
    {
      config: { access: { kind: "permission", permission: "dataFeedAdmin" } },
      schema: { params: jobParams, response: { 200: jobReportSchema } },
    },
    async (request) => {
      await retryJob(ctx.db, request.params.id);
      await ctx.audit.write(ctx.db, actorOf(request), {
        action: "rpa.retry",
        target: `rpa:${request.params.id}`,
        outcome: "success",
      });
      return { id: request.params.id, status: "queued" as const };
    },
  );
}
