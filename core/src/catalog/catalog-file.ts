import { z } from "zod";
import { type ProcedureDefinition, procedureDefinitionSchema } from "./procedures.ts";
import { type QuestionDefinition, questionDefinitionSchema } from "./questions.ts";
import type { Condition } from "./rules.ts";

/** The whole catalog: what a version stores and what an export file carries. */
export const catalogContentSchema = z.object({
  procedures: z.array(procedureDefinitionSchema).max(2000),
  questions: z.array(questionDefinitionSchema).max(2000),
});
export type CatalogContent = z.infer<typeof catalogContentSchema>;

export interface Catalog extends CatalogContent {
  version: number;
}

/** The export/import file: versioned so a file from another city or an older release is recognised. */
export const catalogFileSchema = catalogContentSchema.extend({
  format: z.literal("ichimado-catalog", "いちまどの手続きカタログのファイルではありません"),
  formatVersion: z.literal(1, "このバージョンのカタログファイルには対応していません"),
  catalogVersion: z.number().int().positive(),
  exportedAt: z.string(),
});
export type CatalogFile = z.infer<typeof catalogFileSchema>;

function answerConditions(condition: Condition | null): { question: string; values: string[] }[] {
  if (condition === null) return [];
  switch (condition.kind) {
    case "answer":
      return [{ question: condition.question, values: condition.values }];
    case "all":
    case "any":
      return condition.conditions.flatMap(answerConditions);
    case "not":
      return answerConditions(condition.condition);
    default:
      return [];
  }
}

const allowedValues = (q: QuestionDefinition): string[] | null =>
  q.answerKind === "yesNo" ? ["yes", "no"] : q.answerKind === "choice" ? q.choices.map((c) => c.value) : null;

/**
 * What is inconsistent in a catalog, in Japanese with the path of each problem: duplicate keys,
 * unknown counters, questions a rule or a procedure names that do not exist, answer values a question
 * cannot take. The schema checks each entry; this checks them against each other.
 */
export function catalogProblems(
  content: CatalogContent,
  counterIds: ReadonlySet<string>,
  /** the city's roles; a procedure may only name these as its handling roles */
  roleIds?: ReadonlySet<string>,
): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = [];
  const questions = new Map<string, QuestionDefinition>();
  content.questions.forEach((q, i) => {
    if (questions.has(q.key))
      problems.push({ path: `questions.${i}.key`, message: `質問キー ${q.key} が重複しています` });
    questions.set(q.key, q);
  });
  const checkAnswers = (condition: Condition | null, path: string) => {
    for (const a of answerConditions(condition)) {
      const q = questions.get(a.question);
      if (!q) {
        problems.push({ path, message: `条件が参照する質問 ${a.question} がありません` });
        continue;
      }
      const allowed = allowedValues(q);
      const wrong = allowed ? a.values.filter((v) => !allowed.includes(v)) : [];
      if (wrong.length > 0) {
        problems.push({ path, message: `質問「${q.label}」は回答 ${wrong.join("・")} を取りません` });
      }
    }
  };
  content.questions.forEach((q, i) => {
    checkAnswers(q.askWhen, `questions.${i}.askWhen`);
  });
  const keys = new Set<string>();
  content.procedures.forEach((p: ProcedureDefinition, i) => {
    if (keys.has(p.key))
      problems.push({ path: `procedures.${i}.key`, message: `手続きキー ${p.key} が重複しています` });
    keys.add(p.key);
    if (!counterIds.has(p.counterId)) {
      problems.push({ path: `procedures.${i}.counterId`, message: `窓口 ${p.counterId} がありません` });
    }
    for (const role of roleIds ? p.handlingRoles : []) {
      if (!roleIds?.has(role))
        problems.push({
          path: `procedures.${i}.handlingRoles`,
          message: `${p.name}: 役割 ${role} がありません`,
        });
    }
    for (const k of p.questions) {
      if (!questions.has(k))
        problems.push({ path: `procedures.${i}.questions`, message: `質問 ${k} がありません` });
    }
    if (p.validFrom && p.validTo && p.validFrom > p.validTo) {
      problems.push({ path: `procedures.${i}.validTo`, message: "適用終了日が適用開始日より前です" });
    }
    checkAnswers(p.rule, `procedures.${i}.rule`);
  });
  return problems;
}
