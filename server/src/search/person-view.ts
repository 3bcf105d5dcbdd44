import { formatWareki } from "@ichimado/core/common/wareki";
import { feedLayouts } from "@ichimado/core/feeds/layouts";
import { type ProgrammeKey, programmeLabels } from "@ichimado/core/programmes/programmes";
import {
  type EnrollmentRole,
  enrollmentRoleLabels,
  personStatusLabels,
  type ResidenceChangeKind,
  residenceChangeKindLabels,
  supportMeasureKindLabels,
} from "@ichimado/core/registry/codes";
import { addressVisible, isActiveMeasure } from "@ichimado/core/registry/masking";
import type { PersonDetail, PersonSummary } from "@ichimado/core/search/schemas";
import { sql } from "kysely";
import type { AuthContext } from "../auth/context.ts";
import type { Db } from "../db/database.ts";
import {
  isAcknowledged,
  isProtected,
  mayShowAtSameAddress,
  type ProtectionState,
  shownAddress,
  summary,
} from "./present.ts";
import { acknowledgements, flagsFor, type PersonRow, protectedScope } from "./queries.ts";

/** Column headers by attribute field, from the feed layouts (the same words staff see in the files). */
const attributeLabels = new Map<string, string>();
for (const layout of feedLayouts)
  for (const c of layout.columns) if (!attributeLabels.has(c.field)) attributeLabels.set(c.field, c.header);

async function personRows(db: Db, where: ReturnType<typeof sql>): Promise<PersonRow[]> {
  const { rows } = await sql<PersonRow>`
    select p.*, t.name as town_name, false as via_previous, 0 as rank
    from person p left join address_town t on t.code = p.town_code
    where ${where}
    order by case p.relationship when '世帯主' then 0 else 1 end, p.birth_date nulls last, p.id`.execute(db);
  return rows;
}

async function protectionState(
  db: Db,
  auth: AuthContext,
  persons: readonly PersonRow[],
  today: string,
): Promise<ProtectionState> {
  const [scope, acks] = await Promise.all([
    protectedScope(db, persons, today),
    acknowledgements(db, auth.tokenHash),
  ]);
  return {
    protectedPersons: scope.persons,
    protectedHouseholds: scope.households,
    acknowledgedPersons: acks.persons,
    acknowledgedHouseholds: acks.households,
  };
}

/**
 * The person view: the person, their household, the enrollments the counter's role may see, the
 * warnings staff must notice, and the 異動 history — every address through the masking policy.
 */
export async function personDetail(
  db: Db,
  auth: AuthContext,
  id: string,
  today: string,
): Promise<PersonDetail | undefined> {
  const [row] = await personRows(db, sql`p.id = ${id}`);
  if (!row) return undefined;
  const members = row.household_id
    ? await personRows(
        db,
        sql`p.household_id = ${row.household_id} and p.status = 'active' and p.kind = 'resident'`,
      )
    : [];
  const links = await db
    .selectFrom("related_person")
    .select(["id", "person_id", "related_person_id", "relation", "note"])
    .where((eb) => eb.or([eb("person_id", "=", id), eb("related_person_id", "=", id)]))
    .orderBy("id")
    .execute();
  const otherIds = links.map((l) => (l.person_id === id ? l.related_person_id : l.person_id));
  const others = otherIds.length > 0 ? await personRows(db, sql`p.id = any(${otherIds})`) : [];
  const everyone = [row, ...members.filter((m) => m.id !== row.id), ...others];
  const state = await protectionState(db, auth, everyone, today);
  const flags = await flagsFor(
    db,
    everyone.map((p) => p.id),
    today,
  );
  const visible = [...auth.permissions.visibleProgrammes] as ProgrammeKey[];
  const [enrollments, measures, bans, arrears, moveOuts, history, household] = await Promise.all([
    visible.length === 0
      ? Promise.resolve([])
      : db
          .selectFrom("enrollment as e")
          .leftJoin("person as h", "h.id", "e.holder_person_id")
          .select([
            "e.programme",
            "e.role",
            "e.from_date",
            "e.to_date",
            "e.attributes",
            "e.holder_person_id",
            "h.name as holder_name",
          ])
          .where("e.person_id", "=", id)
          .where("e.programme", "in", visible)
          .orderBy("e.programme")
          .orderBy("e.from_date", "desc")
          .execute(),
    db
      .selectFrom("support_measure")
      .select(["kind", "from_date", "to_date"])
      .where("person_id", "=", id)
      .execute(),
    db.selectFrom("issuance_ban").select(["reason"]).where("person_id", "=", id).execute(),
    db
      .selectFrom("arrears")
      .select(["programme", "fiscal_year", "amount"])
      .where("person_id", "=", id)
      .execute(),
    db
      .selectFrom("move_out_certificate")
      .select(["planned_on"])
      .where("person_id", "=", id)
      .where("planned_on", ">=", today)
      .execute(),
    db
      .selectFrom("residence_change")
      .select(["kind", "occurred_on", "from_address", "previous_name"])
      .where("person_id", "=", id)
      .orderBy("occurred_on", "desc")
      .execute(),
    row.household_id
      ? db
          .selectFrom("household")
          .select(["id", "head_person_id"])
          .where("id", "=", row.household_id)
          .executeTakeFirst()
      : undefined,
  ]);

  const measure = measures.find((m) => isActiveMeasure({ fromDate: m.from_date, toDate: m.to_date }, today));
  const protectedHere = isProtected(state, row);
  const acknowledged = isAcknowledged(state, row);
  const addressHidden = !addressVisible(auth.permissions, { protected: protectedHere, acknowledged });
  const warnings: PersonDetail["warnings"] = [];
  if (protectedHere) {
    warnings.push({
      kind: "supportMeasure",
      message: measure
        ? `支援措置の対象者です（${supportMeasureKindLabels[measure.kind as keyof typeof supportMeasureKindLabels] ?? measure.kind}、${measure.to_date ? `${formatWareki(measure.to_date)}まで` : "期限なし"}）`
        : "世帯員が支援措置の対象です",
    });
  }
  for (const ban of bans)
    warnings.push({ kind: "issuanceBan", message: `証明書の発行が制限されています: ${ban.reason}` });
  if (arrears.length > 0)
    warnings.push({
      kind: "arrears",
      message: `滞納があります (${arrears.map((a) => `${programmeLabels[a.programme as ProgrammeKey] ?? a.programme} ${a.fiscal_year}年度`).join("、")})`,
    });
  if (row.status !== "active")
    warnings.push({
      kind: row.status === "movedOut" ? "movedOut" : row.status === "deceased" ? "deceased" : "erased",
      message: `${personStatusLabels[row.status]}${row.status_date ? `（${formatWareki(row.status_date)}）` : ""}の方です`,
    });
  for (const m of moveOuts)
    warnings.push({ kind: "moveOutPending", message: `転出予定です（${formatWareki(m.planned_on)}）` });
  if (row.residence_period_to && row.residence_period_to < today)
    warnings.push({
      kind: "residencePeriod",
      message: `在留期間（${formatWareki(row.residence_period_to)}まで）を過ぎています`,
    });

  const head = household ? everyone.find((p) => p.id === household.head_person_id) : undefined;
  const base = summary(auth, state, flags, row);
  return {
    person: {
      ...base,
      residentCode: row.resident_code,
      nationality: row.nationality,
      residenceStatus: row.residence_status,
      residencePeriodTo: row.residence_period_to,
      residentSince: row.resident_since,
      cardExpiresOn: row.card_expires_on,
      corporateNumber: row.corporate_number,
      representative: row.representative,
    },
    household: household
      ? {
          id: household.id,
          headName: head?.name ?? null,
          address: base.address,
          members: members.map((m) => summary(auth, state, flags, m)),
        }
      : null,
    enrollments: enrollments.map((e) => ({
      programme: e.programme as ProgrammeKey,
      programmeLabel: programmeLabels[e.programme as ProgrammeKey] ?? e.programme,
      role: e.role,
      roleLabel: enrollmentRoleLabels[e.role as EnrollmentRole] ?? e.role,
      fromDate: e.from_date,
      toDate: e.to_date,
      active: e.from_date <= today && (e.to_date === null || e.to_date >= today),
      holder: e.holder_person_id ? { id: e.holder_person_id, name: e.holder_name ?? "" } : null,
      attributes: Object.entries(e.attributes).map(([k, v]) => ({
        label: attributeLabels.get(k) ?? k,
        value: String(v),
      })),
    })),
    warnings,
    supportMeasure: protectedHere
      ? {
          acknowledged,
          mayViewAddress: auth.permissions.functions.has("supportMeasureView"),
          kindLabel: measure
            ? (supportMeasureKindLabels[measure.kind as keyof typeof supportMeasureKindLabels] ??
              measure.kind)
            : "世帯員",
          toDate: measure?.to_date ?? null,
        }
      : null,
    related: links.flatMap((l) => {
      const other = others.find((o) => o.id === (l.person_id === id ? l.related_person_id : l.person_id));
      if (!other) return [];
      const shown = summary(auth, state, flags, other);
      // A related person may live at this person's address (同一住所・別世帯), so where this
      // person's address is hidden, theirs is too.
      if (addressHidden)
        return [
          {
            linkId: l.id,
            relation: l.relation,
            note: l.note,
            person: { ...shown, address: masked(shown.address) },
          },
        ];
      // Here this person's address shows: a link saying the other lives there too would place a
      // protected person at it, so it is left out as the same-address listing leaves them out.
      if (saysSameAddress(l.relation) && !mayShowAtSameAddress(auth, state, row, other)) return [];
      return [{ linkId: l.id, relation: l.relation, note: l.note, person: shown }];
    }),
    history: history.map((h) => ({
      kind: h.kind,
      kindLabel: residenceChangeKindLabels[h.kind as ResidenceChangeKind] ?? h.kind,
      occurredOn: h.occurred_on,
      // A former address can lead to the person as surely as the current one.
      fromAddress: shownAddress(auth, state, row, h.from_address),
      previousName: h.previous_name,
    })),
  };
}

/** Relations staff type for people living at the same address (free text; the web suggests 同一住所・別世帯). */
const saysSameAddress = (relation: string) => /同一住所|同じ住所|同居/.test(relation);

const masked = (address: { text: string | null; masked: boolean }) =>
  address.text === null ? address : { text: null, masked: true };

/**
 * Summaries of given persons (and whether each address may be shown) for other areas' views —
 * reception shows its visitor and subjects through the same masking as search.
 */
export async function personSummaries(
  db: Db,
  auth: AuthContext,
  ids: readonly string[],
  today: string,
): Promise<{ summaries: Map<string, PersonSummary>; state: ProtectionState }> {
  const rows = ids.length > 0 ? await personRows(db, sql`p.id = any(${[...ids]})`) : [];
  const [state, flags] = await Promise.all([
    protectionState(db, auth, rows, today),
    flagsFor(
      db,
      rows.map((r) => r.id),
      today,
    ),
  ]);
  return { summaries: new Map(rows.map((r) => [r.id, summary(auth, state, flags, r)])), state };
}
