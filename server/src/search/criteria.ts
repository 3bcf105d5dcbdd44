import { parseJapaneseDate } from "@ichimado/core/common/wareki";
import { addressKey } from "@ichimado/core/search/address";
import { foldKana } from "@ichimado/core/search/kana";
import { nameQueryKey } from "@ichimado/core/search/keys";
import { searchableNumberFields } from "@ichimado/core/search/qualification";
import type { PersonSearchQuery } from "@ichimado/core/search/schemas";
import { HttpError } from "../platform/errors.ts";

/** What the SQL needs: folded keys and a date range, from what staff typed. */
export interface SearchPlan {
  kana?: string;
  name?: string;
  birthFrom?: string;
  birthTo?: string;
  address?: string;
  code?: string;
  /** A qualification number, in the number fields (and their programmes) the role may see. */
  qualification?: { value: string; fields: { field: string; programmes: string[] }[] };
  kind: PersonSearchQuery["kind"];
  includeInactive: boolean;
  limit: number;
}

// Kana of any width, the 長音 and dashes people type for it, and spaces: read as a reading.
const kanaOnly =
  /^[\u3041-\u3096\u309D\u309E\u30A1-\u30FA\u30FC-\u30FE\uFF66-\uFF9F\u2010-\u2015\u2212\uFF0D\uFF70ー\s\u3000・･]+$/u;

export function planSearch(
  query: PersonSearchQuery,
  /** The programmes whose enrollments the role may see: a number is looked for in those only. */
  visibleProgrammes: ReadonlySet<string>,
): SearchPlan {
  const plan: SearchPlan = { kind: query.kind, includeInactive: query.includeInactive, limit: query.limit };
  if (query.name) {
    if (kanaOnly.test(query.name)) plan.kana = foldKana(query.name);
    else plan.name = nameQueryKey(query.name);
    if (!plan.kana && !plan.name) throw invalid("name", "氏名に検索できる文字がありません");
  }
  if (query.birthDate) {
    const parsed = parseJapaneseDate(query.birthDate, query.era);
    if (!parsed.ok) throw invalid("birthDate", parsed.message);
    plan.birthFrom = parsed.from;
    plan.birthTo = parsed.to;
  }
  if (query.address) {
    plan.address = addressKey(query.address);
    if (!plan.address) throw invalid("address", "住所に検索できる文字がありません");
  }
  if (query.code) plan.code = query.code;
  if (query.qualification) {
    // A number of a programme the role may not see would tell who is enrolled in it (生活保護 …).
    const fields = searchableNumberFields(visibleProgrammes);
    if (fields.length === 0)
      throw invalid("qualification", "この窓口では資格の番号で検索できません (参照できる資格がありません)");
    plan.qualification = { value: query.qualification, fields };
  }
  return plan;
}

function invalid(field: string, message: string): HttpError {
  return new HttpError(400, "VALIDATION", message, [{ path: `querystring.${field}`, message }]);
}
