import type { SessionInfo } from "@ichimado/core/auth/schemas";
import { type QueryClient, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { chooseCounter, fetchSession } from "./api.ts";

const sessionKey = ["session"] as const;

export function useSession() {
  return useQuery({ queryKey: sessionKey, queryFn: fetchSession, staleTime: 60_000 });
}

/** Replaces the session everywhere; other cached data belonged to the old identity or counter. */
export function setSession(queryClient: QueryClient, session: SessionInfo | null): void {
  queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== sessionKey[0] });
  queryClient.setQueryData(sessionKey, session);
}

export function useChooseCounter() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: chooseCounter,
    onSuccess: (session) => setSession(queryClient, session),
  });
}
