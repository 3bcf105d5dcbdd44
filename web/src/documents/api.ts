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

/** What to print: chosen forms, a reprint of one document, the 手続き案内書 or a 証明書交付請求書. */
export type PrintJob =
  | { kind: "forms"; documents: PrintRequest["documents"]; leaflets: string[] }
  | { kind: "reprint"; documentId: number }
  | { kind: "guideSheet" }
  | { kind: "certificateRequestForm"; requestId: number };

function request(caseId: number, job: PrintJob, acknowledgeMissingGlyphs: boolean): Promise<Blob> {
  switch (job.kind) {
    case "forms":
      return apiPdf("POST", `/cases/${caseId}/documents`, {
        documents: job.documents,
        leaflets: job.leaflets,
        acknowledgeMissingGlyphs,
      });
    case "reprint":
      return apiPdf("POST", `/cases/${caseId}/documents/${job.documentId}/reprint`, {
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

/** Prints (the server records and audits each document) and refreshes the print history and the case. */
export function usePrint(caseId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ job, acknowledgeMissingGlyphs }: { job: PrintJob; acknowledgeMissingGlyphs: boolean }) =>
      request(caseId, job, acknowledgeMissingGlyphs),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["cases"] }),
  });
}
