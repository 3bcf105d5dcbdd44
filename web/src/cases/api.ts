import {
  lotSuggestResultSchema,
  municipalitySuggestResultSchema,
  townSchema,
} from "@ichimado/core/addresses/schemas";
import { identityDocumentListSchema, identityVerdictSchema } from "@ichimado/core/cases/identity";
import type { residenceChangeInputSchema } from "@ichimado/core/cases/residence-change";
import {
  answersSavedSchema,
  type CaseChannel,
  caseDetailSchema,
  caseListSchema,
  createdSchema,
  type manualProcedureInputSchema,
  type ProcedureStatus,
  residenceChangeTakenSchema,
  stepDoneSchema,
  type subjectInputSchema,
  transitionDoneSchema,
  type visitorInputSchema,
} from "@ichimado/core/cases/schemas";
import { catalogEntrySchema } from "@ichimado/core/catalog/schemas";
import { householdViewSchema, personSearchResultSchema } from "@ichimado/core/search/schemas";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { z } from "zod";
import { apiRequest } from "../app/api.ts";

/** Every case query starts with this: a step saved anywhere refreshes the list and the case alike. */
const casesKey = ["cases"] as const;

/** `query` is the list's URL query string, as the server reads it (caseListQuerySchema). */
export function useCaseList(query: string) {
  return useQuery({
    queryKey: [...casesKey, "list", query],
    queryFn: () => apiRequest("GET", `/cases?${query}`, caseListSchema),
    staleTime: 0,
  });
}

export function useCaseDetail(id: number) {
  return useQuery({
    queryKey: [...casesKey, "detail", id],
    queryFn: () => apiRequest("GET", `/cases/${id}`, caseDetailSchema),
    // Another counter may be working on the same case: always read it fresh.
    staleTime: 0,
  });
}

/** Lists that change only when an administrator edits them: fetched once per session. */
const listOptions = { staleTime: 30 * 60_000 } as const;

export function useIdentityDocuments() {
  return useQuery({
    queryKey: ["identity-documents"],
    queryFn: () => apiRequest("GET", "/identity-documents", identityDocumentListSchema),
    ...listOptions,
  });
}

export function useCatalog() {
  return useQuery({
    queryKey: ["catalog", "procedures"],
    queryFn: () =>
      apiRequest("GET", "/catalog/procedures", z.object({ procedures: z.array(catalogEntrySchema) })),
    ...listOptions,
  });
}

export function useTowns() {
  return useQuery({
    queryKey: ["addresses", "towns"],
    queryFn: () => apiRequest("GET", "/addresses/towns", z.object({ towns: z.array(townSchema) })),
    ...listOptions,
  });
}

/** The 番地 (and their 方書) where residents live at a town, starting with what was typed. */
export function useTownLots(townCode: string, typed: string) {
  return useQuery({
    queryKey: ["addresses", "lots", townCode, typed],
    queryFn: () =>
      apiRequest(
        "GET",
        `/addresses/towns/${encodeURIComponent(townCode)}/lots?${new URLSearchParams({ q: typed })}`,
        lotSuggestResultSchema,
      ),
    enabled: townCode !== "",
    // The list under the field stays while the next keystroke's answer comes.
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}

/** Municipalities for an address outside the city, from what was typed (two characters or more). */
export function useMunicipalities(typed: string) {
  const q = typed.trim();
  return useQuery({
    queryKey: ["addresses", "municipalities", q],
    queryFn: () =>
      apiRequest(
        "GET",
        `/addresses/municipalities?${new URLSearchParams({ q })}`,
        municipalitySuggestResultSchema,
      ),
    enabled: q.length >= 2 && q.length <= 60,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}

export function useOpenCase() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (channel: CaseChannel) => apiRequest("POST", "/cases", createdSchema, { channel }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: casesKey }),
  });
}

/**
 * One step of a case. The case is read again whether the step was taken or refused (a 409 often
 * means someone else moved the case on), and the mutation stays pending until it has been, so that
 * what follows a step sees the case as the server now has it.
 */
function useCaseStep<V, R>(step: (variables: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: step,
    onSettled: () => queryClient.invalidateQueries({ queryKey: casesKey }),
  });
}

const casePath = (id: number, rest = "") => `/cases/${id}${rest}`;

export type VisitorRequest = z.input<typeof visitorInputSchema>;
export type ResidenceChangeRequest = z.input<typeof residenceChangeInputSchema>;
export type ManualProcedureRequest = z.input<typeof manualProcedureInputSchema>;

export const useSetVisitor = (id: number) =>
  useCaseStep((body: VisitorRequest) => apiRequest("PUT", casePath(id, "/visitor"), stepDoneSchema, body));

export const useSetIdentity = (id: number) =>
  useCaseStep((body: { documents: string[]; note: string }) =>
    apiRequest("PUT", casePath(id, "/identity"), identityVerdictSchema, body),
  );

export const useAddSubject = (id: number) =>
  useCaseStep((body: z.input<typeof subjectInputSchema>) =>
    apiRequest("POST", casePath(id, "/subjects"), createdSchema, body),
  );

export const useRemoveSubject = (id: number) =>
  useCaseStep((subjectId: number) => apiRequest("DELETE", casePath(id, `/subjects/${subjectId}`), z.null()));

export const useAddResidenceChange = (id: number) =>
  useCaseStep((body: ResidenceChangeRequest) =>
    apiRequest("POST", casePath(id, "/residence-changes"), residenceChangeTakenSchema, body),
  );

export const useRemoveResidenceChange = (id: number) =>
  useCaseStep((residenceChangeId: number) =>
    apiRequest("DELETE", casePath(id, `/residence-changes/${residenceChangeId}`), z.null()),
  );

export const useAddProcedure = (id: number) =>
  useCaseStep((body: ManualProcedureRequest) =>
    apiRequest("POST", casePath(id, "/procedures"), createdSchema, body),
  );

export const useSetProcedureStatus = (id: number) =>
  useCaseStep(({ procedureId, status }: { procedureId: number; status: ProcedureStatus }) =>
    apiRequest("PUT", casePath(id, `/procedures/${procedureId}/status`), stepDoneSchema, { status }),
  );

export const useAddMemo = (id: number) =>
  useCaseStep((text: string) => apiRequest("POST", casePath(id, "/memos"), createdSchema, { text }));

export type CaseTransition = "suspend" | "resume" | "close" | "cancel";

export const useTransition = (id: number) =>
  useCaseStep((transition: CaseTransition) =>
    apiRequest("POST", casePath(id, `/${transition}`), transitionDoneSchema, undefined),
  );

/** A household by its number (members head first, through the same masking as search). */
export const householdQuery = (householdId: string) => ({
  queryKey: ["households", householdId],
  queryFn: () => apiRequest("GET", `/households/${encodeURIComponent(householdId)}`, householdViewSchema),
  staleTime: 0,
});

export function useHouseholdView(householdId: string) {
  return useQuery({ ...householdQuery(householdId), enabled: householdId !== "" });
}

export const useSaveAnswers = (id: number) =>
  useCaseStep(
    ({ residenceChangeId, answers }: { residenceChangeId: number; answers: Record<string, string | null> }) =>
      apiRequest("PUT", casePath(id, `/residence-changes/${residenceChangeId}/answers`), answersSavedSchema, {
        answers,
      }),
  );

/** Other households at a person's address (D15), without protected ones for roles that may not see them. */
export function useSameAddress(personId: string) {
  return useQuery({
    queryKey: ["same-address", personId],
    queryFn: () =>
      apiRequest(
        "GET",
        `/persons/${encodeURIComponent(personId)}/same-address`,
        personSearchResultSchema.pick({ persons: true, truncated: true }),
      ),
    enabled: personId !== "",
    staleTime: 0,
  });
}
