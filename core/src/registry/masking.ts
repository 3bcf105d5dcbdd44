import type { EffectivePermissions } from "../auth/permissions.ts";

/**
 * The masking policy for 支援措置 (DV等支援措置). One rule for every output path (screen, API, PDF,
 * CSV, RPA): the address of a protected person, and of everyone in their household (they share it),
 * is shown only to a role allowed to see it, and only after staff acknowledged the warning.
 * Everything else about the person stays visible: staff must be able to find them to protect them.
 */
export interface Protection {
  /** The person, or someone in their household, has an active support measure. */
  protected: boolean;
  /** This staff member acknowledged the warning for this person in this session. */
  acknowledged: boolean;
}

export function mayViewProtectedAddress(permissions: Pick<EffectivePermissions, "functions">): boolean {
  return permissions.functions.has("supportMeasureView");
}

export function addressVisible(
  permissions: Pick<EffectivePermissions, "functions">,
  protection: Protection,
): boolean {
  if (!protection.protected) return true;
  return mayViewProtectedAddress(permissions) && protection.acknowledged;
}

/**
 * Whether a search may match on address at all for this person: a role that may not see a protected
 * address must not learn it by finding the person through it either.
 */
export function mayMatchOnAddress(
  permissions: Pick<EffectivePermissions, "functions">,
  protection: Protection,
): boolean {
  return !protection.protected || mayViewProtectedAddress(permissions);
}

/** A support measure is in force from its first day to its last (inclusive); no end date means open. */
export function isActiveMeasure(
  measure: { fromDate: string; toDate: string | null },
  today: string,
): boolean {
  return measure.fromDate <= today && (measure.toDate === null || today <= measure.toDate);
}
