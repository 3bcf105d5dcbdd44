import {
  personDetailSchema,
  personSearchResultSchema,
  type RelatedPersonRequest,
} from "@ichimado/core/search/schemas";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { z } from "zod";
import { apiRequest } from "../app/api.ts";

/** Every search query starts with this, so acknowledging a warning refreshes results and views alike. */
const searchKey = ["search"] as const;

/** Runs the search the URL describes; `query` is the URL's query string (criteria already checked). */
export function usePersonSearch(query: string, enabled: boolean) {
  return useQuery({
    queryKey: [...searchKey, "persons", query],
    queryFn: () => apiRequest("GET", `/search/persons?${query}&limit=50`, personSearchResultSchema),
    enabled,
    // Search results are checked at the counter against a person in front of staff: always fresh.
    staleTime: 0,
  });
}

export function usePersonDetail(id: string) {
  return useQuery({
    queryKey: [...searchKey, "person", id],
    queryFn: () => apiRequest("GET", `/persons/${encodeURIComponent(id)}`, personDetailSchema),
  });
}

const acknowledgedSchema = z.object({ acknowledged: z.literal(true) });

/** 支援措置 warning acknowledged; stays pending until the view is fetched again (unmasked or not). */
export function useAcknowledgeSupportMeasure(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () =>
      apiRequest(
        "POST",
        `/persons/${encodeURIComponent(id)}/support-measure/acknowledge`,
        acknowledgedSchema,
        {},
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: searchKey }),
  });
}

const linkCreatedSchema = z.object({ linkId: z.number() });

/** 関連者 added; pending until the view (both persons' views) is fetched again. */
export function useAddRelatedPerson(personId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: RelatedPersonRequest) =>
      apiRequest("POST", `/persons/${encodeURIComponent(personId)}/related`, linkCreatedSchema, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: searchKey }),
  });
}

/** 関連者 link removed (from both persons); pending until the view is fetched again. */
export function useRemoveRelatedPerson(personId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (linkId: number) =>
      apiRequest(
        "DELETE",
        `/persons/${encodeURIComponent(personId)}/related/${encodeURIComponent(String(linkId))}`,
        z.null(),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: searchKey }),
  });
}
