import { type PrintRequest, printHistorySchema } from "@ichimado/core/documents/api";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiPdf, apiRequest } from "../app/api.ts";

const historyKey = (caseId: number) => ["cases", "documents", caseId] as const;

export function usePrintHistory(caseId: number) {
  return useQuery({
    queryKey: historyKey(caseId),
    queryFn: () => apiRequest("GET", `/cases/${caseId}/documents`, printHistorySchema),
    staleTime: 0,
  });
}

/**
 * What to print: chosen forms, a reprint of one document (of another case when it names one: the
 * counter's history), the 手続き案内書, a 証明書交付請求書, or blank forms and leaflets with no case.
 */
export type PrintJob =
  | { kind: "forms"; documents: PrintRequest["documents"]; leaflets: string[] }
  | { kind: "reprint"; documentId: number; caseId?: number }
  | { kind: "blank"; templates: string[]; leaflets: string[] }
  | { kind: "guideSheet" }
  | { kind: "certificateRequestForm"; requestId: number };

function request(
  caseId: number | undefined,
  job: PrintJob,
  acknowledgeMissingGlyphs: boolean,
): Promise<Blob> {
  if (job.kind === "blank")
    return apiPdf("POST", "/documents/blank.pdf", { templates: job.templates, leaflets: job.leaflets });
  if (job.kind === "reprint")
    return apiPdf("POST", `/cases/${job.caseId ?? caseId}/documents/${job.documentId}/reprint`, {
      acknowledgeMissingGlyphs,
    });
  if (caseId === undefined) throw new Error(`a ${job.kind} print needs its case`);
  switch (job.kind) {
    case "forms":
      return apiPdf("POST", `/cases/${caseId}/documents`, {
        documents: job.documents,
        leaflets: job.leaflets,
        acknowledgeMissingGlyphs,
      });
    case "guideSheet":
      return apiPdf(
        "GET",
        `/cases/${caseId}/guide-sheet.pdf?acknowledgeMissingGlyphs=${acknowledgeMissingGlyphs}`,
      );
    case "certificateRequestForm":
      return apiPdf(
        "GET",
        `/cases/${caseId}/certificate-requests/${job.requestId}/form.pdf?acknowledgeMissingGlyphs=${acknowledgeMissingGlyphs}`,
      );
  }
}

/**
 * Prints (the server records and audits each document) and refreshes the print histories and the
 * case. Without a case only reprints naming theirs and blank prints can run.
 */
export function usePrint(caseId?: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ job, acknowledgeMissingGlyphs }: { job: PrintJob; acknowledgeMissingGlyphs: boolean }) =>
      request(caseId, job, acknowledgeMissingGlyphs),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ["cases"] }),
        queryClient.invalidateQueries({ queryKey: ["documents", "prints"] }),
      ]),
  });
}
