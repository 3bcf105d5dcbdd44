import { mayHandle } from "@ichimado/core/catalog/handling";
import type {
  CertificateQuote,
  CertificateQuoteRequest,
  CertificateRequestList,
} from "@ichimado/core/certificates/api";
import type { CertificateType } from "@ichimado/core/certificates/schemas";
import { certificateJobs } from "@ichimado/core/rpa/payloads";
import type { Transaction } from "kysely";
import { staffOf } from "../auth/context.ts";
import { insertProcedures } from "../cases/residence-changes.ts";
import { caseStep, type StepActor } from "../cases/steps.ts";
import { loadCatalog } from "../catalog/store.ts";
import type { Db } from "../db/database.ts";
import type { Database } from "../db/schema.ts";
import type { AppContext } from "../platform/context.ts";
import { HttpError } from "../platform/errors.ts";
import { enqueueJobs } from "../rpa/jobs.ts";
import { quoteRequest } from "./quote.ts";
import { currentCertificateSettings } from "./settings.ts";

/**
 * Accepts a request into a case: quoted again here (the screen's quote may be minutes old), refused
 * whole with every block named by its line if anything stops it, otherwise kept with the fees as
 * quoted, in the case's history and the audit log in one step. Each certificate's catalog procedure
 * joins the case for its person, so the procedures list and the 手続き案内書 show where it is issued.
 */
export async function acceptRequest(
  ctx: AppContext,
  actor: StepActor,
  caseId: number,
  body: CertificateQuoteRequest,
  today: string,
): Promise<CertificateQuote> {
  const { quote, personIds } = await quoteRequest(ctx.db, actor.auth, body, today);
  const blocks = quote.problems.filter((p) => p.severity === "block");
  if (blocks.length > 0)
    throw new HttpError(
      400,
      "VALIDATION",
      `${(blocks[0]?.index ?? 0) + 1}件目: ${blocks[0]?.message ?? "受け付けられない請求があります"}`,
      blocks.map((p) => ({
        path: `lines.${p.index}.${p.field}`,
        message: `${p.index + 1}件目: ${p.message}`,
      })),
    );
  const [{ settings }, catalog, names] = await Promise.all([
    currentCertificateSettings(ctx.db),
    loadCatalog(ctx.db),
    personNames(ctx.db, personIds),
  ]);
  const procedures = certificateProcedures(settings, catalog, body.lines);
  return caseStep(ctx, actor, caseId, ["open"], async (trx) => {
    await addProcedures(trx, actor, caseId, procedures, names);
    const { id: requestId } = await trx
      .insertInto("case_certificate_request")
      .values({
        case_id: caseId,
        requester: JSON.stringify(body.requester),
        lines: JSON.stringify(body.lines),
        fees: JSON.stringify(quote.lines),
        total: quote.total,
        instructions: body.instructions,
        created_by: actor.auth.staffId,
        created_counter: actor.auth.counterId,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    // Each certificate a robot issues becomes its job with the request: no clerk hands it over.
    await enqueueJobs(
      trx,
      caseId,
      certificateJobs(
        { id: requestId, lines: body.lines, fees: quote.lines },
        new Map(settings.types.map((t) => [t.key, t.name])),
        names,
        { caseId, acceptedOn: today, counterId: actor.auth.counterId },
      ),
    );
    const copies = quote.lines.reduce((n, l) => n + l.quantity, 0);
    return {
      kind: "certificateRequest",
      summary: `証明書交付請求 ${quote.lines.length}件 ${copies}通（手数料 ${quote.total.toLocaleString("ja-JP")}円）`,
      personIds,
      value: quote,
    };
  });
}

type Catalog = Awaited<ReturnType<typeof loadCatalog>>;
type CatalogProcedure = Catalog["procedures"][number];
interface ProcedureFor {
  definition: CatalogProcedure;
  catalogVersion: number;
  personId: string;
}

/** The register's names of the request's persons (for the procedures and the robots' jobs). */
async function personNames(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom("person").select(["id", "name"]).where("id", "in", ids).execute();
  return new Map(rows.map((p) => [p.id, p.name]));
}

/** The catalog procedure of each line's certificate, once per procedure and person. */
function certificateProcedures(
  settings: { types: readonly CertificateType[] },
  catalog: Catalog,
  lines: CertificateQuoteRequest["lines"],
): ProcedureFor[] {
  const types = new Map(settings.types.map((t) => [t.key, t]));
  const definitions = new Map(catalog.procedures.map((d) => [d.key, d]));
  const found = new Map<string, ProcedureFor>();
  for (const line of lines) {
    const key = types.get(line.certificateKey)?.procedureKey;
    const definition = key ? definitions.get(key) : undefined;
    if (definition)
      found.set(`${definition.key}|${line.personId}`, {
        definition,
        catalogVersion: catalog.version,
        personId: line.personId,
      });
  }
  return [...found.values()];
}

/**
 * Adds the procedures the case does not already hold for that person, taken (受付済) where this
 * counter accepts their programme, otherwise still to be done at the counter that does.
 */
async function addProcedures(
  trx: Transaction<Database>,
  actor: StepActor,
  caseId: number,
  procedures: readonly ProcedureFor[],
  names: ReadonlyMap<string, string>,
): Promise<void> {
  if (procedures.length === 0) return;
  const held = await trx
    .selectFrom("case_procedure")
    .select(["procedure_key", "person_id"])
    .where("case_id", "=", caseId)
    .execute();
  const has = new Set(held.map((r) => `${r.procedure_key}|${r.person_id}`));
  const wanted = procedures.filter((p) => !has.has(`${p.definition.key}|${p.personId}`));
  if (wanted.length === 0) return;
  const staff = staffOf(actor.auth);
  await insertProcedures(
    trx,
    actor,
    caseId,
    wanted.map((p) => ({
      definition: p.definition,
      catalogVersion: p.catalogVersion,
      residenceChangeId: null,
      personId: p.personId,
      personName: names.get(p.personId) ?? null,
      source: "manual",
      reasons: ["証明書交付請求を受付"],
      status: mayHandle(p.definition, staff) ? "received" : "notStarted",
    })),
  );
}

/** The requests of a case, oldest first (the order they were taken in). */
export async function caseRequests(db: Db, caseId: number): Promise<CertificateRequestList["requests"]> {
  const rows = await db
    .selectFrom("case_certificate_request as r")
    .innerJoin("staff_user as s", "s.id", "r.created_by")
    .innerJoin("counter as c", "c.id", "r.created_counter")
    .select([
      "r.id",
      "r.requester",
      "r.lines",
      "r.fees",
      "r.total",
      "r.instructions",
      "r.created_at",
      "s.name as staff_name",
      "c.name as counter_name",
    ])
    .where("r.case_id", "=", caseId)
    .orderBy("r.id")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    requester: r.requester,
    lines: r.lines,
    fees: r.fees,
    total: r.total,
    instructions: r.instructions,
    created: { staffName: r.staff_name, counterName: r.counter_name, at: r.created_at.toISOString() },
  }));
}
