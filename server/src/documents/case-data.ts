import type { ResidenceChangeInput } from "@ichimado/core/cases/residence-change";
import type { CaseStatus, ProcedureStatus } from "@ichimado/core/cases/schemas";
import type { QuestionDefinition } from "@ichimado/core/catalog/questions";
import {
  type AddressValue,
  answerText,
  type DocumentData,
  type DocumentPerson,
  type DocumentResidenceChange,
} from "@ichimado/core/documents/bind";
import type { PersonSummary } from "@ichimado/core/search/schemas";
import type { AuthContext } from "../auth/context.ts";
import { addressOf, residenceChangeOwners, townNames } from "../cases/present.ts";
import type { ProcedureSnapshot } from "../cases/residence-changes.ts";
import type { StoredVisitor } from "../cases/service.ts";
import type { Db } from "../db/database.ts";
import { HttpError } from "../platform/errors.ts";
import { personSummaries } from "../search/person-view.ts";
import { type ProtectionState, shownSharedAddress } from "../search/present.ts";

/**
 * What a case gives its documents. Every register value comes through `personSummaries`, so every
 * address a document prints has been through `shownAddress` (支援措置) for the staff member printing.
 */
export interface CaseForPrint {
  id: number;
  status: CaseStatus;
  visitor: StoredVisitor | null;
  residenceChanges: { id: number; input: ResidenceChangeInput; answers: Record<string, string> }[];
  procedures: {
    id: number;
    residenceChangeId: number | null;
    definition: ProcedureSnapshot;
    personId: string | null;
    personName: string | null;
    status: ProcedureStatus;
  }[];
  subjectIds: string[];
}

export async function loadCaseForPrint(db: Db, caseId: number): Promise<CaseForPrint> {
  const row = await db
    .selectFrom("reception_case")
    .select(["id", "status", "visitor"])
    .where("id", "=", caseId)
    .executeTakeFirst();
  if (!row) throw new HttpError(404, "NOT_FOUND", "指定された対応はありません");
  const [residenceChanges, procedures, subjects] = await Promise.all([
    db
      .selectFrom("case_residence_change")
      .select(["id", "input", "answers"])
      .where("case_id", "=", caseId)
      .orderBy("id")
      .execute(),
    db
      .selectFrom("case_procedure")
      .select(["id", "residence_change_id", "definition", "person_id", "person_name", "status"])
      .where("case_id", "=", caseId)
      .orderBy("residence_change_id")
      .orderBy("id")
      .execute(),
    db.selectFrom("case_subject").select("person_id").where("case_id", "=", caseId).execute(),
  ]);
  return {
    id: row.id,
    status: row.status,
    visitor: row.visitor as StoredVisitor | null,
    residenceChanges: residenceChanges.map((n) => ({
      id: n.id,
      input: n.input as ResidenceChangeInput,
      answers: n.answers as Record<string, string>,
    })),
    procedures: procedures.map((p) => ({
      id: p.id,
      residenceChangeId: p.residence_change_id,
      definition: p.definition as ProcedureSnapshot,
      personId: p.person_id,
      personName: p.person_name,
      status: p.status as ProcedureStatus,
    })),
    subjectIds: subjects.map((s) => s.person_id).filter((p): p is string => p !== null),
  };
}

export interface DocumentTarget {
  procedureId: number | null;
  personId: string | null;
}

export interface ResolvedTarget<T extends DocumentTarget> {
  target: T;
  data: DocumentData;
  procedure: CaseForPrint["procedures"][number] | null;
}

async function headsOf(db: Db, households: readonly string[]): Promise<Map<string, string>> {
  if (households.length === 0) return new Map();
  const rows = await db
    .selectFrom("household")
    .select(["id", "head_person_id"])
    .where("id", "in", [...new Set(households)])
    .execute();
  return new Map(rows.map((r) => [r.id, r.head_person_id]));
}

const addressValue = (a: { text: string | null; masked: boolean }, ownerId: string | null): AddressValue => ({
  text: a.text,
  masked: a.masked,
  ownerId,
});

/**
 * The data of each requested document. The person must belong to the case (visitor, subject,
 * a procedure's person, a mover, a household head of the 住民異動届): `print` is not `search`,
 * and a case must not become a way to print anyone's register data.
 */
export async function resolveTargets<T extends DocumentTarget>(
  db: Db,
  auth: AuthContext,
  c: CaseForPrint,
  targets: readonly T[],
  questions: readonly QuestionDefinition[],
  today: string,
): Promise<ResolvedTarget<T>[]> {
  const residenceChangeHeads = await headsOf(
    db,
    c.residenceChanges.map((n) => n.input.householdId).filter((h): h is string => h !== null),
  );
  const members = new Set<string>([
    ...(c.visitor?.input.personId ? [c.visitor.input.personId] : []),
    ...c.subjectIds,
    ...c.procedures.flatMap((p) => (p.personId ? [p.personId] : [])),
    ...c.residenceChanges.flatMap((n) => [
      ...n.input.movingPersonIds,
      ...[n.input.newHeadId, n.input.newHouseholdHeadId].filter((p): p is string => p !== null),
    ]),
    ...residenceChangeHeads.values(),
  ]);
  const resolved = targets.map((t) => {
    const procedure = t.procedureId === null ? null : c.procedures.find((p) => p.id === t.procedureId);
    if (procedure === undefined)
      throw new HttpError(404, "NOT_FOUND", "指定された手続きはこの対応にありません");
    const personId = t.personId ?? procedure?.personId ?? null;
    if (personId !== null && !members.has(personId)) {
      throw new HttpError(
        400,
        "VALIDATION",
        "指定された人はこの対応の来庁者・申請対象者・届出の対象者ではありません",
      );
    }
    // A procedure's own 住民異動届; a form for no procedure (or one added by hand without a
    // 住民異動届) reads the case's latest.
    const residenceChange =
      (procedure?.residenceChangeId != null
        ? c.residenceChanges.find((n) => n.id === procedure.residenceChangeId)
        : c.residenceChanges[c.residenceChanges.length - 1]) ?? null;
    return { target: t, procedure, personId, residenceChange };
  });

  const personIds = resolved.flatMap((r) => (r.personId ? [r.personId] : []));
  const personRows =
    personIds.length > 0
      ? await db.selectFrom("person").select(["id", "household_id"]).where("id", "in", personIds).execute()
      : [];
  const personHeads = await headsOf(
    db,
    personRows.map((p) => p.household_id).filter((h): h is string => h !== null),
  );
  const visitorId = c.visitor?.input.personId ?? null;
  const ids = [
    ...personIds,
    ...(visitorId ? [visitorId] : []),
    ...personHeads.values(),
    ...residenceChangeHeads.values(),
    ...c.residenceChanges.flatMap((n) => n.input.movingPersonIds),
  ];
  const { summaries, state } = await personSummaries(db, auth, [...new Set(ids)], today);
  const towns = await townNames(
    db,
    c.residenceChanges.map((n) => n.input),
  );
  const questionByKey = new Map(questions.map((q) => [q.key, q]));

  const personOf = (id: string | null): DocumentPerson | null => {
    const s = id ? summaries.get(id) : undefined;
    if (!s) return null;
    const headId = s.householdId ? (personHeads.get(s.householdId) ?? null) : null;
    return registerPerson(s, headId, headId ? (summaries.get(headId)?.name ?? null) : null);
  };
  const visitor = visitorData(c.visitor, visitorId ? summaries.get(visitorId) : undefined);

  return resolved.map(({ target, procedure, personId, residenceChange }) => ({
    target,
    procedure,
    data: {
      today,
      caseId: c.id,
      person: personOf(personId),
      visitor,
      residenceChange: residenceChange
        ? residenceChangeData(auth, state, residenceChange.input, residenceChangeHeads, summaries, towns)
        : null,
      procedureName: procedure?.definition.name ?? null,
      answers: Object.fromEntries(
        Object.entries(residenceChange?.answers ?? {}).map(([k, v]) => [
          k,
          answerText(questionByKey.get(k), v),
        ]),
      ),
    },
  }));
}

function registerPerson(s: PersonSummary, headId: string | null, headName: string | null): DocumentPerson {
  return {
    id: s.id,
    name: s.name,
    nameKana: s.nameKana,
    birthDate: s.birthDate,
    sex: s.sex,
    address: addressValue(s.address, s.id),
    householdHeadId: headId,
    householdHeadName: headName,
    relationship: s.relationship,
  };
}

/** The visitor as stated at the counter; a registered visitor's address is masked like theirs. */
function visitorData(
  stored: StoredVisitor | null,
  registered: PersonSummary | undefined,
): DocumentData["visitor"] {
  if (!stored) return null;
  const v = stored.input;
  const masked = registered?.address.masked === true;
  const text = masked ? null : v.address || (registered?.address.text ?? null);
  return {
    id: v.personId,
    name: v.name,
    nameKana: v.nameKana,
    birthDate: v.birthDate,
    sex: v.sex,
    address: { text, masked, ownerId: registered ? registered.id : null },
    householdHeadId: null,
    householdHeadName: null,
    relationship: registered?.relationship ?? null,
    phone: v.phone,
    relation: v.relation,
  };
}

function residenceChangeData(
  auth: AuthContext,
  state: ProtectionState,
  input: ResidenceChangeInput,
  heads: Map<string, string>,
  summaries: Map<string, PersonSummary>,
  towns: Map<string, string>,
): DocumentResidenceChange {
  const headId = input.householdId ? (heads.get(input.householdId) ?? null) : null;
  // The household's protection covers the address it moves to as much as the one it leaves, and so
  // does each mover's, also once the household has left the register.
  const owners = residenceChangeOwners(input, heads, summaries);
  const guard = (text: string | null): AddressValue | null => {
    if (text === null) return null;
    const shown = shownSharedAddress(auth, state, owners, text);
    return addressValue(shown, shown.ownerId);
  };
  const head = headId ? summaries.get(headId) : undefined;
  const newAddress = input.newAddress
    ? addressOf(input, towns)
    : input.kind === "moveOut"
      ? input.outsideAddress
      : null;
  return {
    kind: input.kind,
    occurredOn: input.occurredOn,
    movingMembers: [
      ...input.movingPersonIds.map((id) => summaries.get(id)?.name ?? ""),
      ...input.newPersons.map((p) => p.name),
    ].filter(Boolean),
    movingMemberIds: input.movingPersonIds,
    newAddress: guard(newAddress),
    oldAddress: head
      ? addressValue(head.address, head.id)
      : input.kind === "moveIn"
        ? guard(input.outsideAddress)
        : null,
  };
}
