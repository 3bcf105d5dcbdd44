import type { ProcedureDefinition, ProcedureScope } from "@ichimado/core/catalog/procedures";
import { procedureDefinitionSchema } from "@ichimado/core/catalog/procedures";
import type { QuestionDefinition } from "@ichimado/core/catalog/questions";
import type { ProgrammeKey } from "@ichimado/core/programmes/programmes";
import { readDate } from "../cases/fields.tsx";
import type { Issue } from "../cases/form-errors.tsx";
import { buildRule } from "./rule-build.ts";
import { type RuleDraft, ruleDraftOf } from "./rule-draft.ts";

/** A procedure as its editor holds it: text as typed (things to bring one per line, dates as typed). */
export interface ProcedureDraft {
  key: string;
  name: string;
  programme: ProgrammeKey | "";
  scope: ProcedureScope;
  counterId: string;
  guidance: string;
  legalBasis: string;
  bring: string;
  questions: string[];
  forms: string[];
  leaflets: string[];
  handlingRoles: string[];
  validFrom: string;
  validTo: string;
  rule: RuleDraft;
}

export function procedureDraftOf(p: ProcedureDefinition | undefined): ProcedureDraft {
  return {
    key: p?.key ?? "",
    name: p?.name ?? "",
    programme: p?.programme ?? "",
    scope: p?.scope ?? "household",
    counterId: p?.counterId ?? "",
    guidance: p?.guidance ?? "",
    legalBasis: p?.legalBasis ?? "",
    bring: (p?.bring ?? []).join("\n"),
    questions: [...(p?.questions ?? [])],
    forms: [...(p?.forms ?? [])],
    leaflets: [...(p?.leaflets ?? [])],
    handlingRoles: [...(p?.handlingRoles ?? [])],
    validFrom: p?.validFrom ?? "",
    validTo: p?.validTo ?? "",
    rule: ruleDraftOf(p?.rule ?? null),
  };
}

const required: [keyof ProcedureDraft, string][] = [
  ["key", "手続きキーを入力してください"],
  ["name", "手続き名を入力してください"],
  ["programme", "業務を選んでください"],
  ["counterId", "担当窓口を選んでください"],
  ["guidance", "職員向けの案内を入力してください"],
  ["legalBasis", "法令を入力してください"],
];

/**
 * The definition to send, or every problem found before sending: required fields, dates, the rule,
 * then the shared schema (lengths, the key's form) so the server rarely has to say it.
 */
export function procedureOf(
  draft: ProcedureDraft,
  questions: readonly QuestionDefinition[],
  /** for a new procedure, the keys in use: a save under one of them would replace that procedure */
  takenKeys?: ReadonlySet<string>,
): { ok: true; definition: ProcedureDefinition } | { ok: false; issues: Issue[] } {
  const issues: Issue[] = [];
  if (takenKeys?.has(draft.key.trim())) {
    issues.push({ path: "key", message: `手続きキー ${draft.key.trim()} は既に使われています` });
  }
  for (const [field, message] of required) {
    if (typeof draft[field] === "string" && !(draft[field] as string).trim())
      issues.push({ path: field, message });
  }
  const from = readDate(draft.validFrom);
  const to = readDate(draft.validTo);
  if (!from.ok) issues.push({ path: "validFrom", message: from.message });
  if (!to.ok) issues.push({ path: "validTo", message: to.message });
  if (from.ok && to.ok && from.date && to.date && from.date > to.date) {
    issues.push({ path: "validTo", message: "適用終了日は適用開始日以後にしてください" });
  }
  const rule = buildRule(draft.rule, "rule", questions);
  if (!rule.ok) issues.push(...rule.issues);
  if (issues.length > 0 || !rule.ok || !from.ok || !to.ok) return { ok: false, issues };
  const parsed = procedureDefinitionSchema.safeParse({
    key: draft.key.trim(),
    name: draft.name.trim(),
    programme: draft.programme,
    scope: draft.scope,
    counterId: draft.counterId,
    guidance: draft.guidance.trim(),
    legalBasis: draft.legalBasis.trim(),
    bring: draft.bring
      .split("\n")
      .map((line) => line.trim())
      .filter(Boolean),
    rule: rule.condition,
    questions: draft.questions,
    forms: draft.forms,
    leaflets: draft.leaflets,
    handlingRoles: draft.handlingRoles,
    validFrom: from.date,
    validTo: to.date,
  });
  if (parsed.success) return { ok: true, definition: parsed.data };
  return {
    ok: false,
    issues: parsed.error.issues.map((i) => {
      const field = String(i.path[0] ?? "");
      const label = fieldLabels[field];
      return { path: field, message: label ? `${label}: ${i.message}` : i.message };
    }),
  };
}

/** Names for the schema's generic messages ("80文字以下…" says nothing of which field). */
const fieldLabels: Record<string, string> = {
  name: "手続き名",
  guidance: "案内",
  legalBasis: "法令",
  bring: "持ち物",
  questions: "確認事項",
  forms: "印刷する様式",
  leaflets: "添付する案内チラシ",
  handlingRoles: "受け付けられる役割",
  counterId: "担当窓口",
};
