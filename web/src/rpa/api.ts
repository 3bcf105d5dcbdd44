import { rpaJobListSchema } from "@ichimado/core/rpa/jobs";
import { useQuery } from "@tanstack/react-query";
import { apiRequest } from "../app/api.ts";

const settled = new Set(["done", "dead", "cancelled"]);

/**
 * A case's RPA jobs, under the cases key (a step saved in the case reads them again); while a
 * robot still has work to do they are read again every 15 seconds, so the clerk sees 入力済み
 * without reloading.
 */
export function useCaseJobs(caseId: number) {
  return useQuery({
    queryKey: ["cases", "rpa-jobs", caseId],
    queryFn: () => apiRequest("GET", `/cases/${caseId}/rpa-jobs`, rpaJobListSchema),
    staleTime: 0,
    refetchInterval: (query) => (query.state.data?.jobs.some((j) => !settled.has(j.status)) ? 15_000 : false),
  });
}
