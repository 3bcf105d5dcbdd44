import { evaluateCondition } from "./evaluate.ts";
import type { ProcedureDefinition } from "./procedures.ts";
import { choicesOf, type QuestionDefinition } from "./questions.ts";
import type { DerivationFacts } from "./rules.ts";

/**
 * Navigation (F24–25): which questions to put to the visitor now, given the facts of the 住民異動届,
 * the answers so far and the procedures in the case's list. Pure: call it again after every answer;
 * a follow-up appears once the answer it depends on is given and disappears when it changes.
 *
 * Order: first the questions whose own `askWhen` holds, in catalog order; then the check items of
 * the listed procedures, in the order of `procedures` and of each procedure's `questions`, those
 * with an `askWhen` only when it holds. Each question at most once; a key no question defines is
 * skipped (an administrator may have removed the question). `askWhen` is evaluated for the
 * household (no 本人), so a `self` condition there never holds. Answered questions stay in the list,
 * so the screen can show and change their answers.
 */
export function questionsToAsk(
  questions: readonly QuestionDefinition[],
  procedures: readonly Pick<ProcedureDefinition, "questions">[],
  facts: DerivationFacts,
): QuestionDefinition[] {
  const holds = (q: QuestionDefinition) =>
    q.askWhen === null || evaluateCondition(q.askWhen, facts, undefined, questions).matched;
  const asked: QuestionDefinition[] = [];
  const seen = new Set<string>();
  const ask = (q: QuestionDefinition) => {
    seen.add(q.key);
    asked.push(q);
  };
  for (const q of questions) if (q.askWhen !== null && !seen.has(q.key) && holds(q)) ask(q);
  const byKey = new Map<string, QuestionDefinition>();
  for (const q of questions) if (!byKey.has(q.key)) byKey.set(q.key, q);
  for (const procedure of procedures)
    for (const key of procedure.questions) {
      const q = byKey.get(key);
      if (q !== undefined && !seen.has(key) && holds(q)) ask(q);
    }
  return asked;
}

const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/;
const maxTextLength = 200;

/**
 * Checks one answer against its question; a Japanese message for staff, or null when it is fine.
 * yesNo takes "yes"/"no", choice one of its values, date a real calendar date as YYYY-MM-DD,
 * number a whole number, text at most 200 characters. An empty answer is an error: to withdraw an
 * answer, remove it.
 */
export function validateAnswer(question: QuestionDefinition, value: string): string | null {
  if (value.trim() === "") return "回答を入力してください";
  switch (question.answerKind) {
    case "yesNo":
    case "choice": {
      const choices = choicesOf(question);
      return choices.some((c) => c.value === value)
        ? null
        : `「${choices.map((c) => c.label).join("」「")}」から選んでください`;
    }
    case "date":
      return isCalendarDate(value) ? null : "日付は YYYY-MM-DD の形で、実在する日を入力してください";
    case "number":
      return /^-?\d{1,12}$/.test(value) ? null : "数値（整数）を半角数字で入力してください";
    case "text":
      return [...value].length <= maxTextLength ? null : `${maxTextLength}文字以内で入力してください`;
  }
  return "回答の形式が不明です";
}

function isCalendarDate(value: string): boolean {
  const match = isoDate.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
