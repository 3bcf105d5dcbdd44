import { japanDaysRange } from "@ichimado/core/audit/filter";
import { japanDate } from "@ichimado/core/common/dates";
import {
  blankPrintRequestSchema,
  counterPrintsQuerySchema,
  counterPrintsSchema,
  printableLeafletListSchema,
  printHistoryLimit,
} from "@ichimado/core/documents/counter-prints";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { AuthContext } from "../auth/context.ts";
import type { Db } from "../db/database.ts";
import { type AppContext, actorOf, requireAuth, requireCounter } from "../platform/context.ts";
import { personSummaries } from "../search/person-view.ts";
import { printBlank } from "./blank-print.ts";
import { printedDocuments } from "./history.ts";
import { allLeaflets } from "./store.ts";

const access = { access: { kind: "permission", permission: "print" } } as const;

/**
 * The counter's prints in a period, newest first, each person as the case screen shows them.
 * Every role sees its current counter's prints only, supervisors too: the paper came out of this
 * counter's printer, and looking across counters at who printed whom is the audit log's job
 * (監査証跡, `auditView`), which records that look in turn.
 */
async function counterPrints(db: Db, auth: AuthContext, counterId: string, from: string, to: string) {
  const { start, end } = japanDaysRange(from, to);
  const rows = await printedDocuments(db, { counterId, start, end, limit: printHistoryLimit + 1 });
  const documents = rows.slice(0, printHistoryLimit);
  const ids = [...new Set(documents.flatMap((d) => d.persons.map((p) => p.id)))];
  const { summaries } = await personSummaries(db, auth, ids, japanDate(new Date()));
  return {
    truncated: rows.length > printHistoryLimit,
    personIds: ids,
    documents: documents.map((d) => ({
      ...d,
      persons: d.persons.map((p) => {
        const s = summaries.get(p.id);
        // Someone no longer in the register cannot be checked for 支援措置: no address at all.
        return {
          id: p.id,
          name: s?.name ?? p.name,
          supportMeasure: s?.flags.supportMeasure ?? false,
          address: s?.address ?? { text: null, masked: false },
        };
      }),
    })),
  };
}

/** 帳票の印刷 outside a case (G26–G29): the counter's print history, blank forms and leaflets. */
export async function counterPrintRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    "/api/v1/documents/prints",
    {
      config: access,
      schema: { querystring: counterPrintsQuerySchema, response: { 200: counterPrintsSchema } },
    },
    async (request) => {
      const auth = requireAuth(request);
      const counterId = requireCounter(auth);
      const today = japanDate(new Date());
      const from = request.query.from ?? request.query.to ?? today;
      const to = request.query.to ?? from;
      const listed = await counterPrints(ctx.db, auth, counterId, from, to);
      const counter = await ctx.db
        .selectFrom("counter")
        .select("name")
        .where("id", "=", counterId)
        .executeTakeFirstOrThrow();
      await ctx.audit.write(ctx.db, actorOf(request), {
        action: "case.read",
        target: `counter:${counterId}`,
        personIds: listed.personIds,
        detail: { view: "counterPrintHistory", from, to, documents: listed.documents.length },
        outcome: "success",
      });
      return {
        from,
        to,
        counterName: counter.name,
        documents: listed.documents,
        truncated: listed.truncated,
      };
    },
  );

  r.get(
    "/api/v1/documents/leaflets",
    { config: access, schema: { response: { 200: printableLeafletListSchema } } },
    async () => ({
      leaflets: (await allLeaflets(ctx.db)).map((l) => ({ key: l.key, name: l.name, pages: l.pages })),
    }),
  );

  r.post(
    "/api/v1/documents/blank.pdf",
    { config: access, schema: { body: blankPrintRequestSchema } },
    async (request, reply) => {
      const pdf = await printBlank(ctx, actorOf(request), request.body, japanDate(new Date()));
      return reply
        .type("application/pdf")
        .header("content-disposition", 'inline; filename="blank-forms.pdf"')
        .header("cache-control", "no-store")
        .send(Buffer.from(pdf));
    },
  );
}
