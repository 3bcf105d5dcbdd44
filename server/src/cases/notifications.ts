import { derivationFacts, isNewPersonId, type RegisterMember } from "@ichimado/core/cases/facts";
import { type NotificationInput, notificationKindLabels } from "@ichimado/core/cases/notification";
import { type CaseStatus, type ProcedureStatus, procedureStatusLabels } from "@ichimado/core/cases/schemas";
import { validateNotification } from "@ichimado/core/cases/validate-notification";
import { deriveProcedures } from "@ichimado/core/catalog/derive";
import type { ProcedureDefinition } from "@ichimado/core/catalog/procedures";
import { japanDate } from "@ichimado/core/common/dates";
import type { ProgrammeKey } from "@ichimado/core/programmes/programmes";
import { loadCatalog } from "../catalog/store.ts";
import type { AppContext } from "../platform/context.ts";
import { HttpError } from "../platform/errors.ts";
import { loadEnrollments, loadHousehold } from "./register.ts";
import { caseStep, type StepActor } from "./steps.ts";

const open: readonly CaseStatus[] = ["open"];

/** What a procedure row keeps of its definition: enough to show and route it as it was. */
export type ProcedureSnapshot = Pick<
  ProcedureDefinition,
  "key" | "name" | "programme" | "counterId" | "guidance" | "legalBasis" | "bring"
>;

const snapshot = (d: ProcedureDefinition): ProcedureSnapshot => ({
  key: d.key,
  name: d.name,
  programme: d.programme,
  counterId: d.counterId,
  guidance: d.guidance,
  legalBasis: d.legalBasis,
  bring: d.bring,
});

/**
 * Takes a 住民異動届: validated against the register's view of the household, then the catalog's
 * rules derive the procedures the household now needs, each with the facts that triggered it.
 */
export async function addNotification(
  ctx: AppContext,
  actor: StepActor,
  caseId: number,
  input: NotificationInput,
): Promise<{ notificationId: number; derived: number }> {
  const household = input.householdId ? await loadHousehold(ctx.db, input.householdId) : null;
  if (input.householdId && !household) {
    throw new HttpError(400, "VALIDATION", "指定された世帯はありません", [
      { path: "householdId", message: "指定された世帯はありません" },
    ]);
  }
  const target = input.targetHouseholdId ? await loadHousehold(ctx.db, input.targetHouseholdId) : null;
  const issues = validateNotification(
    input,
    household?.snapshot ?? null,
    target?.snapshot ?? null,
    japanDate(new Date()),
  );
  if (issues.length > 0) {
    throw new HttpError(400, "VALIDATION", issues[0]?.message ?? "届出の内容を確認してください", issues);
  }
  if (input.newAddress) {
    const town = await ctx.db
      .selectFrom("address_town")
      .select("code")
      .where("code", "=", input.newAddress.townCode)
      .executeTakeFirst();
    if (!town) {
      throw new HttpError(400, "VALIDATION", "住所の町字が住所関連マスタにありません", [
        { path: "newAddress.townCode", message: "住所の町字が住所関連マスタにありません" },
      ]);
    }
  }
  const members: RegisterMember[] = household?.members ?? [];
  const enrollments = await loadEnrollments(
    ctx.db,
    members.map((m) => m.id),
  );
  const facts = derivationFacts(input, members, enrollments);
  const catalog = await loadCatalog(ctx.db);
  const byKey = new Map(catalog.procedures.map((d) => [d.key, d]));
  const derived = deriveProcedures(catalog.procedures, facts, catalog.questions);
  const names = new Map(facts.household.map((m) => [m.personId, m.name]));

  return caseStep(ctx, actor, caseId, open, async (trx) => {
    const { id: notificationId } = await trx
      .insertInto("case_notification")
      .values({
        case_id: caseId,
        kind: input.kind,
        input: JSON.stringify(input),
        created_by: actor.auth.staffId,
        created_counter: actor.auth.counterId,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    if (derived.length > 0) {
      await trx
        .insertInto("case_procedure")
        .values(
          derived.map((p) => ({
            case_id: caseId,
            notification_id: notificationId,
            procedure_key: p.key,
            catalog_version: catalog.version,
            definition: JSON.stringify(snapshot(byKey.get(p.key) as ProcedureDefinition)),
            person_id: p.personId && !isNewPersonId(p.personId) ? p.personId : null,
            person_name: p.personId ? (names.get(p.personId) ?? null) : null,
            source: "derived" as const,
            reasons: JSON.stringify(p.reasons),
            updated_by: actor.auth.staffId,
            updated_counter: actor.auth.counterId,
          })),
        )
        .execute();
    }
    const moving = input.movingPersonIds.length + input.newPersons.length;
    return {
      kind: "notification",
      summary: `${notificationKindLabels[input.kind]}の届出を受付 (${moving}人); 手続き${derived.length}件を導出`,
      personIds: [...members.map((m) => m.id)],
      value: { notificationId, derived: derived.length },
    };
  });
}

export async function removeNotification(
  ctx: AppContext,
  actor: StepActor,
  caseId: number,
  notificationId: number,
): Promise<void> {
  await caseStep(ctx, actor, caseId, open, async (trx) => {
    const settled = await trx
      .selectFrom("case_procedure")
      .select("id")
      .where("notification_id", "=", notificationId)
      .where("status", "not in", ["notStarted", "notNeeded"])
      .executeTakeFirst();
    if (settled) {
      throw new HttpError(409, "CONFLICT", "この届出から進んだ手続きがあるため取り消せません");
    }
    const removed = await trx
      .deleteFrom("case_notification")
      .where("id", "=", notificationId)
      .where("case_id", "=", caseId)
      .returning(["kind", "input"])
      .executeTakeFirst();
    if (!removed) throw new HttpError(404, "NOT_FOUND", "指定された届出はありません");
    const input = removed.input as NotificationInput;
    return {
      kind: "notification",
      summary: `${notificationKindLabels[input.kind]}の届出を取消 (導出した手続きも削除)`,
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
  input: { key: string; personId: string | null; notificationId: number | null },
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
    if (input.notificationId) {
      const n = await trx
        .selectFrom("case_notification")
        .select("id")
        .where("id", "=", input.notificationId)
        .where("case_id", "=", caseId)
        .executeTakeFirst();
      if (!n) throw new HttpError(404, "NOT_FOUND", "指定された届出はありません");
    }
    const { id } = await trx
      .insertInto("case_procedure")
      .values({
        case_id: caseId,
        notification_id: input.notificationId,
        procedure_key: definition.key,
        catalog_version: catalog.version,
        definition: JSON.stringify(snapshot(definition)),
        person_id: input.personId,
        person_name: personName,
        source: "manual",
        reasons: JSON.stringify(["職員が追加"]),
        updated_by: actor.auth.staffId,
        updated_counter: actor.auth.counterId,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
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
 */
export async function setProcedureStatus(
  ctx: AppContext,
  actor: StepActor,
  caseId: number,
  procedureId: number,
  status: ProcedureStatus,
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
    if (
      acceptanceStatuses.has(status) &&
      !actor.auth.permissions.acceptedProgrammes.has(definition.programme as ProgrammeKey)
    ) {
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
