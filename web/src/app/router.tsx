import type { FunctionPermission } from "@ichimado/core/auth/permissions";
import type { SessionInfo } from "@ichimado/core/auth/schemas";
import { type ComponentType, lazy, Suspense } from "react";
import { Navigate, Outlet, Route, Routes, useLocation, useOutletContext } from "react-router";
import { AuditPage } from "../audit/audit-page.tsx";
import { ApiTokensPage } from "../auth/api-tokens-page.tsx";
import { CounterPage } from "../auth/counter-page.tsx";
import { LoginPage } from "../auth/login-page.tsx";
import { PasswordPage } from "../auth/password-page.tsx";
import { useSession } from "../auth/session.ts";
import { CasePage } from "../cases/case-page.tsx";
import { CasesPage } from "../cases/cases-page.tsx";
import { ProgressPage } from "../cases/progress-page.tsx";
import { CatalogPage } from "../catalog/catalog-page.tsx";
import { ProcedureEditorPage } from "../catalog/procedure-editor-page.tsx";
import { QuestionEditorPage } from "../catalog/question-editor-page.tsx";
import { CertificatesPage } from "../certificates/certificates-page.tsx";
import { CertificateSettingsPage } from "../certificates/settings-page.tsx";
import { PrintPage } from "../documents/print-page.tsx";
import { TemplateListPage } from "../documents/template-list-page.tsx";
import { ExportPage } from "../export/export-page.tsx";
import { functionRoutes } from "../home/functions.ts";
import { HomePage } from "../home/home-page.tsx";
import { MemoTemplatesAdminPage } from "../memos/memo-templates-admin-page.tsx";
import { NoticesAdminPage } from "../notices/notices-admin-page.tsx";
import { FeedsPage } from "../registry/feeds-page.tsx";
import { PersonPage } from "../search/person-page.tsx";
import { SearchPage } from "../search/search-page.tsx";
import { CountersPage } from "../staff/counters-page.tsx";
import { StaffImportPage } from "../staff/import-page.tsx";
import { RolesPage } from "../staff/roles-page.tsx";
import { StaffEditorPage } from "../staff/staff-editor-page.tsx";
import { StaffPage } from "../staff/staff-page.tsx";
import { StatisticsPage } from "../statistics/statistics-page.tsx";
import { errorMessage } from "./api.ts";
import { AppLayout } from "./layout.tsx";
import { Placeholder } from "./placeholder.tsx";
import { ErrorAlert, Loading } from "./ui.tsx";

// pdf.js (drawing the base PDF) is loaded only when an administrator opens the designer.
const LazyDesigner = lazy(() =>
  import("../documents/template-designer-page.tsx").then((m) => ({ default: m.TemplateDesignerPage })),
);
function TemplateDesignerPage() {
  return (
    <Suspense fallback={<Loading />}>
      <LazyDesigner />
    </Suspense>
  );
}

/** Logged in, and the initial password already changed; otherwise to login or to the password page. */
function RequireSession() {
  const { data: session, isPending, error } = useSession();
  const location = useLocation();
  if (isPending) return <Loading />;
  if (error) return <ErrorAlert message={errorMessage(error)} />;
  if (!session) return <Navigate to="/login" replace />;
  if (session.mustChangePassword && location.pathname !== "/password") {
    return <Navigate to="/password" replace />;
  }
  return <Outlet context={session} />;
}

/** A counter chosen; the app's frame around the screen. */
function RequireCounter() {
  const session = useOutletContext<SessionInfo>();
  if (!session.counter) return <Navigate to="/counter" replace />;
  return (
    <AppLayout session={session}>
      <Outlet context={session} />
    </AppLayout>
  );
}

function Home() {
  return <HomePage session={useOutletContext<SessionInfo>()} />;
}

/** The screens built so far; the rest are placeholders. */
const screens: Partial<Record<FunctionPermission, ComponentType>> = {
  auditView: AuditPage,
  catalogAdmin: CatalogPage,
  certificates: CertificatesPage,
  dataFeedAdmin: FeedsPage,
  export: ExportPage,
  noticeAdmin: NoticesAdminPage,
  print: PrintPage,
  reception: CasesPage,
  search: SearchPage,
  staffAdmin: StaffPage,
  statistics: StatisticsPage,
};

/** A function's screen, or the placeholder that says this counter may not use it. */
function FunctionScreen({ fn, screen }: { fn: FunctionPermission; screen?: ComponentType }) {
  const session = useOutletContext<SessionInfo>();
  const Screen = screen ?? screens[fn];
  if (!Screen || !session.functions.includes(fn)) return <Placeholder session={session} fn={fn} />;
  return <Screen />;
}

export function AppRoutes() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route element={<RequireSession />}>
        <Route path="/password" element={<PasswordPage />} />
        <Route path="/counter" element={<CounterPage />} />
        <Route element={<RequireCounter />}>
          <Route index element={<Home />} />
          {Object.entries(functionRoutes).map(([fn, path]) => (
            <Route key={fn} path={path} element={<FunctionScreen fn={fn as FunctionPermission} />} />
          ))}
          <Route path="/persons/:id" element={<FunctionScreen fn="search" screen={PersonPage} />} />
          <Route path="/cases/progress" element={<FunctionScreen fn="reception" screen={ProgressPage} />} />
          <Route path="/cases/:id" element={<FunctionScreen fn="reception" screen={CasePage} />} />
          {/* "new" is a valid key, so new entries have paths of their own. */}
          <Route
            path="/admin/catalog/procedures/:key"
            element={<FunctionScreen fn="catalogAdmin" screen={ProcedureEditorPage} />}
          />
          <Route
            path="/admin/catalog/new-procedure"
            element={<FunctionScreen fn="catalogAdmin" screen={ProcedureEditorPage} />}
          />
          <Route
            path="/admin/catalog/questions/:key"
            element={<FunctionScreen fn="catalogAdmin" screen={QuestionEditorPage} />}
          />
          <Route
            path="/admin/catalog/new-question"
            element={<FunctionScreen fn="catalogAdmin" screen={QuestionEditorPage} />}
          />
          <Route
            path="/admin/documents"
            element={<FunctionScreen fn="catalogAdmin" screen={TemplateListPage} />}
          />
          <Route
            path="/admin/memo-templates"
            element={<FunctionScreen fn="catalogAdmin" screen={MemoTemplatesAdminPage} />}
          />
          <Route
            path="/admin/certificates"
            element={<FunctionScreen fn="catalogAdmin" screen={CertificateSettingsPage} />}
          />
          <Route
            path="/admin/documents/templates/:key"
            element={<FunctionScreen fn="catalogAdmin" screen={TemplateDesignerPage} />}
          />
          <Route
            path="/admin/documents/new-template"
            element={<FunctionScreen fn="catalogAdmin" screen={TemplateDesignerPage} />}
          />
          <Route
            path="/admin/staff/new"
            element={<FunctionScreen fn="staffAdmin" screen={StaffEditorPage} />}
          />
          <Route
            path="/admin/staff/import"
            element={<FunctionScreen fn="staffAdmin" screen={StaffImportPage} />}
          />
          <Route
            path="/admin/staff/:id"
            element={<FunctionScreen fn="staffAdmin" screen={StaffEditorPage} />}
          />
          <Route path="/admin/counters" element={<FunctionScreen fn="staffAdmin" screen={CountersPage} />} />
          <Route path="/admin/roles" element={<FunctionScreen fn="staffAdmin" screen={RolesPage} />} />
          <Route
            path="/admin/api-tokens"
            element={<FunctionScreen fn="staffAdmin" screen={ApiTokensPage} />}
          />
          <Route path="*" element={<Navigate to="/" replace />} />
        </Route>
      </Route>
    </Routes>
  );
}
