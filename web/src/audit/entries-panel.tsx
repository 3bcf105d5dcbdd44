import { actionLabel, detailSummary, entryTime, outcomeLabel } from "@ichimado/core/audit/columns";
import { type AuditFilter, auditExportMaxRows } from "@ichimado/core/audit/filter";
import { type ExportEncoding, exportEncodingLabels, exportEncodings } from "@ichimado/core/statistics/period";
import { useMutation } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { errorMessage } from "../app/api.ts";
import { DownloadStatus } from "../app/download-status.tsx";
import { ErrorAlert, Loading, secondaryButton, TableHead } from "../app/ui.tsx";
import { type AuditCursor, downloadAuditExport, useAuditPage } from "./api.ts";
import { FilterForm } from "./filter-form.tsx";

const columns = ["番号", "日時（日本時間）", "職員", "窓口", "操作", "対象", "宛名番号", "結果", "詳細"];

/** The filtered log, newest first, a page at a time; and the same filter as CSV. */
export function EntriesPanel() {
  const [filter, setFilter] = useState<AuditFilter>({});
  const [cursor, setCursor] = useState<AuditCursor>(null);
  // 絞り込む reads afresh even with the same conditions (new rows may have come in): each press
  // starts a round of its own, which the pages of that round share.
  const [round, setRound] = useState(0);
  const page = useAuditPage(filter, cursor, round);
  const table = useRef<HTMLTableElement>(null);

  const choose = (next: AuditFilter) => {
    setFilter(next);
    setCursor(null);
    setRound((n) => n + 1);
  };
  // After turning a page, reading goes on from the table's caption rather than the button.
  const turn = (next: AuditCursor) => {
    setCursor(next);
    table.current?.focus();
  };

  const data = page.data;
  return (
    <div className="flex flex-col gap-6">
      <FilterForm onChoose={choose} />
      <Exports filter={filter} />
      {page.isPending ? (
        <Loading />
      ) : page.isError ? (
        <ErrorAlert message={errorMessage(page.error)} />
      ) : (
        <section
          aria-labelledby="audit-entries"
          aria-busy={page.isPlaceholderData}
          className="flex flex-col gap-3"
        >
          <h2 id="audit-entries" className="text-std-20B-150">
            記録{page.isPlaceholderData && "（読み込み中…）"}
          </h2>
          <p role="status" className="text-dns-16N-130">
            {data && data.entries.length === 0
              ? "条件に当てはまる記録はありません。"
              : `${data?.entries.length ?? 0} 件を新しい順に表示しています。`}
          </p>
          {data && data.entries.length > 0 && (
            <div className="overflow-x-auto">
              <table
                ref={table}
                tabIndex={-1}
                className="w-full border-collapse bg-white text-left text-dns-14N-130"
              >
                <caption className="sr-only">監査証跡の記録（新しい順）</caption>
                <TableHead columns={columns} nowrap />
                <tbody>
                  {data?.entries.map((e) => (
                    <tr key={e.seq} className="border-b border-solid-gray-420 align-top">
                      <td className="px-3 py-2 tabular-nums">{e.seq}</td>
                      <td className="whitespace-nowrap px-3 py-2 tabular-nums">{entryTime(e)}</td>
                      <td className="px-3 py-2">
                        {e.staffName ?? "—"}
                        {e.loginId && <span className="block text-solid-gray-700">{e.loginId}</span>}
                      </td>
                      <td className="px-3 py-2">{e.counterName ?? e.counterId ?? "—"}</td>
                      <td className="px-3 py-2">{actionLabel(e.action)}</td>
                      <td className="break-all px-3 py-2">{e.target}</td>
                      <td className="px-3 py-2 tabular-nums">{e.personIds.join("、")}</td>
                      <td className={`px-3 py-2 ${e.outcome === "success" ? "" : "font-bold text-error-2"}`}>
                        {outcomeLabel(e.outcome)}
                      </td>
                      <td className="break-all px-3 py-2" title={JSON.stringify(e.detail)}>
                        {detailSummary(e.detail)}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <nav aria-label="ページ" className="flex gap-3">
            <button
              type="button"
              className={secondaryButton}
              disabled={!data || data.newer === null}
              onClick={() => data?.newer != null && turn({ after: data.newer })}
            >
              前のページ（新しい記録）
            </button>
            <button
              type="button"
              className={secondaryButton}
              disabled={!data || data.older === null}
              onClick={() => data?.older != null && turn({ before: data.older })}
            >
              次のページ（古い記録）
            </button>
          </nav>
        </section>
      )}
    </div>
  );
}

function Exports({ filter }: { filter: AuditFilter }) {
  const download = useMutation({
    mutationFn: (encoding: ExportEncoding) => downloadAuditExport(filter, encoding),
  });
  return (
    <section aria-labelledby="audit-exports" className="flex flex-col gap-3">
      <h2 id="audit-exports" className="text-std-20B-150">
        CSV出力
      </h2>
      <p className="text-dns-16N-130 text-solid-gray-700">
        いまの絞り込み条件に当てはまる記録をすべて出力します（{auditExportMaxRows.toLocaleString("ja-JP")}
        件まで）。出力したことも監査証跡に記録されます。
      </p>
      <div className="flex flex-wrap gap-3">
        {exportEncodings.map((encoding) => (
          <button
            key={encoding}
            type="button"
            className={secondaryButton}
            disabled={download.isPending}
            onClick={() => download.mutate(encoding)}
          >
            CSV出力（{exportEncodingLabels[encoding]}）
          </button>
        ))}
      </div>
      <DownloadStatus done={download.data} error={download.error} />
    </section>
  );
}
