import {
  type CertificateSettingsInput,
  certificateSettingsViewSchema,
} from "@ichimado/core/certificates/api";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiRequest } from "../app/api.ts";

const settingsKey = ["admin-certificate-settings"] as const;

export function useCertificateSettingsView() {
  return useQuery({
    queryKey: settingsKey,
    queryFn: () => apiRequest("GET", "/admin/certificates/settings", certificateSettingsViewSchema),
    // The editor keeps the version it started from; a background refresh must not move it on.
    refetchOnWindowFocus: false,
  });
}

/**
 * Saves the whole settings against the version the editor loaded. The counter's settings and any
 * quote made with the old ones are read again, so the intake screen quotes the new fees at once.
 */
export function useSaveCertificateSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CertificateSettingsInput) =>
      apiRequest("PUT", "/admin/certificates/settings", certificateSettingsViewSchema, body),
    onSuccess: (view) => {
      queryClient.setQueryData(settingsKey, view);
      return queryClient.invalidateQueries({ queryKey: ["certificates"] });
    },
  });
}
