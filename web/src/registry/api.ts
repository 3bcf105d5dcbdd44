import type { FeedEncoding } from "@ichimado/core/feeds/columns";
import {
  feedStatusSchema,
  type ImportRunStatus,
  importAcceptedSchema,
  importRunDetailSchema,
  importRunListSchema,
} from "@ichimado/core/feeds/schemas";
import { useQuery } from "@tanstack/react-query";
import { apiRequest, apiUpload } from "../app/api.ts";

/** Every feeds query starts with this, so one invalidation refreshes status and history alike. */
export const feedsKey = ["feeds"] as const;

export const inProgress = (status: ImportRunStatus | undefined) =>
  status === "queued" || status === "running";

/** The status of all feeds; refreshed every minute so the ages stay true on a screen left open. */
export function useFeedStatus() {
  return useQuery({
    queryKey: [...feedsKey, "status"],
    queryFn: () => apiRequest("GET", "/feeds/status", feedStatusSchema),
    refetchInterval: 60_000,
  });
}

export function useFeedRuns(feedId: string) {
  return useQuery({
    queryKey: [...feedsKey, "runs", feedId],
    queryFn: () =>
      apiRequest("GET", `/feeds/runs?feed=${encodeURIComponent(feedId)}&limit=50`, importRunListSchema),
    // While a run of this feed is under way its row changes by the second.
    refetchInterval: (query) => (query.state.data?.runs.some((r) => inProgress(r.status)) ? 2000 : false),
  });
}

/** One run with its problems; polled every second while it is queued or running. */
export function useRunDetail(runId: number | null) {
  return useQuery({
    queryKey: [...feedsKey, "run", runId],
    queryFn: () => apiRequest("GET", `/feeds/runs/${runId}`, importRunDetailSchema),
    enabled: runId !== null,
    refetchInterval: (query) => (inProgress(query.state.data?.status) ? 1000 : false),
  });
}

export interface UploadRequest {
  feedId: string;
  file: File;
  differential: boolean;
  encoding: FeedEncoding;
}

export function uploadFeed({ feedId, file, differential, encoding }: UploadRequest) {
  const query = new URLSearchParams({
    differential: String(differential),
    encoding,
    fileName: file.name,
  });
  return apiUpload(`/feeds/${encodeURIComponent(feedId)}/imports?${query}`, file, importAcceptedSchema);
}
