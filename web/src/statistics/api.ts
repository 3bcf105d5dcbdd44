import { exportFileName, type StatisticsExportKind } from "@ichimado/core/statistics/columns";
import type { ExportEncoding, Period } from "@ichimado/core/statistics/period";
import { statisticsSummarySchema } from "@ichimado/core/statistics/summary";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { apiFile, apiRequest } from "../app/api.ts";

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
  const { blob, headers } = await apiFile("GET", `/statistics/${kind}.csv?${params}`, "text/csv");
  const fileName = exportFileName(kind, period, encoding).japanese;
  const url = URL.createObjectURL(blob);
  try {
    const link = document.createElement("a");
    link.href = url;
    link.download = fileName;
    link.click();
  } finally {
    // the click has handed the blob to the download; nothing keeps the case data in the page
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
  return { fileName, replaced: Number(headers.get(replacedHeader) ?? 0) };
}
