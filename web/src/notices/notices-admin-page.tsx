import type { CounterSummary } from "@ichimado/core/auth/schemas";
import { type AdminNotice, noticeStateLabels } from "@ichimado/core/notices/notices";
import { useState } from "react";
import { errorMessage } from "../app/api.ts";
import { ConfirmChoice, ErrorAlert, Loading, secondaryButton, TableHead, useTitle } from "../app/ui.tsx";
import { SavedMessage } from "../cases/section.tsx";
import { EditorFrame } from "../catalog/editor-frame.tsx";
import { useAdminNotices, useWithdrawNotice } from "./api.ts";
import { NoticeForm } from "./notice-form.tsx";
import { ImportantMark, periodLabel } from "./notices-panel.tsx";

/**
 * `/admin/notices` (noticeAdmin): 伝達事項 to all staff or to chosen counters (P48), written, edited
 * and withdrawn here, each with how many have read it.
 */
export function NoticesAdminPage() {
  useTitle("伝達事項管理");
  const notices = useAdminNotices();
  const [editing, setEditing] = useState<AdminNotice | null>(null);
  const [said, setSaid] = useState("");
  const done = (message: string) => {
    setEditing(null);
    setSaid(message);
  };
  return (
    <EditorFrame title="伝達事項管理" back={{ to: "/", label: "ホームに戻る" }} boxed={false}>
      <p>
        全職員または選んだ窓口の職員に、ホーム画面で伝える事項です。掲載・編集・取り下げは監査証跡に残ります。
      </p>
      <SavedMessage message={said} />
      {notices.isPending ? (
        <Loading />
      ) : notices.isError ? (
        <ErrorAlert message={errorMessage(notices.error)} />
      ) : (
        <>
          <NoticeTable
            notices={notices.data.notices}
            counters={notices.data.counters}
            onEdit={(n) => {
              setSaid("");
              setEditing(n);
            }}
            onWithdrawn={(n) => done(`「${n.title}」を取り下げました`)}
          />
          <NoticeForm
            key={editing?.id ?? "new"}
            notice={editing}
            counters={notices.data.counters}
            onDone={done}
          />
        </>
      )}
    </EditorFrame>
  );
}

function NoticeTable({
  notices,
  counters,
  onEdit,
  onWithdrawn,
}: {
  notices: AdminNotice[];
  counters: CounterSummary[];
  onEdit: (notice: AdminNotice) => void;
  onWithdrawn: (notice: AdminNotice) => void;
}) {
  const [confirming, setConfirming] = useState<number | null>(null);
  const withdraw = useWithdrawNotice();
  if (notices.length === 0) return <p>伝達事項はまだありません。</p>;
  const counterName = new Map(counters.map((c) => [c.id, c.name]));
  return (
    <div className="flex flex-col gap-2">
      {withdraw.isError && <ErrorAlert message={errorMessage(withdraw.error)} />}
      <div className="overflow-x-auto">
        <table className="w-full border-collapse bg-white text-left text-dns-16N-130">
          <caption className="sr-only">伝達事項の一覧</caption>
          <TableHead columns={["件名", "対象", "掲示期間", "状態", "既読", "操作"]} nowrap />
          <tbody>
            {notices.map((n) => (
              <tr key={n.id} className="border-b border-solid-gray-420 align-top">
                <th scope="row" className="px-3 py-2 font-normal">
                  <span className="flex flex-wrap items-center gap-2">
                    {n.importance === "important" && <ImportantMark />}
                    {n.title}
                  </span>
                  <span className="block text-dns-14N-130 text-solid-gray-700">
                    {n.postedBy}
                    {n.updatedBy !== n.postedBy && `（更新: ${n.updatedBy}）`}
                  </span>
                </th>
                <td className="px-3 py-2">
                  {n.audience.kind === "all"
                    ? "全職員"
                    : n.audience.counterIds.map((id) => counterName.get(id) ?? id).join("、")}
                </td>
                <td className="px-3 py-2">{periodLabel(n)}</td>
                <td className="whitespace-nowrap px-3 py-2">{noticeStateLabels[n.state]}</td>
                <td className="whitespace-nowrap px-3 py-2">{n.readCount} 人</td>
                <td className="px-3 py-2">
                  {n.state === "withdrawn" ? null : confirming === n.id ? (
                    <ConfirmChoice
                      message={`「${n.title}」を取り下げると、すべての職員のホームから消えます。`}
                      action="取り下げる"
                      pending={withdraw.isPending}
                      onConfirm={() =>
                        withdraw.mutate(n.id, {
                          onSuccess: () => {
                            setConfirming(null);
                            onWithdrawn(n);
                          },
                        })
                      }
                      onCancel={() => setConfirming(null)}
                    />
                  ) : (
                    <div className="flex flex-wrap gap-2">
                      <button
                        type="button"
                        className={secondaryButton}
                        aria-label={`「${n.title}」を編集`}
                        onClick={() => onEdit(n)}
                      >
                        編集
                      </button>
                      <button
                        type="button"
                        className={secondaryButton}
                        aria-label={`「${n.title}」を取り下げる`}
                        onClick={() => setConfirming(n.id)}
                      >
                        取り下げる…
                      </button>
                    </div>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
