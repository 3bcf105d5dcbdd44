import type { FastifyInstance } from "fastify";
import { Counter, collectDefaultMetrics, Histogram, Registry } from "prom-client";
import type { ServiceLevelRecorder } from "./service-level.ts";

/** The spec's response-time goal: 99.9% of requests answered within 3 seconds. */
export const slaSeconds = 3;

/**
 * Prometheus metrics of one app: request latency per route template (never the URL itself, whose
 * query string may hold a name being searched), and the process's own figures. A registry per app,
 * so tests that build many apps do not share counters.
 */
export async function metricsRoutes(
  app: FastifyInstance,
  serviceLevel?: ServiceLevelRecorder,
): Promise<void> {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const duration = new Histogram({
    name: "ichimado_http_request_duration_seconds",
    help: "Time from request to response, per route template",
    labelNames: ["method", "route", "status"] as const,
    // 3 s is a bucket edge so the SLA share can be read straight from the histogram.
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, slaSeconds, 10],
    registers: [registry],
  });
  const unavailable = new Counter({
    name: "ichimado_database_unavailable_total",
    help: "Requests answered 503 because the database could not be reached",
    registers: [registry],
  });

  app.addHook("onResponse", async (request, reply) => {
    // Unmatched paths are grouped, so a scan of random URLs cannot grow the label set without end.
    const route = request.routeOptions.url ?? "(unmatched)";
    const seconds = reply.elapsedTime / 1000;
    duration.observe({ method: request.method, route, status: String(reply.statusCode) }, seconds);
    if (reply.statusCode === 503) unavailable.inc();
    // The access log: the route's template, never the URL (its query may hold a name or a
    // 宛名番号), and who acted where. Residents' data stays in the audit log, which is protected.
    request.log.info(
      {
        method: request.method,
        route,
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime),
        staff: request.auth?.staffId ?? request.apiClient?.name ?? null,
        counter: request.auth?.counterId ?? null,
      },
      "request",
    );
    // Probes and scrapes are the monitoring's own traffic, not the counters'.
    if (route.startsWith("/api/")) serviceLevel?.observe(route, seconds, reply.statusCode);
  });

  app.get(
    "/metrics",
    // No HEAD twin: a scraper only GETs, and each guarded route is one entry to check.
    { config: { access: { kind: "token", scope: "metrics" } }, exposeHeadRoute: false },
    async (_request, reply) => {
      return reply.type(registry.contentType).send(await registry.metrics());
    },
  );
}
