import { personDetailSchema, personSearchResultSchema } from "@ichimado/core/search/schemas";
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
