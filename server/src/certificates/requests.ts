import type {
  CertificateQuote,
  CertificateQuoteRequest,
  CertificateRequestList,
} from "@ichimado/core/certificates/api";
import { caseStep, type StepActor } from "../cases/steps.ts";
import type { Db } from "../db/database.ts";
import type { AppContext } from "../platform/context.ts";
import { HttpError } from "../platform/errors.ts";
import { quoteRequest } from "./quote.ts";

/**
 * Accepts a request into a case: quoted again here (the screen's quote may be minutes old), refused
 * whole with every block named by its line if anything stops it, otherwise kept with the fees as
 * quoted, in the case's history and the audit log in one step.
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
  return caseStep(ctx, actor, caseId, ["open"], async (trx) => {
    await trx
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
      .execute();
    const copies = quote.lines.reduce((n, l) => n + l.quantity, 0);
    return {
      kind: "certificateRequest",
      summary: `証明書交付請求 ${quote.lines.length}件 ${copies}通（手数料 ${quote.total.toLocaleString("ja-JP")}円）`,
      personIds,
      value: quote,
    };
  });
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
