import {
  type ImportRun,
  type ImportRunDetail,
  type ImportRunStatus,
  importRunStatusLabels,
  importSourceLabels,
} from "@ichimado/core/feeds/schemas";
import { TableHead } from "../app/ui.tsx";
import { formatDateTime, rowCounts, type StatusTone, statusTone } from "./status.ts";

const toneClass: Record<StatusTone, string> = {
  success: "border-green-800 bg-green-50 text-green-1000",
  error: "border-red-900 bg-red-50 text-red-1000",
  warning: "border-orange-800 bg-orange-50 text-orange-1100",
  progress: "border-blue-900 bg-blue-50 text-blue-1000",
};

const toneMark: Record<StatusTone, string> = { success: "✓", error: "✕", warning: "!", progress: "…" };

/** A run's status: the label always in text, the colour and mark only repeat it. */
export function StatusBadge({ status }: { status: ImportRunStatus }) {
  const tone = statusTone(status);
  return (
    <span
      className={`inline-flex items-center gap-1 whitespace-nowrap rounded-4 border px-2 text-dns-14B-130 ${toneClass[tone]}`}
    >
      <span aria-hidden="true">{toneMark[tone]}</span>
      {importRunStatusLabels[status]}
    </span>
  );
}

export const modeLabels: Record<ImportRun["mode"], string> = { full: "全件", differential: "差分" };

const encodingLabels: Record<string, string> = { "utf-8": "UTF-8", cp932: "Shift_JIS (CP932)" };

/** Everything about one run: what was delivered, how it went, and which lines were refused. */
export function RunDetailView({ run }: { run: ImportRunDetail }) {
  const more = run.problemCount - run.problems.length;
  return (
    <div className="flex flex-col gap-4">
      <dl className="grid grid-cols-[max-content_1fr] gap-x-6 gap-y-1 text-dns-16N-130">
        <dt className="text-solid-gray-700">状態</dt>
        <dd>
          <StatusBadge status={run.status} />
        </dd>
        <dt className="text-solid-gray-700">受付番号</dt>
        <dd>{run.id}</dd>
        <dt className="text-solid-gray-700">ファイル</dt>
        <dd>
          {run.fileName}（{modeLabels[run.mode]}
          {run.encoding ? `・${encodingLabels[run.encoding] ?? run.encoding}` : ""}）
        </dd>
        <dt className="text-solid-gray-700">取込元</dt>
        <dd>{importSourceLabels[run.source]}</dd>
        <dt className="text-solid-gray-700">開始</dt>
        <dd>{formatDateTime(run.startedAt)}</dd>
        <dt className="text-solid-gray-700">終了</dt>
        <dd>{run.finishedAt ? formatDateTime(run.finishedAt) : "—"}</dd>
        <dt className="text-solid-gray-700">件数</dt>
        <dd>
          全 {run.rowsTotal.toLocaleString("ja-JP")} 行（{rowCounts(run)}）
        </dd>
      </dl>
      {run.message && <p className="text-std-16N-170">{run.message}</p>}
      {run.warnings.length > 0 && (
        <div className="flex flex-col gap-1">
          <h4 className="text-std-16B-170">警告</h4>
          <ul className="list-disc pl-6 text-dns-16N-130">
            {run.warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </div>
      )}
      {run.problems.length > 0 && (
        <div className="flex flex-col gap-2">
          <table className="w-full border-collapse bg-white text-left text-dns-16N-130">
            <caption className="pb-2 text-left text-std-16B-170">
              問題のあった行（{run.problemCount.toLocaleString("ja-JP")} 件）
            </caption>
            <TableHead columns={["行", "列", "内容"]} />
            <tbody>
              {run.problems.map((p, i) => (
                // Problems have no identity of their own; their order is the server's and fixed.
                // biome-ignore lint/suspicious/noArrayIndexKey: see above
                <tr key={i} className="border-b border-solid-gray-420">
                  <td className="px-3 py-2 tabular-nums">{p.line ?? "—"}</td>
                  <td className="px-3 py-2">{p.column ?? "—"}</td>
                  <td className="px-3 py-2">{p.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {more > 0 && (
            <p className="text-dns-16N-130 text-solid-gray-700">
              ほか {more.toLocaleString("ja-JP")} 件（最初の {run.problems.length.toLocaleString("ja-JP")}{" "}
              件を表示しています）
            </p>
          )}
        </div>
      )}
    </div>
  );
}
