import { apiErrorSchema } from "@ichimado/core/common/errors";
import { exportFileName, type StatisticsExportKind } from "@ichimado/core/statistics/columns";
import type { ExportEncoding, Period } from "@ichimado/core/statistics/period";
import { statisticsSummarySchema } from "@ichimado/core/statistics/summary";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { ApiError, apiRequest } from "../app/api.ts";

const query = (period: Period) => new URLSearchParams({ from: period.from, to: period.to });

export function useStatisticsSummary(period: Period) {
  return useQuery({
    queryKey: ["statistics", "summary", period.from, period.to],
    queryFn: () => apiRequest("GET", `/statistics/summary?${query(period)}`, statisticsSummarySchema),
    // the previous period's charts stay until the new figures arrive, so the page does not jump
    placeholderData: keepPreviousData,
  });
}

/** Must match the server's header (server/src/statistics/routes.ts). */
const replacedHeader = "x-ichimado-replaced-characters";

/**
 * Downloads an export through the browser's save: fetched here rather than by a link so that a
 * refusal shows as a message and the count of 〓 can be told. Returns the file's name and that count.
 */
export async function downloadExport(
  kind: StatisticsExportKind,
  period: Period,
  encoding: ExportEncoding,
): Promise<{ fileName: string; replaced: number }> {
  const params = query(period);
  params.set("encoding", encoding);
  let response: Response;
  try {
    response = await fetch(`/api/v1/statistics/${kind}.csv?${params}`, { credentials: "same-origin" });
  } catch {
    throw new ApiError(0, "NETWORK", "サーバーに接続できません。ネットワークを確認してください");
  }
  if (!response.ok) {
    const refusal = apiErrorSchema.safeParse(await response.json().catch(() => null));
    if (!refusal.success)
      throw new ApiError(response.status, "HTTP", `出力できませんでした (HTTP ${response.status})`);
    const { code, message, issues } = refusal.data.error;
    throw new ApiError(response.status, code, message, issues);
  }
  const fileName = exportFileName(kind, period, encoding).japanese;
  const url = URL.createObjectURL(await response.blob());
  try {
    const link = document.createElement("a");
    link.href = url;
    link.download = fileName;
    link.click();
  } finally {
    // the click has handed the blob to the download; nothing keeps the case data in the page
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
  return { fileName, replaced: Number(response.headers.get(replacedHeader) ?? 0) };
}
