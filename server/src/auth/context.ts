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
