import { printableTemplateListSchema } from "@ichimado/core/documents/api";
import { counterPrintsSchema, printableLeafletListSchema } from "@ichimado/core/documents/counter-prints";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { apiRequest } from "../app/api.ts";

/** The counter's prints in a period (the server audits each read: it lists persons). */
export function useCounterPrints(period: { from: string; to: string }) {
  return useQuery({
    queryKey: ["documents", "prints", period.from, period.to],
    queryFn: () =>
      apiRequest("GET", `/documents/prints?${new URLSearchParams(period).toString()}`, counterPrintsSchema),
    staleTime: 0,
    placeholderData: keepPreviousData,
  });
}

export function usePrintableForms() {
  return useQuery({
    queryKey: ["documents", "printable-forms"],
    queryFn: () => apiRequest("GET", "/document-templates", printableTemplateListSchema),
  });
}

export function usePrintableLeaflets() {
  return useQuery({
    queryKey: ["documents", "printable-leaflets"],
    queryFn: () => apiRequest("GET", "/documents/leaflets", printableLeafletListSchema),
  });
}
