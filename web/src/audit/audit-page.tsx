import { type KeyboardEvent, useRef, useState } from "react";
import { useTitle } from "../app/ui.tsx";
import { AnalysisPanel } from "./analysis-panel.tsx";
import { EntriesPanel } from "./entries-panel.tsx";
import { VerifyPanel } from "./verify-panel.tsx";

const tabs = [
  { id: "entries", label: "記録の一覧" },
  { id: "analysis", label: "分析" },
] as const;
type Tab = (typeof tabs)[number]["id"];

/** 監査証跡 (auditView): the log filtered and paged, its CSV, 改ざん検査, and the analysis. */
export function AuditPage() {
  useTitle("監査証跡");
  const [tab, setTab] = useState<Tab>("entries");
  const buttons = useRef<Record<Tab, HTMLButtonElement | null>>({ entries: null, analysis: null });

  // The tablist's keys (WAI-ARIA): ← → move between tabs, Home / End to the first and last.
  const onKeyDown = (event: KeyboardEvent) => {
    const index = tabs.findIndex((t) => t.id === tab);
    const next =
      event.key === "ArrowRight"
        ? (index + 1) % tabs.length
        : event.key === "ArrowLeft"
          ? (index + tabs.length - 1) % tabs.length
          : event.key === "Home"
            ? 0
            : event.key === "End"
              ? tabs.length - 1
              : null;
    if (next === null) return;
    event.preventDefault();
    const id = (tabs[next] ?? tabs[0]).id;
    setTab(id);
    buttons.current[id]?.focus();
  };

  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-std-28B-150">監査証跡</h1>
      <p className="text-dns-16N-130 text-solid-gray-700">
        職員の照会・変更・印刷・出力・ログインなどの記録です。記録は改ざんできないよう連結されています。この画面での閲覧・出力・検査もすべて記録されます。
      </p>
      <VerifyPanel />
      <div role="tablist" aria-label="監査証跡の表示" className="flex gap-2 border-b-2 border-solid-gray-420">
        {tabs.map((t) => (
          <button
            key={t.id}
            ref={(el) => {
              buttons.current[t.id] = el;
            }}
            id={`audit-tab-${t.id}`}
            type="button"
            role="tab"
            aria-selected={tab === t.id}
            aria-controls={`audit-panel-${t.id}`}
            tabIndex={tab === t.id ? 0 : -1}
            onClick={() => setTab(t.id)}
            onKeyDown={onKeyDown}
            className={`-mb-0.5 min-h-12 border-b-4 px-4 text-std-16B-170 outline-none focus-visible:outline-4 focus-visible:outline-black ${
              tab === t.id ? "border-blue-900 text-blue-900" : "border-transparent text-solid-gray-700"
            }`}
          >
            {t.label}
          </button>
        ))}
      </div>
      {tabs.map((t) => (
        <div
          key={t.id}
          id={`audit-panel-${t.id}`}
          role="tabpanel"
          aria-labelledby={`audit-tab-${t.id}`}
          hidden={tab !== t.id}
        >
          {/* both stay mounted, so a filter, a page or an analysis is still there on coming back */}
          {t.id === "entries" ? <EntriesPanel /> : <AnalysisPanel />}
        </div>
      ))}
    </div>
  );
}
