import {
  basePdfSavedSchema,
  templateSavedSchema,
  templateVersionListSchema,
} from "@ichimado/core/documents/api";
import type { TemplateField, TemplateSave } from "@ichimado/core/documents/template";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiPdf, apiRequest, apiUpload } from "../app/api.ts";

/** Every template version, newest first per key (shared with the catalog's form picker). */
export const templatesKey = ["admin", "document-templates"] as const;

export function useTemplateVersions() {
  return useQuery({
    queryKey: templatesKey,
    queryFn: () => apiRequest("GET", "/admin/documents/templates", templateVersionListSchema),
    // A designer keeps the version it started from; a background refresh must not move it on.
    refetchOnWindowFocus: false,
  });
}

/** The base PDF's bytes, for drawing its pages under the fields. */
export function useBasePdf(id: number | null) {
  return useQuery({
    queryKey: ["admin", "base-pdf", id],
    queryFn: async () =>
      new Uint8Array(await (await apiPdf("GET", `/admin/documents/base-pdfs/${id}`)).arrayBuffer()),
    enabled: id !== null,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function useUploadBasePdf() {
  return useMutation({
    mutationFn: ({ file, name }: { file: File; name: string }) =>
      apiUpload(
        `/admin/documents/base-pdfs?${new URLSearchParams({ name: name.trim() })}`,
        file,
        basePdfSavedSchema,
      ),
  });
}

/**
 * Saves a new version. The caller reads the templates again (`refreshTemplates`) once it has acted
 * on the answer: reading them first would replace the designer (keyed by version) before it could.
 */
export function useSaveTemplate() {
  return useMutation({
    mutationFn: (save: TemplateSave) =>
      apiRequest("POST", "/admin/documents/templates", templateSavedSchema, save),
  });
}

export function useRefreshTemplates(): () => Promise<void> {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: templatesKey });
}

/** The draft filled with made-up data, as a PDF. */
export function usePreviewTemplate() {
  return useMutation({
    mutationFn: (draft: { basePdfId: number; fields: TemplateField[] }) =>
      apiPdf("POST", "/admin/documents/templates/preview", draft),
  });
}
