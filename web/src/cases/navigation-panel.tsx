import type { CaseDetail } from "@ichimado/core/cases/schemas";
import { useState } from "react";
import { useSaveAnswers } from "./api.ts";
import { SelectInput, TextInput } from "./fields.tsx";
import { ErrorSummary, issueAt, issuesOf } from "./form-errors.tsx";
import { SavedMessage, StepButton } from "./section.tsx";

type Question = CaseDetail["residenceChanges"][number]["questions"][number];

/**
 * 確認事項 (F24–25): the questions the catalog asks for the 住民異動届, in order. Answers are
 * saved together; the server then derives again, so an answer can add or remove procedures and a
 * follow-up question appears below the one it depends on.
 */
export function NavigationPanel({
  caseId,
  residenceChangeId,
  questions,
  editable,
}: {
  caseId: number;
  residenceChangeId: number;
  questions: readonly Question[];
  editable: boolean;
}) {
  const save = useSaveAnswers(caseId);
  const [draft, setDraft] = useState<Record<string, string>>({});
  const [message, setMessage] = useState("");
  if (questions.length === 0) return null;
  const fieldId = (path: string) => `q-${residenceChangeId}-${path.replace(/^answers\./, "")}`;
  const issues = issuesOf(save.error);
  const value = (q: Question) => draft[q.key] ?? q.answer ?? "";
  const changed = Object.entries(draft).filter(
    ([k, v]) => (questions.find((q) => q.key === k)?.answer ?? "") !== v,
  );

  const submit = () => {
    if (changed.length === 0) {
      setMessage("変更した回答はありません");
      return;
    }
    const answers = Object.fromEntries(changed.map(([k, v]) => [k, v === "" ? null : v]));
    save.mutate(
      { residenceChangeId, answers },
      {
        onSuccess: (result) => {
          setDraft({});
          const parts = [
            "回答を保存しました",
            result.added > 0 ? `手続きが${result.added}件増えました` : "",
            result.removed > 0 ? `手続きが${result.removed}件減りました` : "",
          ].filter(Boolean);
          setMessage(parts.join("。"));
        },
      },
    );
  };

  return (
    <section
      aria-labelledby={`nav-${residenceChangeId}`}
      className="flex flex-col gap-3 border-t border-solid-gray-420 pt-3"
    >
      <h4 id={`nav-${residenceChangeId}`} className="text-std-16B-170">
        確認事項（{questions.filter((q) => q.answer !== null).length}/{questions.length} 回答済）
      </h4>
      <ErrorSummary error={save.error} fieldId={fieldId} />
      {questions.map((q) => {
        const id = fieldId(q.key);
        const error = issueAt(issues, `answers.${q.key}`);
        const common = {
          id,
          label: q.text,
          hint: q.help || undefined,
          error,
          disabled: !editable,
          value: value(q),
        };
        return q.answerKind === "yesNo" || q.answerKind === "choice" ? (
          <SelectInput
            key={q.key}
            {...common}
            onChange={(e) => setDraft({ ...draft, [q.key]: e.currentTarget.value })}
          >
            <option value="">未回答</option>
            {q.choices.map((c) => (
              <option key={c.value} value={c.value}>
                {c.label}
              </option>
            ))}
          </SelectInput>
        ) : (
          <TextInput
            key={q.key}
            {...common}
            inputMode={q.answerKind === "number" ? "numeric" : undefined}
            placeholder={q.answerKind === "date" ? "YYYY-MM-DD" : undefined}
            onChange={(e) => setDraft({ ...draft, [q.key]: e.currentTarget.value })}
          />
        );
      })}
      {editable && (
        <div>
          <StepButton pending={save.isPending} onClick={submit}>
            確認事項の回答を保存
          </StepButton>
        </div>
      )}
      <SavedMessage message={message} />
    </section>
  );
}
