import type { EffectivePermissions } from "@ichimado/core/auth/permissions";

/** The authenticated staff member behind a request, with what they may do at their current counter. */
export interface AuthContext {
  staffId: number;
  loginId: string;
  name: string;
  tokenHash: string;
  counterId: string | null;
  mustChangePassword: boolean;
  roles: { id: string; name: string }[];
  permissions: EffectivePermissions;
  expiresAt: Date;
}

/** The staff member as the catalog's handling rule sees them (core/catalog/handling.ts). */
export function staffOf(auth: AuthContext): {
  roleIds: string[];
  acceptedProgrammes: EffectivePermissions["acceptedProgrammes"];
} {
  return { roleIds: auth.roles.map((r) => r.id), acceptedProgrammes: auth.permissions.acceptedProgrammes };
}
