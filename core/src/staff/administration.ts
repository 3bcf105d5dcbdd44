import type { FunctionPermission } from "../auth/permissions.ts";
import type { Assignment } from "./schemas.ts";

export interface AccountState {
  id: string;
  disabled: boolean;
  validFrom: string;
  validTo: string | null;
  assignments: readonly Assignment[];
}

export interface OrganisationState {
  staff: readonly AccountState[];
  /** each role's functions */
  roleFunctions: ReadonlyMap<string, readonly FunctionPermission[]>;
  activeCounters: ReadonlySet<string>;
}

/** Whether an account may log in today and act as 職員・権限管理 at some counter. */
export function holdsStaffAdmin(account: AccountState, org: OrganisationState, today: string): boolean {
  const usable =
    !account.disabled && account.validFrom <= today && (account.validTo === null || account.validTo >= today);
  return (
    usable &&
    account.assignments.some(
      (a) =>
        org.activeCounters.has(a.counterId) && (org.roleFunctions.get(a.roleId) ?? []).includes("staffAdmin"),
    )
  );
}

/**
 * The state after a change must leave the administrator who makes it able to administer: whoever
 * changes staff holds staffAdmin, so this also means some active holder is left and the city is
 * never locked out of its own accounts. Null when the change may go ahead, else the refusal.
 */
export function selfLockoutProblem(org: OrganisationState, actorId: string, today: string): string | null {
  const actor = org.staff.find((s) => s.id === actorId);
  if (actor && holdsStaffAdmin(actor, org, today)) return null;
  return "この変更を行うと、あなた自身が職員・権限管理を使えなくなり、職員の管理ができなくなるおそれがあります。自分を無効にしたり、自分の最後の管理者の担当・権限を外したりすることはできません（必要なら別の管理者に依頼してください）";
}
