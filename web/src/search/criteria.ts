import { type Era, parseJapaneseDate } from "@ichimado/core/common/wareki";
import { personSearchQuerySchema } from "@ichimado/core/search/schemas";

export type EraKey = Era["key"];
export type KindFilter = "all" | "resident" | "nonResident" | "corporation";

/** The search form as staff fill it; also what the URL query keeps, so back/forward and reload work. */
export interface SearchCriteria {
  name: string;
  birthDate: string;
  era: EraKey | "";
  address: string;
  code: string;
  /** 被保険者番号・受給者番号 … (core/search/qualification.ts) */
  qualification: string;
  kind: KindFilter;
  includeInactive: boolean;
}

export type CriteriaField = "name" | "birthDate" | "address" | "code" | "qualification";

export const emptyCriteria: SearchCriteria = {
  name: "",
  birthDate: "",
  era: "",
  address: "",
  code: "",
  qualification: "",
  kind: "all",
  includeInactive: true,
};

const eraKeys = new Set<string>(["M", "T", "S", "H", "R"]);
const kindKeys = new Set<string>(["all", "resident", "nonResident", "corporation"]);

export function criteriaFromParams(params: URLSearchParams): SearchCriteria {
  const era = params.get("era") ?? "";
  const kind = params.get("kind") ?? "all";
  return {
    name: params.get("name") ?? "",
    birthDate: params.get("birthDate") ?? "",
    era: eraKeys.has(era) ? (era as EraKey) : "",
    address: params.get("address") ?? "",
    code: params.get("code") ?? "",
    qualification: params.get("qualification") ?? "",
    kind: kindKeys.has(kind) ? (kind as KindFilter) : "all",
    includeInactive: params.get("includeInactive") !== "false",
  };
}

/** Full-width digits and the separators people type in numbers (０１２-３４) become plain digits. */
function plainDigits(text: string): string {
  return text
    .replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s\-－ー―‐]/g, "");
}

/** The query string for the criteria: trimmed, defaults left out, so equal searches share one URL. */
export function criteriaToParams(criteria: SearchCriteria): URLSearchParams {
  const params = new URLSearchParams();
  const name = criteria.name.trim();
  const birthDate = criteria.birthDate.trim();
  const address = criteria.address.trim();
  const code = plainDigits(criteria.code.trim());
  if (name) params.set("name", name);
  if (birthDate) params.set("birthDate", birthDate);
  if (criteria.era) params.set("era", criteria.era);
  if (address) params.set("address", address);
  if (code) params.set("code", code);
  const qualification = criteria.qualification.trim();
  if (qualification) params.set("qualification", qualification);
  if (criteria.kind !== "all") params.set("kind", criteria.kind);
  if (!criteria.includeInactive) params.set("includeInactive", "false");
  return params;
}

export function hasCriteria(params: URLSearchParams): boolean {
  return ["name", "birthDate", "address", "code", "qualification"].some((key) =>
    Boolean(params.get(key)?.trim()),
  );
}

/**
 * Checks the criteria as the server will, before sending them: the shared schema, and the birth
 * date read the way the server reads it (with the era chosen beside the field for 6 digits).
 */
export function validateCriteria(criteria: SearchCriteria): Partial<Record<CriteriaField, string>> {
  const params = criteriaToParams(criteria);
  const errors: Partial<Record<CriteriaField, string>> = {};
  const parsed = personSearchQuerySchema.safeParse(Object.fromEntries(params));
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[0] ?? "name");
      if (isField(key) && !errors[key]) errors[key] = issue.message;
    }
  }
  const birthDate = params.get("birthDate");
  if (birthDate && !errors.birthDate) {
    const date = parseJapaneseDate(birthDate, criteria.era || undefined);
    if (!date.ok) errors.birthDate = date.message;
  }
  return errors;
}

function isField(key: string): key is CriteriaField {
  return (
    key === "name" || key === "birthDate" || key === "address" || key === "code" || key === "qualification"
  );
}

/** Where the person view's 「検索結果に戻る」 goes: the search that led there (router state). */
export interface SearchLinkState {
  searchQuery: string;
}
