import type { FunctionPermission } from "@ichimado/core/auth/permissions";

/**
 * The screen each function opens. supportMeasureView is not a screen: it widens what search shows.
 * Later screens replace the placeholders at these paths.
 */
export const functionRoutes: Partial<Record<FunctionPermission, string>> = {
  search: "/search",
  reception: "/cases",
  certificates: "/certificates",
  print: "/print",
  export: "/export",
  statistics: "/statistics",
  catalogAdmin: "/admin/catalog",
  staffAdmin: "/admin/staff",
  auditView: "/audit",
  dataFeedAdmin: "/admin/feeds",
  noticeAdmin: "/admin/notices",
};

/** A screen named for what it shows where the permission's name says less (手続き設定 opens the catalog). */
export const functionScreenLabels: Partial<Record<FunctionPermission, string>> = {
  catalogAdmin: "手続きカタログ",
};

/** Further screens a function opens, listed after its own in the menu (administrators' settings). */
export const moreScreens: Partial<Record<FunctionPermission, { to: string; label: string }[]>> = {
  reception: [{ to: "/cases/progress", label: "進捗管理" }],
  catalogAdmin: [
    { to: "/admin/documents", label: "帳票様式" },
    { to: "/admin/certificates", label: "証明書の設定" },
    { to: "/admin/memo-templates", label: "定型文" },
  ],
  staffAdmin: [{ to: "/admin/api-tokens", label: "APIトークン" }],
};
