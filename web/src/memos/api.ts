import {
  adminMemoTemplateListSchema,
  type MemoTemplateInput,
  type MemoTemplateUse,
  memoTemplateListSchema,
  memoTemplateSavedSchema,
} from "@ichimado/core/memos/templates";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiRequest } from "../app/api.ts";

/** Under one key, so a change on the admin screen shows in the pickers too. */
const templatesKey = ["memo-templates"] as const;

/**
 * The templates offered for a use at the current counter. Switching counters empties the cache
 * (setSession), so the counter need not be in the key.
 */
export function useMemoTemplates(use: MemoTemplateUse) {
  return useQuery({
    queryKey: [...templatesKey, "offered", use],
    queryFn: () => apiRequest("GET", `/memo-templates?use=${use}`, memoTemplateListSchema),
    staleTime: 60_000,
  });
}

export function useAdminMemoTemplates() {
  return useQuery({
    queryKey: [...templatesKey, "admin"],
    queryFn: () => apiRequest("GET", "/admin/memo-templates", adminMemoTemplateListSchema),
  });
}

/** Adds a template, or replaces one when an id is given. */
export function useSaveMemoTemplate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: number | null; input: MemoTemplateInput }) =>
      id === null
        ? apiRequest("POST", "/admin/memo-templates", memoTemplateSavedSchema, input)
        : apiRequest("PUT", `/admin/memo-templates/${id}`, memoTemplateSavedSchema, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: templatesKey }),
  });
}

export function useDeleteMemoTemplate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => apiRequest("DELETE", `/admin/memo-templates/${id}`, memoTemplateSavedSchema),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: templatesKey }),
  });
}

/**
 * Saves a new order as edits of the templates whose place changed, one after another; each is an
 * audited change of its own, as if the administrator had edited them one by one.
 */
export function useReorderMemoTemplates() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (changes: { id: number; input: MemoTemplateInput }[]) => {
      for (const { id, input } of changes) {
        await apiRequest("PUT", `/admin/memo-templates/${id}`, memoTemplateSavedSchema, input);
      }
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: templatesKey }),
  });
}
