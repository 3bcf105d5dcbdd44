import type { RpaJobView } from "@ichimado/core/rpa/jobs";
import { errorMessage } from "../app/api.ts";
import { ErrorAlert, TableHead } from "../app/ui.tsx";
import { CaseSection } from "../cases/section.tsx";
import { formatDateTime } from "../registry/status.ts";
import { useCaseJobs } from "./api.ts";

const statusClass: Record<RpaJobView["status"], string> = {
  queued: "border-solid-gray-600 bg-white",
  running: "border-blue-900 bg-blue-50 text-blue-1000",
  failed: "border-orange-800 bg-orange-50 text-orange-1100",
  done: "border-green-800 bg-green-50 text-green-1000",
  dead: "border-red-900 bg-red-50 text-red-1000",
  cancelled: "border-solid-gray-420 bg-white text-solid-gray-700",
};

/**
 * 基幹システムへの入力 (M42–43): what the robots were handed from this case and how far they got;
 * a stopped job names its reason, for the clerk to tell the register's staff.
 */
export function JobsSection({ caseId }: { caseId: number }) {
  const jobs = useCaseJobs(caseId);
  if (jobs.isError) return <ErrorAlert message={errorMessage(jobs.error)} />;
  const list = jobs.data?.jobs ?? [];
  if (list.length === 0) return null;
  return (
    <CaseSection id="rpa-jobs" title="基幹システムへの入力">
      <div className="overflow-x-auto">
        <table className="w-full border-collapse text-left text-dns-16N-130">
          <caption className="sr-only">基幹システムへの入力</caption>
          <TableHead columns={["入力", "対象", "状態", "試行", "更新"]} nowrap />
          <tbody>
            {list.map((j) => (
              <tr key={j.id} className="border-b border-solid-gray-420 align-top">
                <th scope="row" className="px-3 py-2 font-normal">
                  {j.scenarioLabel}
                </th>
                <td className="px-3 py-2">{j.subject || "—"}</td>
                <td className="px-3 py-2">
                  <span
                    className={`whitespace-nowrap rounded-4 border px-2 text-dns-14B-130 ${statusClass[j.status]}`}
                  >
                    {j.statusLabel}
                  </span>
                  {j.lastError && j.status !== "done" && (
                    <span className="mt-1 block text-dns-14N-130">{j.lastError}</span>
                  )}
                </td>
                <td className="whitespace-nowrap px-3 py-2">{j.attempts}回</td>
                <td className="whitespace-nowrap px-3 py-2">{formatDateTime(j.updatedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </CaseSection>
  );
}
