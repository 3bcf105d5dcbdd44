import type { ProgrammeKey } from "../programmes/programmes.ts";
import type { ProcedureDefinition } from "./procedures.ts";

/**
 * Whether a staff member may take a procedure at their counter (受付・審査・完了): their roles there
 * must accept its programme, and when the procedure names roles, hold one of them. Otherwise the
 * counter refers the visitor to the procedure's own counter.
 */
export function mayHandle(
  procedure: Pick<ProcedureDefinition, "programme"> & Partial<Pick<ProcedureDefinition, "handlingRoles">>,
  staff: { roleIds: readonly string[]; acceptedProgrammes: ReadonlySet<ProgrammeKey> },
): boolean {
  if (!staff.acceptedProgrammes.has(procedure.programme)) return false;
  const roles = procedure.handlingRoles ?? [];
  return roles.length === 0 || roles.some((r) => staff.roleIds.includes(r));
}
