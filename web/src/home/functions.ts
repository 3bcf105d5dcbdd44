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
