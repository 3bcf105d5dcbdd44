import {
  adminNoticeListSchema,
  type NoticeInput,
  noticeListSchema,
  noticeSavedSchema,
} from "@ichimado/core/notices/notices";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiRequest } from "../app/api.ts";

/** Under one key, so a change on the admin screen shows on home too. */
const noticesKey = ["notices"] as const;

/** The notices in force at the current counter; per counter, since switching changes them. */
export function useNotices(counterId: string) {
  return useQuery({
    queryKey: [...noticesKey, "shown", counterId],
    queryFn: () => apiRequest("GET", "/notices", noticeListSchema),
    // Home stays open at a counter between visitors; a notice sent meanwhile appears within a minute,
    // as the システム状態 beside it does.
    refetchInterval: 60_000,
  });
}

export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => apiRequest("POST", `/notices/${id}/read`, noticeSavedSchema),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: noticesKey }),
  });
}

export function useAdminNotices() {
  return useQuery({
    queryKey: [...noticesKey, "admin"],
    queryFn: () => apiRequest("GET", "/admin/notices", adminNoticeListSchema),
  });
}

/** Writes a new notice, or replaces one when an id is given. */
export function useSaveNotice() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: number | null; input: NoticeInput }) =>
      id === null
        ? apiRequest("POST", "/admin/notices", noticeSavedSchema, input)
        : apiRequest("PUT", `/admin/notices/${id}`, noticeSavedSchema, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: noticesKey }),
  });
}

export function useWithdrawNotice() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => apiRequest("POST", `/admin/notices/${id}/withdraw`, noticeSavedSchema),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: noticesKey }),
  });
}
