import type { FastifyInstance } from "fastify";
import { sql } from "kysely";
import type { AppContext } from "./context.ts";

export async function healthRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const open = { access: { kind: "public" } } as const;
  // Liveness: the process answers. Readiness: it can also reach the database.
  app.get("/healthz", { config: open }, async () => ({ status: "ok" }));
  app.get("/readyz", { config: open }, async (_request, reply) => {
    try {
      await sql`select 1`.execute(ctx.db);
      return { status: "ready" };
    } catch {
      return reply.status(503).send({ status: "unavailable" });
    }
  });
}
