import { type MemoTemplateUse, memoTemplateListSchema } from "@ichimado/core/memos/templates";
import { useQuery } from "@tanstack/react-query";
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
