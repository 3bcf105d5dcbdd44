import type { CaseDetail } from "@ichimado/core/cases/schemas";
import type { PersonSummary } from "@ichimado/core/search/schemas";
import { useQueries } from "@tanstack/react-query";
import { householdQuery } from "../cases/api.ts";

/**
 * Whom a certificate can be for: the case's subjects from the register, then the rest of their
 * households (a family asks for each other's certificates), each once, subjects first. Household
 * views go through the same masking as search and share its cache with the subjects section.
 */
export function useCandidatePersons(detail: CaseDetail): { persons: PersonSummary[]; pending: boolean } {
  const subjects = detail.subjects.flatMap((s) => (s.person ? [s.person] : []));
  const households = [...new Set(subjects.flatMap((p) => (p.householdId ? [p.householdId] : [])))];
  const views = useQueries({
    queries: households.map(householdQuery),
  });
  const byId = new Map<string, PersonSummary>();
  for (const p of subjects) byId.set(p.id, p);
  for (const view of views) for (const m of view.data?.members ?? []) if (!byId.has(m.id)) byId.set(m.id, m);
  return { persons: [...byId.values()], pending: views.some((v) => v.isPending) };
}

export function personLabel(p: PersonSummary): string {
  return p.relationship ? `${p.name}（${p.relationship}）` : p.name;
}
