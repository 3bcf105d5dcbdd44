import { exportFileName, type StatisticsExportKind } from "@ichimado/core/statistics/columns";
import type { ExportEncoding, Period } from "@ichimado/core/statistics/period";
import { statisticsSummarySchema } from "@ichimado/core/statistics/summary";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { apiRequest, downloadCsv } from "../app/api.ts";

const query = (period: Period) => new URLSearchParams({ from: period.from, to: period.to });

export function useStatisticsSummary(period: Period) {
  return useQuery({
    queryKey: ["statistics", "summary", period.from, period.to],
    queryFn: () => apiRequest("GET", `/statistics/summary?${query(period)}`, statisticsSummarySchema),
    // the previous period's charts stay until the new figures arrive, so the page does not jump
    placeholderData: keepPreviousData,
  });
}

/** A statistics export through the browser's save (see downloadCsv). */
export async function downloadExport(
  kind: StatisticsExportKind,
  period: Period,
  encoding: ExportEncoding,
): Promise<{ fileName: string; replaced: number }> {
  const params = query(period);
  params.set("encoding", encoding);
  return downloadCsv(`/statistics/${kind}.csv?${params}`, exportFileName(kind, period, encoding).japanese);
}
