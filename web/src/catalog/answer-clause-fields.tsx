import { choicesOf, type QuestionDefinition } from "@ichimado/core/catalog/questions";
import { SelectInput, TextInput } from "../cases/fields.tsx";
import { type Issue, issueAt } from "../cases/form-errors.tsx";
import { CheckGroup } from "./check-group.tsx";
import type { AnswerDraft } from "./rule-draft.ts";

/** 質問の回答: a navigation question and the answers that make the clause hold. */
export function AnswerClauseFields({
  fieldId,
  at,
  issues,
  body,
  questions,
  onChange,
}: {
  fieldId: (path: string) => string;
  at: string;
  issues: readonly Issue[];
  body: AnswerDraft;
  questions: readonly QuestionDefinition[];
  onChange: (body: AnswerDraft) => void;
}) {
  const question = questions.find((q) => q.key === body.question);
  const choices = question ? choicesOf(question) : [];
  return (
    <div className="grid grid-cols-1 items-start gap-4 md:grid-cols-2">
      <SelectInput
        id={fieldId(`${at}.question`)}
        label="質問"
        value={body.question}
        error={issueAt(issues, `${at}.question`)}
        // Another question has other answers: the chosen ones would not fit it.
        onChange={(e) => onChange({ ...body, question: e.currentTarget.value, values: [], valuesText: "" })}
      >
        <option value="">選んでください</option>
        {question === undefined && body.question && (
          <option value={body.question}>{body.question}（不明な質問）</option>
        )}
        {questions.map((q) => (
          <option key={q.key} value={q.key}>
            {q.label}（{q.key}）
          </option>
        ))}
      </SelectInput>
      {question &&
        (choices.length > 0 ? (
          <CheckGroup
            id={fieldId(`${at}.values`)}
            legend="この回答のとき（いずれか）"
            options={choices.map((c) => ({ value: c.value, label: c.label }))}
            chosen={body.values}
            error={issueAt(issues, `${at}.values`)}
            onChange={(values) => onChange({ ...body, values })}
            columns="sm:grid-cols-2"
          />
        ) : (
          <TextInput
            id={fieldId(`${at}.valuesText`)}
            label="この回答のとき（いずれか）"
            hint="複数は「、」で区切ります"
            value={body.valuesText}
            error={issueAt(issues, `${at}.valuesText`)}
            onChange={(e) => onChange({ ...body, valuesText: e.currentTarget.value })}
          />
        ))}
    </div>
  );
}
