import { rpaJobListSchema, rpaJobsChangeSchema } from "@ichimado/core/rpa/jobs";
import { useQuery } from "@tanstack/react-query";
import { apiRequest } from "../app/api.ts";

/**
 * A case's RPA jobs, under the cases key (a step saved in the case reads them again). While robots
 * still have work, only the time of the last change is asked for every 15 seconds (no names, no
 * audit row); the jobs themselves are read again when it moves, so the clerk sees 入力済み without
 * reloading and the audit log gets one row per change, not one per look.
 */
export function useCaseJobs(caseId: number) {
  const change = useQuery({
    queryKey: ["cases", "rpa-jobs-change", caseId],
    queryFn: () => apiRequest("GET", `/cases/${caseId}/rpa-jobs/change`, rpaJobsChangeSchema),
    staleTime: 0,
    refetchInterval: (query) => ((query.state.data?.pending ?? 0) > 0 ? 15_000 : false),
  });
  return useQuery({
    queryKey: ["cases", "rpa-jobs", caseId, change.data?.changedAt ?? null],
    queryFn: () => apiRequest("GET", `/cases/${caseId}/rpa-jobs`, rpaJobListSchema),
    enabled: change.isSuccess,
    staleTime: Number.POSITIVE_INFINITY,
  });
}
