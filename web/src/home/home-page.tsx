import { functionPermissionLabels } from "@ichimado/core/auth/permissions";
import type { SessionInfo } from "@ichimado/core/auth/schemas";
import { programmeLabels } from "@ichimado/core/programmes/programmes";
import { Link } from "react-router";
import { focusRing, useTitle } from "../app/ui.tsx";
import { NoticesPanel } from "../notices/notices-panel.tsx";
import { SystemStatusPanel } from "../registry/system-status.tsx";
import { functionRoutes, functionScreenLabels, moreScreens } from "./functions.ts";

export function HomePage({ session }: { session: SessionInfo }) {
  useTitle("ホーム");
  const menu = session.functions.flatMap((f) => {
    const to = functionRoutes[f];
    const own = to ? [{ key: f, to, label: functionScreenLabels[f] ?? functionPermissionLabels[f] }] : [];
    return [...own, ...(moreScreens[f] ?? []).map((s) => ({ key: s.to, ...s }))];
  });
  const accepted = new Set(session.acceptedProgrammes);
  return (
    <div className="flex flex-col gap-8">
      <h1 className="text-std-28B-150">ホーム</h1>
      <nav aria-labelledby="menu-heading" className="flex flex-col gap-3">
        <h2 id="menu-heading" className="text-std-20B-150">
          業務メニュー
        </h2>
        {menu.length === 0 ? (
          <p>この窓口で利用できる機能はありません。</p>
        ) : (
          <ul className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-3">
            {menu.map((item) => (
              <li key={item.key}>
                <Link
                  to={item.to}
                  className={`flex min-h-16 items-center rounded-8 border border-solid-gray-420 bg-white px-5 text-std-18B-160 text-blue-900 shadow-1 hover:bg-blue-50 ${focusRing}`}
                >
                  {item.label}
                </Link>
              </li>
            ))}
          </ul>
        )}
        {session.functions.includes("supportMeasureView") && (
          <p className="text-dns-14N-130 text-solid-gray-700">
            この窓口では{functionPermissionLabels.supportMeasureView}が許可されています。
          </p>
        )}
      </nav>
      {session.counter && <NoticesPanel counterId={session.counter.id} />}
      <SystemStatusPanel canManageFeeds={session.functions.includes("dataFeedAdmin")} />
      <section aria-labelledby="programmes-heading" className="flex flex-col gap-3">
        <h2 id="programmes-heading" className="text-std-20B-150">
          閲覧できる業務
        </h2>
        <ul aria-labelledby="programmes-heading" className="flex flex-wrap gap-2">
          {session.visibleProgrammes.map((p) => (
            <li
              key={p}
              className="rounded-full border border-solid-gray-420 bg-white px-3 py-1 text-dns-14N-130"
            >
              {programmeLabels[p]}
              {accepted.has(p) && <span className="ml-1 text-green-900">(受付可)</span>}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
