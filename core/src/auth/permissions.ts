import { z } from "zod";
import { type ProgrammeKey, programmeKeySchema } from "../programmes/programmes.ts";

/**
 * Functions a role may use at a counter. Every server route names one of these, or a few of which
 * any one will do (or is public / needs only a session); the guard checks it against the role held
 * at the staff member's current counter.
 */
export const functionPermissions = [
  "search",
  "reception",
  "certificates",
  "print",
  "export",
  "statistics",
  "supportMeasureView",
  "catalogAdmin",
  "staffAdmin",
  "auditView",
  "dataFeedAdmin",
  "noticeAdmin",
] as const;

export const functionPermissionSchema = z.enum(functionPermissions);
export type FunctionPermission = z.infer<typeof functionPermissionSchema>;

export const functionPermissionLabels: Record<FunctionPermission, string> = {
  search: "宛名検索・照会",
  reception: "届出受付",
  certificates: "証明受付",
  print: "申請書印刷",
  export: "データ出力",
  statistics: "統計",
  supportMeasureView: "支援措置対象者の住所表示",
  catalogAdmin: "手続き設定",
  staffAdmin: "職員・権限管理",
  auditView: "監査証跡の閲覧",
  dataFeedAdmin: "データ連携管理",
  noticeAdmin: "伝達事項管理",
};

export const roleSchema = z.object({
  id: z.string().min(1).max(40),
  name: z.string().min(1).max(60),
  functions: z.array(functionPermissionSchema),
  /** programmes whose enrollments (資格情報) the role may see */
  visibleProgrammes: z.array(programmeKeySchema),
  /** programmes whose procedures the role may accept (受付権限) */
  acceptedProgrammes: z.array(programmeKeySchema),
});
export type Role = z.infer<typeof roleSchema>;

/** What a staff member may do at the counter they currently act at: the union of their roles there. */
export interface EffectivePermissions {
  functions: ReadonlySet<FunctionPermission>;
  visibleProgrammes: ReadonlySet<ProgrammeKey>;
  acceptedProgrammes: ReadonlySet<ProgrammeKey>;
}

export function effectivePermissions(roles: readonly Role[]): EffectivePermissions {
  return {
    functions: new Set(roles.flatMap((r) => r.functions)),
    visibleProgrammes: new Set(roles.flatMap((r) => r.visibleProgrammes)),
    acceptedProgrammes: new Set(roles.flatMap((r) => r.acceptedProgrammes)),
  };
}

/** What an API token (for robots and other systems, not staff) may be used for. */
export const apiScopes = ["rpa", "metrics"] as const;
export const apiScopeSchema = z.enum(apiScopes);
export type ApiScope = z.infer<typeof apiScopeSchema>;
export const apiScopeLabels: Record<ApiScope, string> = {
  rpa: "RPA連携（ジョブの取得と結果の報告）",
  metrics: "監視（Prometheus による /metrics の取得）",
};

/**
 * How a route is reached: without a session, with any session, with a function permission, or
 * with an API token of a scope (robots: `Authorization: Bearer …`, no session, no counter).
 */
export type RouteAccess =
  | { kind: "public" }
  | { kind: "session"; allowPendingPasswordChange?: boolean; allowNoCounter?: boolean }
  | { kind: "permission"; permission: FunctionPermission | readonly FunctionPermission[] }
  | { kind: "token"; scope: ApiScope };

/**
 * The permissions a permission route accepts, any one of which lets a staff member through: a route
 * two screens share (対応履歴 CSV for 統計 and データ出力) names both, rather than one screen
 * borrowing the other's permission.
 */
export function acceptedPermissions(access: {
  permission: FunctionPermission | readonly FunctionPermission[];
}): readonly FunctionPermission[] {
  return typeof access.permission === "string" ? [access.permission] : access.permission;
}
