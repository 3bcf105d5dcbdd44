import {
  type ProgressUpdateInput,
  progressListSchema,
  progressUpdateResultSchema,
  updateInBatches,
} from "@ichimado/core/cases/progress";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiRequest, errorMessage } from "../app/api.ts";

/** Under the cases' key: a status set on the case screen refreshes this list too, and the reverse. */
const progressKey = ["cases", "progress"] as const;

/** `query` is the URL query string as the server reads it (progressQuerySchema). */
export function useProgress(query: string) {
  return useQuery({
    queryKey: [...progressKey, query],
    queryFn: () => apiRequest("GET", `/procedures/progress?${query}`, progressListSchema),
    staleTime: 0,
  });
}

/** The whole choice, however many rows: one request takes at most `progressBatchLimit`. */
export function useUpdateProgress() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ProgressUpdateInput) =>
      updateInBatches(
        input,
        (batch) => apiRequest("POST", "/procedures/progress/status", progressUpdateResultSchema, batch),
        errorMessage,
      ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ["cases"] }),
  });
}
