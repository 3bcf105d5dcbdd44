import type { ReactNode } from "react";
import { Link } from "react-router";
import { errorMessage } from "../app/api.ts";
import { focusRing } from "../app/ui.tsx";
import { RpaQueueStatus } from "../rpa/queue-status.tsx";
import { useFeedStatus } from "./api.ts";
import { feedAttention } from "./status.ts";

/** システム状態 (P48) on home: whether every feed's data is fresh, and which feeds need attention. */
export function SystemStatusPanel({ canManageFeeds }: { canManageFeeds: boolean }) {
  const status = useFeedStatus();
  let body: ReactNode;
  if (status.isPending) {
    body = <p>データ連携の状態を確認しています…</p>;
  } else if (status.isError) {
    body = (
      <p role="alert" className="text-error-2">
        データ連携の状態を取得できませんでした: {errorMessage(status.error)}
      </p>
    );
  } else {
    const now = Date.parse(status.data.checkedAt);
    const attention = status.data.feeds.flatMap((f) => {
      const reasons = feedAttention(f, now);
      return reasons.length > 0 ? [{ id: f.id, name: f.name, reasons }] : [];
    });
    body =
      attention.length === 0 ? (
        <p className="text-std-16B-170 text-green-900">
          <span aria-hidden="true">✓ </span>データ連携: 正常
          <span className="ml-2 text-dns-14N-130 text-solid-gray-700">
            （{status.data.feeds.length} 件すべて1日以内に取込済み）
          </span>
        </p>
      ) : (
        <>
          <p className="text-std-16B-170 text-orange-1100">
            <span aria-hidden="true">⚠ </span>データ連携: 要確認（{attention.length} 件）
          </p>
          <ul aria-label="確認が必要な連携" className="flex flex-col gap-1 text-dns-16N-130">
            {attention.map((a) => (
              <li key={a.id}>
                {a.name}: {a.reasons.join("・")}
              </li>
            ))}
          </ul>
        </>
      );
  }
  return (
    <section
      aria-labelledby="system-status-heading"
      className="flex flex-col gap-2 rounded-8 border border-solid-gray-420 bg-white p-4"
    >
      <h2 id="system-status-heading" className="text-std-20B-150">
        システム状態
      </h2>
      {body}
      <RpaQueueStatus />
      {canManageFeeds && (
        <Link to="/admin/feeds" className={`self-start text-blue-900 underline ${focusRing}`}>
          データ連携を開く
        </Link>
      )}
    </section>
  );
}
