import {
  type CertificateQuoteRequest,
  certificateQuoteSchema,
  certificateRequestListSchema,
  certificateSettingsSchema,
} from "@ichimado/core/certificates/api";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiRequest } from "../app/api.ts";

/** Certificate types, purposes and exemptions; administrators change them rarely. */
export function useCertificateSettings() {
  return useQuery({
    queryKey: ["certificates", "settings"],
    queryFn: () => apiRequest("GET", "/certificates/settings", certificateSettingsSchema),
    staleTime: 5 * 60_000,
  });
}

/**
 * The fee and what stops a request, as the server decides them (register flags included), for
 * the request as it stands; the previous quote stays on screen while the next one is asked for.
 */
export function useQuote(request: CertificateQuoteRequest | null) {
  return useQuery({
    queryKey: ["certificates", "quote", request],
    queryFn: () => apiRequest("POST", "/certificates/quote", certificateQuoteSchema, request),
    enabled: request !== null,
    placeholderData: keepPreviousData,
    staleTime: 0,
    retry: false,
  });
}

/** Under the cases key, so that any step saved in the case refreshes it too. */
const requestsKey = (caseId: number) => ["cases", "certificate-requests", caseId] as const;

export function useCertificateRequests(caseId: number) {
  return useQuery({
    queryKey: requestsKey(caseId),
    queryFn: () => apiRequest("GET", `/cases/${caseId}/certificate-requests`, certificateRequestListSchema),
    staleTime: 0,
  });
}

/** Accepts the request into the case; the case (its procedures and history) is read again after. */
export function useAcceptRequest(caseId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: CertificateQuoteRequest) =>
      apiRequest("POST", `/cases/${caseId}/certificate-requests`, certificateQuoteSchema, request),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ["cases"] }),
  });
}
