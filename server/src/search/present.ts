import { formatWareki } from "@ichimado/core/common/wareki";
import { addressVisible, mayViewProtectedAddress } from "@ichimado/core/registry/masking";
import type { PersonSummary } from "@ichimado/core/search/schemas";
import type { AuthContext } from "../auth/context.ts";
import type { PersonRow } from "./queries.ts";

/**
 * The one place a 宛名's address becomes text for output. Search results, the person view, the
 * household, history, and (in later issues) documents, CSV and RPA all go through `shownAddress`,
 * which applies core's masking policy: protected ⇒ only allowed roles, only after acknowledgement.
 */
export interface ProtectionState {
  protectedPersons: ReadonlySet<string>;
  protectedHouseholds: ReadonlySet<string>;
  acknowledgedPersons: ReadonlySet<string>;
  acknowledgedHouseholds: ReadonlySet<string>;
}

export function isProtected(
  state: ProtectionState,
  person: { id: string; household_id: string | null },
): boolean {
  return (
    state.protectedPersons.has(person.id) ||
    (person.household_id !== null && state.protectedHouseholds.has(person.household_id))
  );
}

/** This session acknowledged the 支援措置 warning for the person, or for someone of their household. */
export function isAcknowledged(
  state: ProtectionState,
  person: { id: string; household_id: string | null },
): boolean {
  return (
    state.acknowledgedPersons.has(person.id) ||
    (person.household_id !== null && state.acknowledgedHouseholds.has(person.household_id))
  );
}

/**
 * Whether `other` may be shown as living at `person`'s address: for a role that may not see
 * protected addresses, never when either is protected — beside the other's address it would tell
 * where the protected one lives. The same-address listing and 同一住所 links keep to it.
 */
export function mayShowAtSameAddress(
  auth: AuthContext,
  state: ProtectionState,
  person: { id: string; household_id: string | null },
  other: { id: string; household_id: string | null },
): boolean {
  return (
    mayViewProtectedAddress(auth.permissions) || !(isProtected(state, person) || isProtected(state, other))
  );
}

export function shownAddress(
  auth: AuthContext,
  state: ProtectionState,
  person: { id: string; household_id: string | null },
  text: string | null,
): { text: string | null; masked: boolean } {
  if (text === null) return { text: null, masked: false };
  const protection = { protected: isProtected(state, person), acknowledged: isAcknowledged(state, person) };
  if (addressVisible(auth.permissions, protection)) return { text, masked: false };
  return { text: null, masked: true };
}

/**
 * An address several persons share, such as the one a 住民異動届 moves a household to: hidden when
 * any of them may not have it shown. Returns the owner whose protection decided it (or the first),
 * so a reprint can ask again.
 */
export function shownSharedAddress(
  auth: AuthContext,
  state: ProtectionState,
  owners: readonly { id: string; household_id: string | null }[],
  text: string | null,
): { text: string | null; masked: boolean; ownerId: string | null } {
  for (const owner of owners) {
    const shown = shownAddress(auth, state, owner, text);
    if (shown.masked) return { ...shown, ownerId: owner.id };
  }
  return { text, masked: false, ownerId: owners[0]?.id ?? null };
}

export function addressText(
  row: Pick<PersonRow, "town_name" | "lot" | "katagaki" | "outside_address" | "status">,
): string | null {
  if (row.town_name && row.status === "active")
    return `出雲市${row.town_name}${row.lot ?? ""}${row.katagaki ? ` ${row.katagaki}` : ""}`;
  return row.outside_address ?? (row.town_name ? `出雲市${row.town_name}${row.lot ?? ""}` : null);
}

export interface Flags {
  bans: ReadonlySet<string>;
  arrears: ReadonlySet<string>;
  moveOuts: ReadonlySet<string>;
}

export function summary(
  auth: AuthContext,
  state: ProtectionState,
  flags: Flags,
  row: PersonRow,
  matchedBy: string | null = null,
): PersonSummary {
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    nameKana: row.name_kana,
    alias: row.alias,
    nameAlpha: row.name_alpha,
    birthDate: row.birth_date,
    birthDateWareki: row.birth_date ? formatWareki(row.birth_date) : null,
    sex: row.sex,
    status: row.status,
    statusDate: row.status_date,
    householdId: row.household_id,
    relationship: row.relationship,
    address: shownAddress(auth, state, row, addressText(row)),
    flags: {
      supportMeasure: isProtected(state, row),
      issuanceBan: flags.bans.has(row.id),
      arrears: flags.arrears.has(row.id),
      moveOutPending: flags.moveOuts.has(row.id),
    },
    matchedBy,
  };
}
