import { derivationFacts, isNewPersonId, type RegisterMember } from "@ichimado/core/cases/facts";
import { movedSinceListed } from "@ichimado/core/cases/progress";
import { type ResidenceChangeInput, residenceChangeTypeLabels } from "@ichimado/core/cases/residence-change";
import {
  type AnswersInput,
  type CaseStatus,
  type ProcedureStatus,
  procedureStatusLabels,
} from "@ichimado/core/cases/schemas";
import { validateResidenceChange } from "@ichimado/core/cases/validate-residence-change";
import type { Catalog } from "@ichimado/core/catalog/catalog-file";
import { type DerivedProcedure, deriveProcedures } from "@ichimado/core/catalog/derive";
import { mayHandle } from "@ichimado/core/catalog/handling";
import { validateAnswer } from "@ichimado/core/catalog/navigation";
import type { ProcedureDefinition } from "@ichimado/core/catalog/procedures";
import { japanDate } from "@ichimado/core/common/dates";
import { residenceEntryJob } from "@ichimado/core/rpa/payloads";
import type { Transaction } from "kysely";
import { staffOf } from "../auth/context.ts";
import { loadCatalog } from "../catalog/store.ts";
import type { Db } from "../db/database.ts";
import type { Database } from "../db/schema.ts";
import type { AppContext } from "../platform/context.ts";
import { HttpError } from "../platform/errors.ts";
import { enqueueJobs, withdrawJobs } from "../rpa/jobs.ts";
import { loadEnrollments, loadHousehold } from "./register.ts";
import type { StoredVisitor } from "./service.ts";
import { caseStep, type StepActor } from "./steps.ts";

const open: readonly CaseStatus[] = ["open"];

/** What a procedure row keeps of its definition: enough to show and route it as it was. */
export type ProcedureSnapshot = Pick<
  ProcedureDefinition,
  "key" | "name" | "programme" | "counterId" | "guidance" | "legalBasis" | "bring"
> &
  // rows saved before procedures named their forms have none
  Partial<Pick<ProcedureDefinition, "forms" | "leaflets" | "handlingRoles">>;

const snapshot = (d: ProcedureDefinition): ProcedureSnapshot => ({
  key: d.key,
  name: d.name,
  programme: d.programme,
  counterId: d.counterId,
  guidance: d.guidance,
  legalBasis: d.legalBasis,
  bring: d.bring,
  forms: d.forms,
  leaflets: d.leaflets,
  handlingRoles: d.handlingRoles,
});

/** A procedure joining a case: its definition as it is now (an old case reads as it was), and why. */
export interface NewCaseProcedure {
  definition: ProcedureDefinition;
  catalogVersion: number;
  residenceChangeId: number | null;
  personId: string | null;
  personName: string | null;
  source: "derived" | "manual";
  reasons: readonly string[];
  status?: ProcedureStatus;
}

/** Writes procedures into a case as this staff member at this counter; their ids in order. */
export async function insertProcedures(
  trx: Transaction<Database>,
  actor: StepActor,
  caseId: number,
  rows: readonly NewCaseProcedure[],
): Promise<number[]> {
  if (rows.length === 0) return [];
  const inserted = await trx
    .insertInto("case_procedure")
    .values(
      rows.map((p) => ({
        case_id: caseId,
        residence_change_id: p.residenceChangeId,
        procedure_key: p.definition.key,
        catalog_version: p.catalogVersion,
        definition: JSON.stringify(snapshot(p.definition)),
        person_id: p.personId,
        person_name: p.personName,
        source: p.source,
        reasons: JSON.stringify(p.reasons),
        ...(p.status ? { status: p.status } : {}),
        updated_by: actor.auth.staffId,
        updated_counter: actor.auth.counterId,
      })),
    )
    .returning("id")
    .execute();
  return inserted.map((r) => r.id);
}

/**
 * What the rules see for the 住民異動届 (its household on the event date, the answers given) and
 * what they derive from it, with the catalog version used.
 */
export async function derivation(db: Db, input: ResidenceChangeInput, answers: Record<string, string>) {
  const household = input.householdId ? await loadHousehold(db, input.householdId) : null;
  const members: RegisterMember[] = household?.members ?? [];
  const enrollments = await loadEnrollments(
    db,
    members.map((m) => m.id),
  );
  const facts = derivationFacts(input, members, enrollments, answers);
  const catalog = await loadCatalog(db);
  const derived = deriveProcedures(catalog.procedures, facts, catalog.questions);
  const names = new Map(facts.household.map((m) => [m.personId, m.name]));
  return { facts, catalog, derived, names, members };
}

/**
 * Takes a 住民異動届: validated against the register's view of the household, then the catalog's
 * rules derive the procedures the household now needs, each with the facts that triggered it.
 */
export async function addResidenceChange(
  ctx: AppContext,
  actor: StepActor,
  caseId: number,
  input: ResidenceChangeInput,
): Promise<{ residenceChangeId: number; derived: number }> {
  const household = input.householdId ? await loadHousehold(ctx.db, input.householdId) : null;
  if (input.householdId && !household) {
    throw new HttpError(400, "VALIDATION", "指定された世帯はありません", [
      { path: "householdId", message: "指定された世帯はありません" },
    ]);
  }
  const target = input.targetHouseholdId ? await loadHousehold(ctx.db, input.targetHouseholdId) : null;
  const issues = validateResidenceChange(
    input,
    household?.snapshot ?? null,
    target?.snapshot ?? null,
    japanDate(new Date()),
  );
  if (issues.length > 0) {
    throw new HttpError(400, "VALIDATION", issues[0]?.message ?? "届出の内容を確認してください", issues);
  }
  let newAddressText: string | null = null;
  if (input.newAddress) {
    const town = await ctx.db
      .selectFrom("address_town")
      .select(["code", "name"])
      .where("code", "=", input.newAddress.townCode)
      .executeTakeFirst();
    if (!town) {
      throw new HttpError(400, "VALIDATION", "住所の町字が住所関連マスタにありません", [
        { path: "newAddress.townCode", message: "住所の町字が住所関連マスタにありません" },
      ]);
    }
    const { lot, katagaki } = input.newAddress;
    newAddressText = `${town.name}${lot}${katagaki ? ` ${katagaki}` : ""}`;
  }
  const { catalog, derived, names, members } = await derivation(ctx.db, input, {});

  return caseStep(ctx, actor, caseId, open, async (trx) => {
    const { id: residenceChangeId } = await trx
      .insertInto("case_residence_change")
      .values({
        case_id: caseId,
        kind: input.kind,
        input: JSON.stringify(input),
        created_by: actor.auth.staffId,
        created_counter: actor.auth.counterId,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await insertDerived(trx, actor, caseId, residenceChangeId, catalog, derived, names);
    // The robot's job is taken with the notification: the core system gets it without a clerk.
    const visitor = await trx
      .selectFrom("reception_case")
      .select("visitor")
      .where("id", "=", caseId)
      .executeTakeFirst();
    const today = japanDate(new Date());
    const job = residenceEntryJob(
      { id: residenceChangeId, input },
      names,
      {
        visitor: (visitor?.visitor as StoredVisitor | null)?.input ?? null,
        newAddressText,
        notifiedOn: today,
      },
      { caseId, acceptedOn: today, counterId: actor.auth.counterId },
    );
    if (job) await enqueueJobs(trx, caseId, [job]);
    const moving = input.movingPersonIds.length + input.newPersons.length;
    return {
      kind: "residenceChange",
      summary: `${residenceChangeTypeLabels[input.kind]}の届出を受付 (${moving}人); 手続き${derived.length}件を導出`,
      personIds: members.map((m) => m.id),
      value: { residenceChangeId, derived: derived.length },
    };
  });
}

export async function removeResidenceChange(
  ctx: AppContext,
  actor: StepActor,
  caseId: number,
  residenceChangeId: number,
): Promise<void> {
  await caseStep(ctx, actor, caseId, open, async (trx) => {
    const settled = await trx
      .selectFrom("case_procedure")
      .select("id")
      .where("residence_change_id", "=", residenceChangeId)
      .where("status", "not in", ["notStarted", "notNeeded"])
      .executeTakeFirst();
    if (settled) {
      throw new HttpError(409, "CONFLICT", "この届出から進んだ手続きがあるため取り消せません");
    }
    await withdrawJobs(trx, { source: `residenceChange:${residenceChangeId}` });
    const removed = await trx
      .deleteFrom("case_residence_change")
      .where("id", "=", residenceChangeId)
      .where("case_id", "=", caseId)
      .returning(["kind", "input"])
      .executeTakeFirst();
    if (!removed) throw new HttpError(404, "NOT_FOUND", "指定された届出はありません");
    const input = removed.input as ResidenceChangeInput;
    return {
      kind: "residenceChange",
      summary: `${residenceChangeTypeLabels[input.kind]}の届出を取消 (導出した手続きも削除)`,
      personIds: input.movingPersonIds,
      value: null,
    };
  });
}

/** A procedure added by hand: any catalog procedure, with or without a residence change. */
export async function addManualProcedure(
  ctx: AppContext,
  actor: StepActor,
  caseId: number,
  input: { key: string; personId: string | null; residenceChangeId: number | null },
): Promise<number> {
  const catalog = await loadCatalog(ctx.db);
  const definition = catalog.procedures.find((d) => d.key === input.key);
  if (!definition)
    throw new HttpError(400, "VALIDATION", "指定された手続きは手続き一覧 (カタログ) にありません");
  return caseStep(ctx, actor, caseId, open, async (trx) => {
    let personName: string | null = null;
    if (input.personId) {
      const person = await trx
        .selectFrom("person")
        .select("name")
        .where("id", "=", input.personId)
        .executeTakeFirst();
      if (!person) throw new HttpError(404, "NOT_FOUND", "指定された宛名はありません");
      personName = person.name;
    }
    if (input.residenceChangeId) {
      const n = await trx
        .selectFrom("case_residence_change")
        .select("id")
        .where("id", "=", input.residenceChangeId)
        .where("case_id", "=", caseId)
        .executeTakeFirst();
      if (!n) throw new HttpError(404, "NOT_FOUND", "指定された届出はありません");
    }
    const [id = 0] = await insertProcedures(trx, actor, caseId, [
      {
        definition,
        catalogVersion: catalog.version,
        residenceChangeId: input.residenceChangeId,
        personId: input.personId,
        personName,
        source: "manual",
        reasons: ["職員が追加"],
      },
    ]);
    return {
      kind: "procedure",
      summary: `手続き「${definition.name}」を追加${personName ? ` (${personName})` : ""}`,
      personIds: input.personId ? [input.personId] : [],
      value: id,
    };
  });
}

/** Statuses that say the application itself was taken or decided: only a counter that accepts the programme may set them. */
const acceptanceStatuses: ReadonlySet<ProcedureStatus> = new Set(["received", "reviewed", "completed"]);

/**
 * Moves a procedure along 未着手 → 申請書印刷済 → 受付済 / 他課案内済 → 審査済 → 完了 (or 不要).
 * The back office records 審査済 and 完了 after the visit, so a closed case still takes them.
 * `expected` is the status the caller saw (the 進捗管理 list's row): read again under the case lock,
 * a procedure someone has moved since is refused (409), not overwritten; a check made before the
 * lock can be stale by the time the lock is held.
 */
export async function setProcedureStatus(
  ctx: AppContext,
  actor: StepActor,
  caseId: number,
  procedureId: number,
  status: ProcedureStatus,
  expected?: ProcedureStatus,
): Promise<void> {
  const allowed: CaseStatus[] = acceptanceStatuses.has(status) ? ["open", "closed"] : ["open"];
  await caseStep(ctx, actor, caseId, allowed, async (trx) => {
    const row = await trx
      .selectFrom("case_procedure")
      .select(["id", "definition", "status", "person_id", "person_name"])
      .where("id", "=", procedureId)
      .where("case_id", "=", caseId)
      .executeTakeFirst();
    if (!row) throw new HttpError(404, "NOT_FOUND", "指定された手続きはありません");
    const definition = row.definition as ProcedureSnapshot;
    if (expected !== undefined && row.status !== expected) {
      throw new HttpError(409, "CONFLICT", movedSinceListed(row.status as ProcedureStatus));
    }
    if (acceptanceStatuses.has(status) && !mayHandle(definition, staffOf(actor.auth))) {
      throw new HttpError(
        403,
        "FORBIDDEN",
        `この窓口では「${definition.name}」を${procedureStatusLabels[status]}にできません (受付権限がありません)`,
      );
    }
    await trx
      .updateTable("case_procedure")
      .set({
        status,
        updated_by: actor.auth.staffId,
        updated_counter: actor.auth.counterId,
        updated_at: new Date(),
      })
      .where("id", "=", procedureId)
      .execute();
    return {
      kind: "procedureStatus",
      summary: `「${definition.name}」${row.person_name ? ` (${row.person_name})` : ""}: ${procedureStatusLabels[row.status as ProcedureStatus]} → ${procedureStatusLabels[status]}`,
      personIds: row.person_id ? [row.person_id] : [],
      value: null,
    };
  });
}

/**
 * Saves navigation answers for the 住民異動届 and lets the rules read them again: procedures an
 * answer now calls for are added; derived ones it no longer calls for are removed while nobody has
 * started them (a started one stays, and the history says so).
 */
export async function saveAnswers(
  ctx: AppContext,
  actor: StepActor,
  caseId: number,
  residenceChangeId: number,
  given: AnswersInput["answers"],
): Promise<{ added: number; removed: number }> {
  const row = await ctx.db
    .selectFrom("case_residence_change")
    .select(["input", "answers"])
    .where("id", "=", residenceChangeId)
    .where("case_id", "=", caseId)
    .executeTakeFirst();
  if (!row) throw new HttpError(404, "NOT_FOUND", "指定された届出はありません");
  const input = row.input as ResidenceChangeInput;
  const catalog = await loadCatalog(ctx.db);
  const questions = new Map(catalog.questions.map((q) => [q.key, q]));
  const issues: { path: string; message: string }[] = [];
  const answers = { ...row.answers };
  for (const [key, value] of Object.entries(given)) {
    const question = questions.get(key);
    if (!question) {
      issues.push({ path: `answers.${key}`, message: `質問 ${key} は手続きカタログにありません` });
      continue;
    }
    if (value === null) {
      delete answers[key];
      continue;
    }
    const problem = validateAnswer(question, value);
    if (problem) issues.push({ path: `answers.${key}`, message: `${question.label}: ${problem}` });
    else answers[key] = value;
  }
  if (issues.length > 0)
    throw new HttpError(400, "VALIDATION", issues[0]?.message ?? "回答を確認してください", issues);
  const { derived, names } = await derivation(ctx.db, input, answers);
  const byKey = new Map(catalog.procedures.map((d) => [d.key, d]));

  return caseStep(ctx, actor, caseId, open, async (trx) => {
    await trx
      .updateTable("case_residence_change")
      .set({ answers: JSON.stringify(answers) })
      .where("id", "=", residenceChangeId)
      .execute();
    const existing = await trx
      .selectFrom("case_procedure")
      .select(["id", "procedure_key", "person_id", "person_name", "status"])
      .where("residence_change_id", "=", residenceChangeId)
      .where("source", "=", "derived")
      .execute();
    const slot = (key: string, personId: string | null) => `${key}\u0000${personId ?? ""}`;
    const wanted = new Map(derived.map((p) => [slot(p.key, registeredId(p.personId)), p]));
    const have = new Set(existing.map((e) => slot(e.procedure_key, e.person_id)));
    const stale = existing.filter((e) => !wanted.has(slot(e.procedure_key, e.person_id)));
    const removable = stale.filter((e) => e.status === "notStarted");
    if (removable.length > 0) {
      await trx
        .deleteFrom("case_procedure")
        .where(
          "id",
          "in",
          removable.map((e) => e.id),
        )
        .execute();
    }
    const added = [...wanted].filter(([k]) => !have.has(k)).map(([, p]) => p);
    await insertDerived(trx, actor, caseId, residenceChangeId, catalog, added, names);
    const label = (key: string) => questions.get(key)?.label ?? key;
    const kept = stale.length - removable.length;
    const parts = [
      `回答を保存 (${Object.keys(given).map(label).join("・")})`,
      added.length > 0 ? `手続き${added.length}件を追加 (${added.map((p) => p.name).join("・")})` : "",
      removable.length > 0 ? `手続き${removable.length}件を削除` : "",
      kept > 0
        ? `着手済みのため残した手続き${kept}件 (${stale
            .filter((e) => e.status !== "notStarted")
            .map((e) => byKey.get(e.procedure_key)?.name ?? e.procedure_key)
            .join("・")})`
        : "",
    ].filter(Boolean);
    return {
      kind: "answers",
      summary: parts.join("; "),
      personIds: input.movingPersonIds,
      value: { added: added.length, removed: removable.length },
    };
  });
}

/** The register's 宛名番号 of a derived procedure's person; people typed into the 住民異動届 have none yet. */
const registeredId = (personId: string | null): string | null =>
  personId && !isNewPersonId(personId) ? personId : null;

/** Writes derived procedures with a snapshot of their definitions and the catalog version used. */
async function insertDerived(
  trx: Transaction<Database>,
  actor: StepActor,
  caseId: number,
  residenceChangeId: number,
  catalog: Catalog,
  derived: readonly DerivedProcedure[],
  names: ReadonlyMap<string, string>,
): Promise<void> {
  const byKey = new Map(catalog.procedures.map((d) => [d.key, d]));
  await insertProcedures(
    trx,
    actor,
    caseId,
    derived.map((p) => ({
      definition: byKey.get(p.key) as ProcedureDefinition,
      catalogVersion: catalog.version,
      residenceChangeId,
      personId: registeredId(p.personId),
      personName: p.personId ? (names.get(p.personId) ?? null) : null,
      source: "derived",
      reasons: p.reasons,
    })),
  );
}
