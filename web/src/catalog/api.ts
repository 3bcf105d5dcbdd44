import {
  catalogSavedSchema,
  catalogVersionListSchema,
  catalogViewSchema,
  type ProcedureSave,
  type QuestionSave,
} from "@ichimado/core/catalog/admin-schemas";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import { apiRequest } from "../app/api.ts";

/** Every administration query starts with this: one invalidation refreshes the catalog and its history. */
const adminKey = ["admin-catalog"] as const;

export function useCatalogView() {
  return useQuery({
    queryKey: [...adminKey, "current"],
    queryFn: () => apiRequest("GET", "/admin/catalog", catalogViewSchema),
    // An editor keeps the version it started from; a background refresh must not move it on.
    refetchOnWindowFocus: false,
  });
}

export function useCatalogVersions() {
  return useQuery({
    queryKey: [...adminKey, "versions"],
    queryFn: () => apiRequest("GET", "/admin/catalog/versions", catalogVersionListSchema),
  });
}

/** The export file of a version (the current one without), served as a download. */
export const exportHref = (version?: number) =>
  `/api/v1/admin/catalog/export${version === undefined ? "" : `?version=${version}`}`;

/**
 * A save writes a new version; the mutation stays pending until the catalog has been read again,
 * so what follows (a new editor, the list) sees it. Reception's catalog list is refreshed too.
 */
function useCatalogWrite<V>(write: (variables: V) => Promise<z.infer<typeof catalogSavedSchema>>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: adminKey }),
        queryClient.invalidateQueries({ queryKey: ["catalog"] }),
      ]),
  });
}

export const useSaveProcedure = () =>
  useCatalogWrite((body: ProcedureSave) =>
    apiRequest(
      "PUT",
      `/admin/catalog/procedures/${encodeURIComponent(body.definition.key)}`,
      catalogSavedSchema,
      body,
    ),
  );

export const useSaveQuestion = () =>
  useCatalogWrite((body: QuestionSave) =>
    apiRequest(
      "PUT",
      `/admin/catalog/questions/${encodeURIComponent(body.definition.key)}`,
      catalogSavedSchema,
      body,
    ),
  );

/** The file's JSON goes as it is: the server checks its format and its consistency. */
export const useImportCatalog = () =>
  useCatalogWrite(({ file, baseVersion }: { file: unknown; baseVersion: number }) =>
    apiRequest("POST", "/admin/catalog/import", catalogSavedSchema, {
      ...(typeof file === "object" && file !== null ? file : {}),
      baseVersion,
    }),
  );
