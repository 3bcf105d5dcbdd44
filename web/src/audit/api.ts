import { auditVerifyResultSchema } from "@ichimado/core/audit/actions";
import { type AuditAnalysisQuery, auditAnalysisSchema } from "@ichimado/core/audit/analysis";
import { auditExportFileName } from "@ichimado/core/audit/columns";
import { type AuditFilter, auditPageSchema } from "@ichimado/core/audit/filter";
import type { ExportEncoding } from "@ichimado/core/statistics/period";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { apiRequest, downloadCsv } from "../app/api.ts";
import { todayIso } from "../cases/fields.tsx";

/** Where a page starts: the newest rows, or older / newer than a row's seq. */
export type AuditCursor = { before: number } | { after: number } | null;

function filterParams(filter: AuditFilter): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filter)) {
    if (value === undefined || value === "") continue;
    for (const v of [value].flat()) params.append(key, String(v));
  }
  return params;
}

const auditPageSize = 50;

export function useAuditPage(filter: AuditFilter, cursor: AuditCursor, round: number) {
  const params = filterParams(filter);
  params.set("limit", String(auditPageSize));
  if (cursor && "before" in cursor) params.set("before", String(cursor.before));
  if (cursor && "after" in cursor) params.set("after", String(cursor.after));
  return useQuery({
    queryKey: ["audit", "entries", round, params.toString()],
    queryFn: () => apiRequest("GET", `/audit/entries?${params}`, auditPageSchema),
    placeholderData: keepPreviousData,
    // every look is an audited read: not repeated behind the auditor's back
    staleTime: Number.POSITIVE_INFINITY,
    refetchOnWindowFocus: false,
  });
}

export function useAuditAnalysis(request: { query: AuditAnalysisQuery; round: number } | null) {
  return useQuery({
    queryKey: ["audit", "analysis", request],
    queryFn: () => {
      const query = request?.query;
      const params = new URLSearchParams({
        from: query?.from ?? "",
        to: query?.to ?? "",
        threshold: String(query?.threshold),
      });
      return apiRequest("GET", `/audit/analysis?${params}`, auditAnalysisSchema);
    },
    enabled: request !== null,
    staleTime: Number.POSITIVE_INFINITY,
    refetchOnWindowFocus: false,
  });
}

export const verifyAuditLog = () => apiRequest("GET", "/audit/verify", auditVerifyResultSchema);

/** The filtered entries as CSV through the browser's save. */
export async function downloadAuditExport(
  filter: AuditFilter,
  encoding: ExportEncoding,
): Promise<{ fileName: string; replaced: number }> {
  const params = filterParams(filter);
  params.set("encoding", encoding);
  return downloadCsv(`/audit/entries.csv?${params}`, auditExportFileName(todayIso(), encoding).japanese);
}
