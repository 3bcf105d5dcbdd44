import { type NoticeView, noticeImportanceLabels } from "@ichimado/core/notices/notices";
import { errorMessage } from "../app/api.ts";
import { ErrorAlert, secondaryButton } from "../app/ui.tsx";
import { formatSeireki } from "../search/format.ts";
import { useMarkRead, useNotices } from "./api.ts";

/** 掲示期間 as staff read it: 2026年12月1日〜2026年12月28日, or from a day on. */
export function periodLabel(notice: Pick<NoticeView, "shownFrom" | "shownTo">): string {
  const to = notice.shownTo ? formatSeireki(notice.shownTo) : "取り下げまで";
  return `${formatSeireki(notice.shownFrom)}〜${to}`;
}

export function ImportantMark() {
  return (
    <span className="rounded-4 border border-error-1 bg-red-50 px-2 py-0.5 text-dns-14B-120 text-error-2">
      {noticeImportanceLabels.important}
    </span>
  );
}

/** 伝達事項 on home: the notices in force at this counter, unread ones marked, each one marked read. */
export function NoticesPanel({ counterId }: { counterId: string }) {
  const notices = useNotices(counterId);
  const markRead = useMarkRead();
  const unread = notices.data?.notices.filter((n) => n.readAt === null).length ?? 0;
  return (
    <section
      aria-labelledby="notices-heading"
      className="flex flex-col gap-3 rounded-8 border border-solid-gray-420 bg-white p-4"
    >
      <h2 id="notices-heading" className="text-std-20B-150">
        伝達事項
        {unread > 0 && <span className="ml-2 text-std-16B-170 text-orange-1100">（未読 {unread} 件）</span>}
      </h2>
      {markRead.isError && <ErrorAlert message={errorMessage(markRead.error)} />}
      {notices.isPending ? (
        <p>伝達事項を読み込んでいます…</p>
      ) : notices.isError ? (
        <p role="alert" className="text-error-2">
          伝達事項を取得できませんでした: {errorMessage(notices.error)}
        </p>
      ) : notices.data.notices.length === 0 ? (
        <p>この窓口への伝達事項はありません。</p>
      ) : (
        <ul aria-labelledby="notices-heading" className="flex flex-col gap-3">
          {notices.data.notices.map((n) => (
            <NoticeItem
              key={n.id}
              notice={n}
              pending={markRead.isPending && markRead.variables === n.id}
              onRead={() => markRead.mutate(n.id)}
            />
          ))}
        </ul>
      )}
    </section>
  );
}

function NoticeItem({
  notice,
  pending,
  onRead,
}: {
  notice: NoticeView;
  pending: boolean;
  onRead: () => void;
}) {
  const titleId = `notice-${notice.id}-title`;
  const unread = notice.readAt === null;
  return (
    <li
      aria-labelledby={titleId}
      className={`flex flex-col gap-2 rounded-8 border p-4 ${unread ? "border-blue-900 bg-blue-50" : "border-solid-gray-420"}`}
    >
      <div className="flex flex-wrap items-center gap-2">
        {notice.importance === "important" && <ImportantMark />}
        {unread && (
          <span className="rounded-4 border border-blue-900 bg-white px-2 py-0.5 text-dns-14B-120 text-blue-900">
            未読
          </span>
        )}
        <h3 id={titleId} className="text-std-18B-160">
          {notice.title}
        </h3>
      </div>
      <p className="whitespace-pre-wrap text-std-16N-170">{notice.body}</p>
      <p className="text-dns-14N-130 text-solid-gray-700">
        掲示期間: {periodLabel(notice)}・{notice.postedBy}
      </p>
      {unread ? (
        <button
          type="button"
          className={`self-start ${secondaryButton}`}
          aria-describedby={titleId}
          disabled={pending}
          onClick={onRead}
        >
          既読にする
        </button>
      ) : (
        <p className="text-dns-14N-130 text-green-1000">
          <span aria-hidden="true">✓ </span>既読
        </p>
      )}
    </li>
  );
}
