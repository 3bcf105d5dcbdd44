import type { SessionInfo } from "@ichimado/core/auth/schemas";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type ReactNode, useEffect } from "react";
import { Link, NavLink, useNavigate } from "react-router";
import { logout } from "../auth/api.ts";
import { CounterSwitcher } from "../auth/counter-switcher.tsx";
import { setSession } from "../auth/session.ts";
import { SelectionTray } from "../search/selection-tray.tsx";
import { focusRing, secondaryButton } from "./ui.tsx";

/** The frame of every screen after login: who, where, switch counter, log out. */
/**
 * The register's MJ characters (styles.css) come from a style sheet only staff may read, so it is
 * added once logged in. A plain element, not React's <link precedence>: React holds back every
 * commit while such a sheet loads (a second, the first time the server cuts the font), and input
 * typed meanwhile was lost.
 */
function useRegisterFont(): void {
  useEffect(() => {
    if (document.querySelector("link[data-register-font]")) return;
    const link = document.createElement("link");
    link.rel = "stylesheet";
    link.href = "/api/v1/fonts/register.css";
    link.dataset.registerFont = "";
    document.head.append(link);
  }, []);
}

export function AppLayout({ session, children }: { session: SessionInfo; children: ReactNode }) {
  useRegisterFont();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const signOut = useMutation({
    mutationFn: logout,
    onSettled: () => {
      setSession(queryClient, null);
      navigate("/login", { replace: true });
    },
  });
  return (
    <div className="min-h-screen bg-solid-gray-50 text-solid-gray-900">
      <a
        href="#main"
        className={`sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:bg-white focus:p-2 ${focusRing}`}
      >
        本文へ移動
      </a>
      <header className="border-b border-solid-gray-420 bg-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-6 py-3">
          <Link to="/" className={`text-std-24B-150 text-blue-900 ${focusRing}`}>
            いちまど
          </Link>
          <dl className="flex flex-wrap gap-x-4 text-dns-16N-130">
            <div className="flex gap-1">
              <dt className="text-solid-gray-700">職員</dt>
              <dd data-testid="staff-name">{session.staff.name}</dd>
            </div>
            <div className="flex gap-1">
              <dt className="text-solid-gray-700">窓口</dt>
              <dd data-testid="current-counter">{session.counter?.name}</dd>
            </div>
          </dl>
          <QuickLinks session={session} />
          <div className="ml-auto flex items-center gap-2">
            <CounterSwitcher session={session} />
            <Link to="/password" className={`px-2 text-dns-16N-130 text-blue-900 underline ${focusRing}`}>
              パスワード変更
            </Link>
            <button
              type="button"
              className={secondaryButton}
              onClick={() => signOut.mutate()}
              disabled={signOut.isPending}
            >
              ログアウト
            </button>
          </div>
        </div>
      </header>
      {session.functions.includes("search") && <SelectionTray />}
      <main id="main" tabIndex={-1} className="mx-auto max-w-6xl px-6 py-8 outline-none">
        {children}
      </main>
    </div>
  );
}

const quickLinks = [
  { fn: "search", to: "/search", label: "宛名検索" },
  { fn: "reception", to: "/cases", label: "対応一覧" },
  { fn: "catalogAdmin", to: "/admin/catalog", label: "手続きカタログ" },
] as const;

/** The counter's everyday screens, one key press away from any screen (and from each other). */
function QuickLinks({ session }: { session: SessionInfo }) {
  const links = quickLinks.filter((l) => session.functions.includes(l.fn));
  if (links.length === 0) return null;
  return (
    <nav aria-label="窓口の主な画面">
      <ul className="flex gap-1">
        {links.map((l) => (
          <li key={l.to}>
            <NavLink
              to={l.to}
              className={({ isActive }) =>
                `inline-flex min-h-10 items-center rounded-8 px-3 text-dns-16B-120 text-blue-900 underline hover:bg-blue-50 ${isActive ? "bg-blue-50" : ""} ${focusRing}`
              }
            >
              {l.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
