import type { ProcedureScope } from "@ichimado/core/catalog/procedures";
import type { AnswerKind } from "@ichimado/core/catalog/questions";
import type { ClauseKind, RuleMode, Tri } from "./rule-draft.ts";

/** Words of the catalog screens that core does not already name. */

export const answerKindLabels: Record<AnswerKind, string> = {
  yesNo: "はい・いいえ",
  choice: "選択",
  text: "文字",
  date: "日付",
  number: "数値",
};

export const scopeLabels: Record<ProcedureScope, string> = {
  household: "世帯ごと（届出の世帯に1件）",
  person: "人ごと（条件に当たる人ごとに1件）",
};

export const clauseKindLabels: Record<ClauseKind, string> = {
  event: "届出の種類",
  members: "世帯員の条件",
  answer: "質問の回答",
};

export const joinLabels = { all: "次の条件をすべて満たす", any: "次の条件のいずれかを満たす" } as const;

/** "none" is named by each editor: what no rule means differs for a procedure and a question. */
export const ruleModeLabels: Record<Exclude<RuleMode, "none">, string> = {
  structured: "条件を組み立てる",
  json: "JSONで編集（入れ子の条件）",
};

export const triOptions: { value: Tri; label: string }[] = [
  { value: "", label: "問わない" },
  { value: "yes", label: "はい" },
  { value: "no", label: "いいえ" },
];

/** validFrom〜validTo as the list shows it. */
export function validityText(from: string | null, to: string | null): string {
  if (!from && !to) return "期限なし";
  return `${from ?? ""}〜${to ?? ""}`;
}
