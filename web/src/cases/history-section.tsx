import type { CaseDetail } from "@ichimado/core/cases/schemas";
import { TableHead } from "../app/ui.tsx";
import { formatDateTime } from "../registry/status.ts";
import { CaseSection } from "./section.tsx";

/** 対応履歴: every step as the server saved it, with the staff member and the counter. */
export function HistorySection({ history }: { history: CaseDetail["history"] }) {
  return (
    <CaseSection id="history" title="対応履歴">
      <div className="overflow-x-auto">
        <table className="w-full border-collapse text-left text-dns-16N-130">
          <caption className="sr-only">対応履歴</caption>
          <TableHead columns={["日時", "職員", "窓口", "内容"]} nowrap />
          <tbody>
            {history.map((h, index) => (
              // Steps have no id of their own and are only ever appended.
              // biome-ignore lint/suspicious/noArrayIndexKey: the history is append-only
              <tr key={index} className="border-b border-solid-gray-420 align-top">
                <td className="whitespace-nowrap px-3 py-2">{formatDateTime(h.at)}</td>
                <td className="whitespace-nowrap px-3 py-2">{h.staffName}</td>
                <td className="whitespace-nowrap px-3 py-2">{h.counterName}</td>
                <th scope="row" className="px-3 py-2 text-left font-normal">
                  {h.summary}
                </th>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </CaseSection>
  );
}
