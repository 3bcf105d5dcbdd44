import { jobReportSchema, rpaJobListSchema, rpaQueueSchema } from "@ichimado/core/rpa/jobs";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { apiRequest, errorMessage } from "../app/api.ts";
import { ErrorAlert, TableHead } from "../app/ui.tsx";
import { SavedMessage, StepButton } from "../cases/section.tsx";
import { formatDateTime } from "../registry/status.ts";

const queueKey = ["rpa", "queue"] as const;

function useRpaQueue() {
  return useQuery({
    queryKey: queueKey,
    queryFn: () => apiRequest("GET", "/rpa/queue", rpaQueueSchema),
    staleTime: 0,
    refetchInterval: 60_000,
  });
}

/** One line of システム状態: the robots' queue, and the stopped jobs that need someone. */
export function RpaQueueStatus() {
  const queue = useRpaQueue();
  if (queue.isPending) return <p>RPA連携の状態を確認しています…</p>;
  if (queue.isError)
    return (
      <p role="alert" className="text-error-2">
        RPA連携の状態を取得できませんでした: {errorMessage(queue.error)}
      </p>
    );
  const { counts, oldestWaitingSince } = queue.data;
  const waiting = counts.queued + counts.failed;
  const summary = `待機 ${waiting} 件・処理中 ${counts.running} 件${oldestWaitingSince ? `（最も古い待機 ${formatDateTime(oldestWaitingSince)}）` : ""}`;
  return counts.dead === 0 ? (
    <p className="text-std-16B-170 text-green-900">
      <span aria-hidden="true">✓ </span>RPA連携: 正常
      <span className="ml-2 text-dns-14N-130 text-solid-gray-700">（{summary}）</span>
    </p>
  ) : (
    <p className="text-std-16B-170 text-orange-1100">
      <span aria-hidden="true">⚠ </span>RPA連携: 停止したジョブ {counts.dead} 件
      <span className="ml-2 text-dns-14N-130 text-solid-gray-700">（{summary}）</span>
    </p>
  );
}

/** 停止したRPAジョブ (データ連携管理): why each stopped, and a way to hand it to the robots again. */
export function StoppedJobs() {
  const id = useId();
  const queryClient = useQueryClient();
  const jobs = useQuery({
    queryKey: ["rpa", "jobs", "dead"],
    queryFn: () => apiRequest("GET", "/rpa/jobs?status=dead", rpaJobListSchema),
    staleTime: 0,
  });
  const [message, setMessage] = useState("");
  const retry = useMutation({
    mutationFn: (jobId: number) => apiRequest("POST", `/rpa/jobs/${jobId}/retry`, jobReportSchema, undefined),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ["rpa"] }),
  });
  const list = jobs.data?.jobs ?? [];
  return (
    <section aria-labelledby={`${id}-heading`} className="flex flex-col gap-3">
      <h2 id={`${id}-heading`} className="text-std-20B-150">
        停止したRPAジョブ
      </h2>
      {jobs.isError && <ErrorAlert message={errorMessage(jobs.error)} />}
      {retry.isError && <ErrorAlert message={errorMessage(retry.error)} />}
      <SavedMessage message={message} />
      {list.length === 0 ? (
        <p className="text-dns-16N-130">停止したジョブはありません</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full border-collapse bg-white text-left text-dns-16N-130">
            <caption className="sr-only">停止したRPAジョブ</caption>
            <TableHead columns={["入力", "対象", "受付番号", "理由", "更新", "操作"]} nowrap />
            <tbody>
              {list.map((j) => (
                <tr key={j.id} className="border-b border-solid-gray-420 align-top">
                  <th scope="row" className="px-3 py-2 font-normal">
                    {j.scenarioLabel}
                  </th>
                  <td className="px-3 py-2">{j.subject || "—"}</td>
                  <td className="px-3 py-2">{j.caseId}</td>
                  <td className="px-3 py-2">{j.lastError ?? "—"}</td>
                  <td className="whitespace-nowrap px-3 py-2">{formatDateTime(j.updatedAt)}</td>
                  <td className="px-3 py-2">
                    <StepButton
                      pending={retry.isPending}
                      variant="secondary"
                      className="whitespace-nowrap"
                      aria-label={`${j.scenarioLabel}（${j.subject}）を再実行`}
                      onClick={() =>
                        retry.mutate(j.id, {
                          onSuccess: () =>
                            setMessage(`${j.scenarioLabel}（${j.subject}）をロボットに渡し直しました`),
                        })
                      }
                    >
                      再実行
                    </StepButton>
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
