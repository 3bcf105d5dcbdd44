import type { PrintedDocument } from "@ichimado/core/documents/api";
import type { Db } from "../db/database.ts";
import { guideSheetTitle } from "./guide-sheet.ts";
import { requestFormTitle } from "./request-form.ts";

/** The print history of a case (G29): every print and reprint, newest first, with the persons on it. */
export async function printHistory(db: Db, caseId: number): Promise<PrintedDocument[]> {
  return printedDocuments(db, { caseId });
}

/** Which prints to list: a case's, or a counter's in a period (the 帳票の印刷 screen), newest first. */
interface PrintedFilter {
  caseId?: number;
  counterId?: string;
  start?: Date;
  end?: Date;
  limit?: number;
}

export async function printedDocuments(
  db: Db,
  filter: PrintedFilter,
): Promise<(PrintedDocument & { caseId: number })[]> {
  const { caseId, counterId, start, end, limit } = filter;
  let query = db
    .selectFrom("printed_document as d")
    .innerJoin("staff_user as s", "s.id", "d.printed_by")
    .innerJoin("counter as c", "c.id", "d.printed_counter")
    .leftJoin("document_template as t", (join) =>
      join.onRef("t.key", "=", "d.template_key").onRef("t.version", "=", "d.template_version"),
    )
    .select([
      "d.id",
      "d.case_id",
      "d.job",
      "d.kind",
      "d.template_key",
      "d.template_version",
      "d.procedure_name",
      "d.person_ids",
      "d.reprint_of",
      "d.printed_at",
      "s.name as staff_name",
      "c.name as counter_name",
      "t.name as template_name",
    ])
    // as migration 0024's index reads one counter's prints, so a period needs no sort
    .orderBy("d.printed_at", "desc")
    .orderBy("d.id", "desc");
  if (caseId !== undefined) query = query.where("d.case_id", "=", caseId);
  if (counterId !== undefined) query = query.where("d.printed_counter", "=", counterId);
  if (start) query = query.where("d.printed_at", ">=", start);
  if (end) query = query.where("d.printed_at", "<", end);
  if (limit !== undefined) query = query.limit(limit);
  const rows = await query.execute();
  const ids = [...new Set(rows.flatMap((r) => r.person_ids))];
  const names = new Map(
    ids.length > 0
      ? (await db.selectFrom("person").select(["id", "name"]).where("id", "in", ids).execute()).map((p) => [
          p.id,
          p.name,
        ])
      : [],
  );
  return rows.map((r) => ({
    id: r.id,
    caseId: r.case_id,
    job: r.job,
    kind: r.kind,
    templateKey: r.template_key,
    templateVersion: r.template_version,
    name:
      r.kind === "guideSheet"
        ? guideSheetTitle
        : r.kind === "certificateRequestForm"
          ? requestFormTitle
          : (r.template_name ?? r.template_key ?? ""),
    procedureName: r.procedure_name,
    persons: r.person_ids.map((id) => ({ id, name: names.get(id) ?? id })),
    reprintOf: r.reprint_of,
    printed: { staffName: r.staff_name, counterName: r.counter_name, at: r.printed_at.toISOString() },
  }));
}
