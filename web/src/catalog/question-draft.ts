import {
  type AnswerKind,
  type QuestionDefinition,
  questionDefinitionSchema,
} from "@ichimado/core/catalog/questions";
import type { Issue } from "../cases/form-errors.tsx";
import { buildRule } from "./rule-build.ts";
import { type RuleDraft, ruleDraftOf } from "./rule-draft.ts";

export interface ChoiceDraft {
  /** stable across edits, so each row keeps its inputs when one above is removed */
  id: number;
  value: string;
  label: string;
}

export interface QuestionDraft {
  key: string;
  text: string;
  label: string;
  help: string;
  answerKind: AnswerKind;
  choices: ChoiceDraft[];
  askWhen: RuleDraft;
}

let nextId = 1;
export const emptyChoice = (): ChoiceDraft => ({ id: nextId++, value: "", label: "" });

export function questionDraftOf(q: QuestionDefinition | undefined): QuestionDraft {
  return {
    key: q?.key ?? "",
    text: q?.text ?? "",
    label: q?.label ?? "",
    help: q?.help ?? "",
    answerKind: q?.answerKind ?? "yesNo",
    choices: (q?.choices ?? []).map((c) => ({ ...emptyChoice(), value: c.value, label: c.label })),
    askWhen: ruleDraftOf(q?.askWhen ?? null),
  };
}

const fieldLabels: Record<string, string> = {
  text: "質問文",
  label: "見出し",
  help: "補足",
};

/** The definition to send, or every problem found before sending (required fields, choices, the rule). */
export function questionOf(
  draft: QuestionDraft,
  questions: readonly QuestionDefinition[],
  /** for a new question, the keys in use: a save under one of them would replace that question */
  takenKeys?: ReadonlySet<string>,
): { ok: true; definition: QuestionDefinition } | { ok: false; issues: Issue[] } {
  const issues: Issue[] = [];
  if (takenKeys?.has(draft.key.trim())) {
    issues.push({ path: "key", message: `質問キー ${draft.key.trim()} は既に使われています` });
  }
  if (!draft.key.trim()) issues.push({ path: "key", message: "質問キーを入力してください" });
  if (!draft.text.trim()) issues.push({ path: "text", message: "質問文を入力してください" });
  if (!draft.label.trim()) issues.push({ path: "label", message: "見出しを入力してください" });
  const choice = draft.answerKind === "choice";
  if (choice) {
    const seen = new Set<string>();
    draft.choices.forEach((c, i) => {
      if (!c.value.trim())
        issues.push({ path: `choices.${i}.value`, message: `選択肢${i + 1}の値を入力してください` });
      else if (seen.has(c.value.trim()))
        issues.push({ path: `choices.${i}.value`, message: `選択肢${i + 1}の値が重複しています` });
      seen.add(c.value.trim());
      if (!c.label.trim())
        issues.push({ path: `choices.${i}.label`, message: `選択肢${i + 1}の表示名を入力してください` });
    });
    if (draft.choices.length < 2)
      issues.push({ path: "choices", message: "選択肢を2つ以上設定してください" });
  }
  const askWhen = buildRule(draft.askWhen, "askWhen", questions);
  if (!askWhen.ok) issues.push(...askWhen.issues);
  if (issues.length > 0 || !askWhen.ok) return { ok: false, issues };
  const parsed = questionDefinitionSchema.safeParse({
    key: draft.key.trim(),
    text: draft.text.trim(),
    label: draft.label.trim(),
    help: draft.help.trim(),
    answerKind: draft.answerKind,
    choices: choice ? draft.choices.map((c) => ({ value: c.value.trim(), label: c.label.trim() })) : [],
    askWhen: askWhen.condition,
  });
  if (parsed.success) return { ok: true, definition: parsed.data };
  return {
    ok: false,
    issues: parsed.error.issues.map((i) => {
      const path = i.path.map(String).join(".");
      const label = fieldLabels[path];
      return { path, message: label ? `${label}: ${i.message}` : i.message };
    }),
  };
}
