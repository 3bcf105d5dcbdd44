import {
  arrearsProgrammeByCode,
  changeKindByCode,
  roleByCode,
  sexByCode,
  statusByCode,
  subsidyProgrammeByCode,
  supportKindByCode,
} from "@ichimado/core/feeds/codes";
import type { FeedRow } from "@ichimado/core/feeds/columns";
import type { FeedLayout } from "@ichimado/core/feeds/layouts";
import { addressKey } from "@ichimado/core/search/address";
import { kanaSearchKey, nameSearchKey } from "@ichimado/core/search/keys";

/** A set of rows a feed owns: a whole table, or one partition of a shared table. */
export interface OwnedRows {
  table: string;
  partition?: { name: string; column: string; value: string };
  /** Columns that identify a row, for differential deliveries. */
  keys: readonly string[];
  rows: Record<string, unknown>[];
}

/** Rows added to a table that keeps history across deliveries (never swapped out). */
export interface AppendedRows {
  table: string;
  conflict: readonly string[];
  rows: Record<string, unknown>[];
}

export interface FeedTables {
  owned: OwnedRows[];
  appended: AppendedRows[];
}

const personKindPartition = {
  resident: "person_resident",
  nonResident: "person_non_resident",
  corporation: "person_corporation",
} as const;

const str = (v: unknown) => (v === null || v === undefined ? null : String(v));
const code = <T extends Record<string, string>>(map: T, v: unknown): T[keyof T] | null =>
  v === null || v === undefined ? null : (map[String(v) as keyof T] ?? null);

function personBase(kind: keyof typeof personKindPartition, r: FeedRow) {
  return {
    id: r.personId,
    kind,
    name: r.name,
    name_kana: r.nameKana,
    search_name: nameSearchKey([str(r.name), str(r.alias), str(r.nameAlpha)]),
    search_kana: kanaSearchKey([str(r.nameKana), str(r.aliasKana)]),
    status: "active",
  };
}

function personOwned(kind: keyof typeof personKindPartition, rows: Record<string, unknown>[]): OwnedRows {
  return {
    table: "person",
    partition: { name: personKindPartition[kind], column: "kind", value: kind },
    keys: ["id"],
    rows,
  };
}

/**
 * Turns a feed's validated rows into the table rows it owns. Pure: the import decides whether they
 * replace the feed's rows (full delivery) or are applied key by key (differential).
 */
export interface TargetContext {
  /** 町字コード → 町字名, for the address search key. */
  townNames: ReadonlyMap<string, string>;
}

/**
 * The same, for a file read piece by piece: `add` gives each piece's rows, `end` what can only be
 * known after the last piece (a household is described by its head's row, wherever it comes).
 * Each returns every table the feed owns, so an empty piece still names them.
 */
export function feedTableStream(
  layout: FeedLayout,
  context: TargetContext,
): { add: (rows: readonly FeedRow[]) => FeedTables; end: () => FeedTables } {
  if (layout.target.kind === "residents") {
    const households = new Map<string, Record<string, unknown>>();
    const inCity = addressOf(context);
    return {
      add: (rows) => residentTables(rows, inCity, households, false),
      end: () => residentTables([], inCity, households, true),
    };
  }
  return { add: (rows) => feedTables(layout, rows, context), end: () => feedTables(layout, [], context) };
}

function addressOf(context: TargetContext): (r: FeedRow) => string {
  return (r) =>
    r.townCode
      ? addressKey(`${context.townNames.get(String(r.townCode)) ?? ""}${r.lot ?? ""}${r.katagaki ?? ""}`)
      : "";
}

/** The tables of these rows, all of a delivery (a differential one) or one piece of it. */
export function feedTables(layout: FeedLayout, rows: readonly FeedRow[], context: TargetContext): FeedTables {
  const target = layout.target;
  const inCity = addressOf(context);
  switch (target.kind) {
    case "residents":
      return residentTables(rows, inCity, new Map(), true);
    case "nonResidents":
      return {
        owned: [
          personOwned(
            "nonResident",
            rows.map((r) => ({
              ...personBase("nonResident", r),
              birth_date: r.birthDate,
              sex: code(sexByCode, r.sex),
              outside_address: r.outsideAddress,
              search_address: addressKey(String(r.outsideAddress ?? "")),
            })),
          ),
        ],
        appended: [],
      };
    case "corporations":
      return {
        owned: [
          personOwned(
            "corporation",
            rows.map((r) => ({
              ...personBase("corporation", r),
              corporate_number: r.corporateNumber,
              representative: r.representative,
              town_code: r.townCode,
              lot: r.lot,
              katagaki: r.katagaki,
              outside_address: r.outsideAddress,
              resident_since: r.establishedOn,
              search_address: r.townCode ? inCity(r) : addressKey(String(r.outsideAddress ?? "")),
            })),
          ),
        ],
        appended: [],
      };
    case "enrollments": {
      const attributeFields = layout.columns
        .map((c) => c.field)
        .filter(
          (f) =>
            !["personId", "role", "fromDate", "toDate", "holderPersonId", target.programmeField].includes(f),
        );
      return {
        owned: [
          {
            table: "enrollment",
            partition: { name: `enrollment_${snake(layout.id)}`, column: "feed", value: layout.id },
            keys: ["person_id", "programme", "role", "from_date"],
            rows: rows.map((r) => {
              const attributes: Record<string, unknown> = {};
              for (const f of attributeFields) if (r[f] !== null && r[f] !== undefined) attributes[f] = r[f];
              return {
                feed: layout.id,
                person_id: r.personId,
                programme: target.programmeField
                  ? code(subsidyProgrammeByCode, r[target.programmeField])
                  : target.programmes[0],
                role: code(roleByCode, r.role),
                holder_person_id: r.holderPersonId,
                from_date: r.fromDate,
                to_date: r.toDate,
                attributes,
              };
            }),
          },
        ],
        appended: [],
      };
    }
    case "arrears":
      return whole("arrears", ["person_id", "programme", "fiscal_year"], rows, (r) => ({
        person_id: r.personId,
        programme: code(arrearsProgrammeByCode, r.programme),
        fiscal_year: r.fiscalYear,
        amount: r.amount,
      }));
    case "addressMaster":
      return whole("address_town", ["code"], rows, (r) => ({
        code: r.code,
        name: r.name,
        name_kana: r.nameKana,
        area: r.area,
        postal_code: r.postalCode,
        chome_count: r.chomeCount ?? 0,
        elementary_school: r.elementarySchool,
        junior_high_school: r.juniorHighSchool,
      }));
    case "registryMemos":
      return whole("registry_memo", ["person_id", "written_on", "text"], rows, (r) => ({
        person_id: r.personId,
        written_on: r.writtenOn,
        text: r.text,
      }));
    case "moveOutCertificates":
      return whole("move_out_certificate", ["person_id", "issued_on"], rows, (r) => ({
        person_id: r.personId,
        issued_on: r.issuedOn,
        planned_on: r.plannedOn,
        destination: r.destination,
        card_based: r.cardBased === "1",
      }));
    case "gaiji":
      return whole("gaiji", ["city_code"], rows, (r) => ({
        city_code: String(r.cityCode).toUpperCase(),
        text: gaijiText(String(r.unicode)),
        mj_code: r.mjCode,
        note: r.note ?? "",
      }));
  }
}

function whole(
  table: string,
  keys: readonly string[],
  rows: readonly FeedRow[],
  map: (r: FeedRow) => Record<string, unknown>,
): FeedTables {
  return { owned: [{ table, keys, rows: rows.map(map) }], appended: [] };
}

/** 住民基本台帳 rows carry the person, their household, 支援措置, 発行禁止 and the latest 異動. */
function residentTables(
  rows: readonly FeedRow[],
  inCity: (r: FeedRow) => string,
  households: Map<string, Record<string, unknown>>,
  withHouseholds: boolean,
): FeedTables {
  const persons: Record<string, unknown>[] = [];
  const support: Record<string, unknown>[] = [];
  const bans: Record<string, unknown>[] = [];
  const changes: Record<string, unknown>[] = [];
  for (const r of rows) {
    const status = code(statusByCode, r.status) ?? "active";
    // A literal, not a spread of personBase: spreading then adding 20 fields is several times slower
    // per row, which shows at 200,000 residents.
    persons.push({
      id: r.personId,
      kind: "resident",
      name: r.name,
      name_kana: r.nameKana,
      search_name: nameSearchKey([str(r.name), str(r.alias), str(r.nameAlpha)]),
      search_kana: kanaSearchKey([str(r.nameKana), str(r.aliasKana)]),
      resident_code: r.residentCode,
      household_id: r.householdId,
      relationship: r.relationship,
      name_alpha: r.nameAlpha,
      alias: r.alias,
      alias_kana: r.aliasKana,
      birth_date: r.birthDate,
      sex: code(sexByCode, r.sex),
      nationality: r.nationality,
      residence_status: r.residenceStatus,
      residence_period_to: r.residencePeriodTo,
      status,
      status_date: r.statusDate,
      town_code: r.townCode,
      lot: r.lot,
      katagaki: r.katagaki,
      outside_address: r.outsideAddress,
      resident_since: r.residentSince,
      card_expires_on: r.cardExpiresOn,
      search_address: inCity(r),
    });
    // The household is described by its head's row (or its first active member's, if no head is listed).
    if (status === "active" && r.householdId) {
      const id = String(r.householdId);
      const isHead = r.relationship === "世帯主";
      if (isHead || !households.has(id)) {
        households.set(id, {
          id,
          head_person_id: r.personId,
          town_code: r.townCode,
          lot: r.lot,
          katagaki: r.katagaki ?? "",
          formed_on: null,
        });
      }
    }
    if (r.supportMeasure) {
      support.push({
        person_id: r.personId,
        kind: code(supportKindByCode, r.supportMeasure),
        from_date: r.supportFrom ?? r.lastChangeOn,
        to_date: r.supportTo,
        requested_by: r.supportRequestedBy,
      });
    }
    if (r.issuanceBan)
      bans.push({ person_id: r.personId, reason: r.issuanceBan, from_date: r.issuanceBanFrom });
    // The latest rename is kept as its own history row, so the former name stays searchable.
    if (r.previousName && r.nameChangedOn) {
      changes.push({
        person_id: r.personId,
        kind: "nameChange",
        occurred_on: r.nameChangedOn,
        notified_on: null,
        from_address: null,
        to_address: null,
        previous_name: r.previousName,
        previous_name_kana: r.previousNameKana,
        previous_search_name: nameSearchKey([str(r.previousName)]),
        previous_search_kana: kanaSearchKey([str(r.previousNameKana)]),
        from_address_key: null,
      });
    }
    const renameIsLatest =
      code(changeKindByCode, r.lastChangeKind) === "nameChange" && r.nameChangedOn === r.lastChangeOn;
    if (r.lastChangeKind && r.lastChangeOn && !renameIsLatest) {
      changes.push({
        person_id: r.personId,
        kind: code(changeKindByCode, r.lastChangeKind),
        occurred_on: r.lastChangeOn,
        notified_on: r.lastNotifiedOn,
        from_address: r.previousAddress,
        to_address: null,
        previous_name: null,
        previous_name_kana: null,
        previous_search_name: null,
        previous_search_kana: null,
        from_address_key: r.previousAddress ? addressKey(String(r.previousAddress)) : null,
      });
    }
  }
  return {
    owned: [
      personOwned("resident", persons),
      { table: "household", keys: ["id"], rows: withHouseholds ? [...households.values()] : [] },
      { table: "support_measure", keys: ["person_id"], rows: support },
      { table: "issuance_ban", keys: ["person_id"], rows: bans },
    ],
    appended: [{ table: "residence_change", conflict: ["person_id", "kind", "occurred_on"], rows: changes }],
  };
}

/** "845B_E0102" (validated by the column type) → 葛 + U+E0102. */
function gaijiText(unicode: string): string {
  return unicode
    .split("_")
    .map((hex) => String.fromCodePoint(Number.parseInt(hex, 16)))
    .join("");
}

function snake(id: string): string {
  return id.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}
