import { useId } from "react";
import { errorMessage } from "../app/api.ts";
import { ErrorAlert, Loading, TableHead } from "../app/ui.tsx";
import { linkClass } from "../cases/section.tsx";
import { formatDateTime } from "../registry/status.ts";
import { exportHref, useCatalogVersions } from "./api.ts";

/** Every version, newest first: who saved it, why, and its file (any version can be exported). */
export function VersionHistory() {
  const id = useId();
  const versions = useCatalogVersions();
  return (
    <section aria-labelledby={`${id}-heading`} className="flex flex-col gap-4">
      <h2 id={`${id}-heading`} className="text-std-24B-150">
        版の履歴
      </h2>
      {versions.isPending ? (
        <Loading />
      ) : versions.isError ? (
        <ErrorAlert message={errorMessage(versions.error)} />
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full border-collapse bg-white text-left text-dns-16N-130">
            <caption className="sr-only">手続きカタログの版の履歴 (新しい順)</caption>
            <TableHead
              columns={["版", "保存日時", "保存した職員", "変更理由", "手続き", "質問", "ファイル"]}
              nowrap
            />
            <tbody>
              {versions.data.versions.map((v) => (
                <tr key={v.version} className="border-b border-solid-gray-420 align-top">
                  <th scope="row" className="whitespace-nowrap px-3 py-2 text-left tabular-nums">
                    版 {v.version}
                  </th>
                  <td className="whitespace-nowrap px-3 py-2">{formatDateTime(v.createdAt)}</td>
                  <td className="px-3 py-2">{v.createdBy ?? "（初期設定）"}</td>
                  <td className="px-3 py-2">{v.note || "—"}</td>
                  <td className="px-3 py-2 text-right tabular-nums">{v.procedures}</td>
                  <td className="px-3 py-2 text-right tabular-nums">{v.questions}</td>
                  <td className="whitespace-nowrap px-3 py-2">
                    <a href={exportHref(v.version)} download className={linkClass}>
                      書き出す<span className="sr-only">: 版 {v.version}</span>
                    </a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
