import { newPersonId } from "@ichimado/core/cases/facts";
import { judgeIdentity } from "@ichimado/core/cases/identity";
import type { ResidenceChangeInput } from "@ichimado/core/cases/residence-change";
import { residenceChangeTypeLabels } from "@ichimado/core/cases/residence-change";
import type { CaseDetail, CaseProcedure, CaseSummary, ProcedureStatus } from "@ichimado/core/cases/schemas";
import { mayHandle } from "@ichimado/core/catalog/handling";
import { questionsToAsk } from "@ichimado/core/catalog/navigation";
import { choicesOf } from "@ichimado/core/catalog/questions";
import { type ProgrammeKey, programmeLabels } from "@ichimado/core/programmes/programmes";
import { sql } from "kysely";
import { type AuthContext, staffOf } from "../auth/context.ts";
import type { Db } from "../db/database.ts";
import { leafletNames, templateNamesInForce } from "../documents/store.ts";
import { personSummaries } from "../search/person-view.ts";
import { shownSharedAddress } from "../search/present.ts";
import { derivation, type ProcedureSnapshot } from "./residence-changes.ts";
import type { StoredVisitor } from "./service.ts";

const hiddenAddress = "(支援措置のため表示できません)";
const hiddenReasons = ["対象となる資格・状況があります (詳細は担当課で確認できます)"];

interface StaffAtRow {
  staff_name: string;
  counter_name: string;
  at: Date;
}
const staffAt = (r: StaffAtRow) => ({
  staffName: r.staff_name,
  counterName: r.counter_name,
  at: r.at.toISOString(),
});

/** The list of cases (K37, L41): per counter, by status and period. */
/** The register persons a list of cases names (visitors and subjects), for the list's audit row. */
export async function personIdsOfCases(db: Db, caseIds: readonly number[]): Promise<string[]> {
  if (caseIds.length === 0) return [];
  const { rows } = await sql<{ id: string }>`
    select c.visitor->'input'->>'personId' as id from reception_case c
    where c.id = any(${[...caseIds]}) and c.visitor->'input'->>'personId' is not null
    union
    select s.person_id as id from case_subject s where s.case_id = any(${[...caseIds]}) and s.person_id is not null
    order by id`.execute(db);
  return rows.map((r) => r.id);
}

export async function caseSummaries(
  db: Db,
  where: ReturnType<typeof sql>,
  limit: number,
): Promise<CaseSummary[]> {
  const { rows } = await sql<{
    id: number;
    channel: CaseSummary["channel"];
    status: CaseSummary["status"];
    opened_staff: string;
    opened_counter: string;
    opened_at: Date;
    updated_staff: string;
    updated_counter: string;
    updated_at: Date;
    visitor_name: string | null;
    subject_names: string[] | null;
    total: number;
    settled: number;
  }>`
    select c.id, c.channel, c.status,
      os.name as opened_staff, oc.name as opened_counter, c.opened_at,
      us.name as updated_staff, uc.name as updated_counter, c.updated_at,
      c.visitor->'input'->>'name' as visitor_name,
      (select array_agg(coalesce(p.name, s.typed->>'name') order by s.id)
         from case_subject s left join person p on p.id = s.person_id where s.case_id = c.id) as subject_names,
      (select count(*) from case_procedure cp where cp.case_id = c.id) as total,
      (select count(*) from case_procedure cp where cp.case_id = c.id
         and cp.status in ('received', 'referred', 'reviewed', 'completed', 'notNeeded')) as settled
    from reception_case c
    join staff_user os on os.id = c.opened_by join counter oc on oc.id = c.opened_counter
    join staff_user us on us.id = c.updated_by join counter uc on uc.id = c.updated_counter
    where ${where}
    order by c.updated_at desc, c.id desc
    limit ${limit}`.execute(db);
  return rows.map((r) => ({
    id: r.id,
    channel: r.channel,
    status: r.status,
    opened: { staffName: r.opened_staff, counterName: r.opened_counter, at: r.opened_at.toISOString() },
    updated: { staffName: r.updated_staff, counterName: r.updated_counter, at: r.updated_at.toISOString() },
    visitorName: r.visitor_name,
    subjectNames: r.subject_names ?? [],
    procedureCounts: { total: Number(r.total), settled: Number(r.settled) },
  }));
}

/**
 * One case as the reception screen shows it. Addresses of protected people (the visitor, subjects,
 * the household of a 住民異動届) go through the same masking as search; enrollment-based reasons of
 * procedures in programmes the role may not see are replaced by a neutral line.
 */
export async function caseDetail(
  db: Db,
  auth: AuthContext,
  id: number,
  today: string,
): Promise<CaseDetail | undefined> {
  const [summary] = await caseSummaries(db, sql`c.id = ${id}`, 1);
  if (!summary) return undefined;
  const row = await db
    .selectFrom("reception_case")
    .select(["visitor", "identity_check"])
    .where("id", "=", id)
    .executeTakeFirstOrThrow();
  const [subjects, residenceChanges, procedures, memos, history, counters] = await Promise.all([
    db
      .selectFrom("case_subject")
      .select(["id", "person_id", "typed"])
      .where("case_id", "=", id)
      .orderBy("id")
      .execute(),
    sql<StaffAtRow & { id: number; input: ResidenceChangeInput; answers: Record<string, string> }>`
      select n.id, n.input, n.answers, s.name as staff_name, c.name as counter_name, n.created_at as at
      from case_residence_change n join staff_user s on s.id = n.created_by join counter c on c.id = n.created_counter
      where n.case_id = ${id} order by n.id`.execute(db),
    sql<
      StaffAtRow & {
        id: number;
        residence_change_id: number | null;
        definition: ProcedureSnapshot;
        person_id: string | null;
        person_name: string | null;
        source: "derived" | "manual";
        reasons: string[];
        status: ProcedureStatus;
      }
    >`
      select p.id, p.residence_change_id, p.definition, p.person_id, p.person_name, p.source, p.reasons, p.status,
        s.name as staff_name, c.name as counter_name, p.updated_at as at
      from case_procedure p join staff_user s on s.id = p.updated_by join counter c on c.id = p.updated_counter
      where p.case_id = ${id} order by p.residence_change_id nulls last, p.id`.execute(db),
    sql<StaffAtRow & { id: number; text: string }>`
      select m.id, m.text, s.name as staff_name, c.name as counter_name, m.created_at as at
      from case_memo m join staff_user s on s.id = m.created_by join counter c on c.id = m.created_counter
      where m.case_id = ${id} order by m.id`.execute(db),
    sql<StaffAtRow & { kind: string; summary: string }>`
      select e.kind, e.summary, s.name as staff_name, c.name as counter_name, e.at
      from case_event e join staff_user s on s.id = e.staff_id join counter c on c.id = e.counter_id
      where e.case_id = ${id} order by e.id`.execute(db),
    db.selectFrom("counter").select(["id", "name", "place"]).execute(),
  ]);

  const [formNames, leafletNamesByKey] = await Promise.all([
    templateNamesInForce(
      db,
      today,
      procedures.rows.flatMap((p) => p.definition.forms ?? []),
    ),
    leafletNames(
      db,
      procedures.rows.flatMap((p) => p.definition.leaflets ?? []),
    ),
  ]);
  const visitor = row.visitor as StoredVisitor | null;
  const households = [
    ...new Set(residenceChanges.rows.map((n) => n.input.householdId).filter((h): h is string => h !== null)),
  ];
  const heads =
    households.length > 0
      ? await db
          .selectFrom("household")
          .select(["id", "head_person_id"])
          .where("id", "in", households)
          .execute()
      : [];
  const movingIds = [...new Set(residenceChanges.rows.flatMap((n) => n.input.movingPersonIds))];
  const personIds = [
    ...(visitor?.input.personId ? [visitor.input.personId] : []),
    ...subjects.map((s) => s.person_id).filter((p): p is string => p !== null),
    ...heads.map((h) => h.head_person_id),
    // The movers decide whether the address they move to may be shown, also once their household is gone.
    ...movingIds,
  ];
  const { summaries, state } = await personSummaries(db, auth, personIds, today);
  const towns = await townNames(
    db,
    residenceChanges.rows.map((n) => n.input),
  );
  const headOf = new Map(heads.map((h) => [h.id, h.head_person_id]));
  const counterById = new Map(counters.map((c) => [c.id, c]));
  const questionsByResidenceChange = new Map(
    await Promise.all(
      residenceChanges.rows.map(
        async (n) =>
          [
            n.id,
            await navigation(
              db,
              n.input,
              n.answers,
              procedures.rows.filter((p) => p.residence_change_id === n.id).map((p) => p.definition.key),
            ),
          ] as const,
      ),
    ),
  );

  const visitorMasked =
    visitor?.input.personId != null && summaries.get(visitor.input.personId)?.address.masked === true;
  return {
    ...summary,
    visitor: visitor
      ? {
          input: visitorMasked ? { ...visitor.input, address: "" } : visitor.input,
          corrections: visitor.corrections.map((c) =>
            visitorMasked && c.field === "address"
              ? { ...c, visitorValue: hiddenAddress, registerValue: hiddenAddress }
              : c,
          ),
          warnings: visitorWarnings(visitor),
        }
      : null,
    identity: identityView(row.identity_check),
    subjects: subjects.map((s) => ({
      id: s.id,
      person: s.person_id ? (summaries.get(s.person_id) ?? null) : null,
      typed: s.typed as CaseDetail["subjects"][number]["typed"],
    })),
    residenceChanges: residenceChanges.rows.map((n) => {
      const address = addressOf(n.input, towns);
      const shown = shownSharedAddress(
        auth,
        state,
        residenceChangeOwners(n.input, headOf, summaries),
        address,
      );
      return {
        id: n.id,
        kind: n.input.kind,
        label: residenceChangeTypeLabels[n.input.kind],
        input: shown.masked ? { ...n.input, newAddress: null, outsideAddress: null } : n.input,
        persons: [
          ...n.input.movingPersonIds.map((pid) => ({ id: pid, name: summaries.get(pid)?.name ?? pid })),
          ...n.input.newPersons.map((p, i) => ({ id: newPersonId(i), name: p.name })),
        ],
        questions: questionsByResidenceChange.get(n.id) ?? [],
        newAddress: address === null ? null : { text: shown.text, masked: shown.masked },
        created: staffAt(n),
      };
    }),
    procedures: procedures.rows.map((p): CaseProcedure => {
      const d = p.definition;
      const programme = d.programme as ProgrammeKey;
      const counter = counterById.get(d.counterId);
      const visible = programme === "residency" || auth.permissions.visibleProgrammes.has(programme);
      return {
        id: p.id,
        residenceChangeId: p.residence_change_id,
        key: d.key,
        name: d.name,
        programme,
        programmeLabel: programmeLabels[programme],
        personId: p.person_id,
        personName: p.person_name,
        source: p.source,
        reasons: visible ? p.reasons : hiddenReasons,
        guidance: d.guidance,
        legalBasis: d.legalBasis,
        bring: d.bring,
        forms: (d.forms ?? []).flatMap((key) => {
          const name = formNames.get(key);
          return name === undefined ? [] : [{ key, name }];
        }),
        leaflets: (d.leaflets ?? []).flatMap((key) => {
          const name = leafletNamesByKey.get(key);
          return name === undefined ? [] : [{ key, name }];
        }),
        status: p.status,
        handling: mayHandle(d, staffOf(auth)) ? "handledHere" : "referred",
        counter: { id: d.counterId, name: counter?.name ?? d.counterId, place: counter?.place ?? "" },
        updated: staffAt(p),
      };
    }),
    memos: memos.rows.map((m) => ({ id: m.id, text: m.text, created: staffAt(m) })),
    history: history.rows.map((e) => ({ ...staffAt(e), kind: e.kind, summary: e.summary })),
  };
}

function visitorWarnings(visitor: StoredVisitor): string[] {
  const warnings: string[] = [];
  const { relation, authorityDocument } = visitor.input;
  if (relation === "proxy" && authorityDocument !== "delegationLetter") {
    warnings.push("代理人です。委任状 (原本) を確認してください");
  }
  if (relation === "legalRepresentative" && authorityDocument === null) {
    warnings.push("法定代理人です。代理権を確認できる書類 (戸籍謄本・登記事項証明書) を確認してください");
  }
  if (relation === "thirdParty") warnings.push("第三者からの請求です。請求の理由と正当性を確認してください");
  if (visitor.corrections.length > 0) {
    warnings.push("来庁者の申し出が住民記録と異なります (住民記録は変更されません)");
  }
  return warnings;
}

function identityView(stored: unknown): CaseDetail["identity"] {
  if (!stored) return null;
  const { documents, note } = stored as {
    documents: { key: string; name: string; tier: "photo" | "a" | "b" }[];
    note: string;
  };
  const verdict = judgeIdentity(documents.map((d) => d.tier));
  return { documents, note, ...verdict };
}

export async function townNames(db: Db, inputs: ResidenceChangeInput[]): Promise<Map<string, string>> {
  const codes = [...new Set(inputs.map((i) => i.newAddress?.townCode).filter((c): c is string => !!c))];
  if (codes.length === 0) return new Map();
  const rows = await db
    .selectFrom("address_town")
    .select(["code", "name"])
    .where("code", "in", codes)
    .execute();
  return new Map(rows.map((r) => [r.code, r.name]));
}

/**
 * Whose protection covers a 住民異動届's addresses: the household's head while the household is in
 * the register, and each mover, in the household the notification names and in their register one
 * (after the feed that records a 転出 the household row is gone, but the movers are not).
 */
export function residenceChangeOwners(
  input: ResidenceChangeInput,
  headOf: ReadonlyMap<string, string>,
  movers: ReadonlyMap<string, { householdId: string | null }>,
): { id: string; household_id: string | null }[] {
  const headId = input.householdId ? headOf.get(input.householdId) : undefined;
  return [
    ...(headId ? [{ id: headId, household_id: input.householdId }] : []),
    ...input.movingPersonIds.flatMap((id) => [
      { id, household_id: input.householdId },
      { id, household_id: movers.get(id)?.householdId ?? null },
    ]),
  ];
}

export function addressOf(input: ResidenceChangeInput, towns: Map<string, string>): string | null {
  if (input.newAddress) {
    const a = input.newAddress;
    return `出雲市${towns.get(a.townCode) ?? a.townCode}${a.lot}${a.katagaki ? ` ${a.katagaki}` : ""}`;
  }
  return input.outsideAddress;
}

/** The questions to put to the visitor for the 住民異動届 now, with the answers so far. */
async function navigation(
  db: Db,
  input: ResidenceChangeInput,
  answers: Record<string, string>,
  listed: readonly string[],
): Promise<CaseDetail["residenceChanges"][number]["questions"]> {
  const { facts, catalog } = await derivation(db, input, answers);
  const keys = new Set(listed);
  const procedures = catalog.procedures.filter((p) => keys.has(p.key));
  return questionsToAsk(catalog.questions, procedures, facts).map((q) => ({
    key: q.key,
    text: q.text,
    label: q.label,
    help: q.help,
    answerKind: q.answerKind,
    choices: [...choicesOf(q)],
    answer: answers[q.key] ?? null,
  }));
}
