import { describeCondition } from "@ichimado/core/catalog/describe";
import type { QuestionDefinition } from "@ichimado/core/catalog/questions";
import { useState } from "react";
import { flushSync } from "react-dom";
import { focusRing } from "../app/ui.tsx";
import { FieldError, TextArea } from "../cases/fields.tsx";
import { type Issue, issueAt } from "../cases/form-errors.tsx";
import { StepButton } from "../cases/section.tsx";
import { ClauseEditor } from "./clause-editor.tsx";
import { clauseKindLabels, joinLabels, ruleModeLabels } from "./labels.ts";
import { buildRule, parseRuleJson } from "./rule-build.ts";
import {
  type ClauseKind,
  emptyClause,
  formatJson,
  type RuleDraft,
  type RuleMode,
  structuredOf,
} from "./rule-draft.ts";

const modes: RuleMode[] = ["none", "structured", "json"];
const kinds = Object.keys(clauseKindLabels) as ClauseKind[];

/**
 * A rule (a procedure's 派生ルール, a question's 聞く条件): none, a top-level group of clauses built
 * field by field, or JSON for what the fields cannot show (nested groups). The rule reads in plain
 * Japanese above the fields as they change.
 */
export function RuleEditor({
  name,
  legend,
  noneLabel,
  noneText,
  draft,
  questions,
  issues,
  fieldId,
  onChange,
}: {
  /** the issue path prefix and the field ids' stem: "rule" or "askWhen" */
  name: string;
  legend: string;
  /** the choice of no rule, and what that means here (shown as its description) */
  noneLabel: string;
  noneText: string;
  draft: RuleDraft;
  questions: readonly QuestionDefinition[];
  issues: readonly Issue[];
  fieldId: (path: string) => string;
  onChange: (draft: RuleDraft) => void;
}) {
  const [switchError, setSwitchError] = useState("");
  const built = buildRule(draft, name, questions);
  const description =
    draft.mode === "none"
      ? noneText
      : built.ok && built.condition
        ? describeCondition(built.condition, questions)
        : "（条件が完成すると、ここに説明が出ます）";

  const focus = (path: string) => document.getElementById(fieldId(path))?.focus();

  const switchTo = (mode: RuleMode) => {
    setSwitchError("");
    if (mode === "json" && draft.mode === "structured" && built.ok) {
      onChange({ ...draft, mode, json: formatJson(built.condition) });
      return;
    }
    if (mode === "structured" && draft.mode === "json" && draft.json.trim()) {
      const parsed = parseRuleJson(draft.json, name);
      const structured = parsed.ok && parsed.condition ? structuredOf(parsed.condition) : null;
      if (!structured) {
        setSwitchError(
          parsed.ok
            ? "この条件は入れ子になっているため組み立て画面では表示できません。JSONで編集してください"
            : "JSONに誤りがあるため組み立て画面に切り替えられません",
        );
        return;
      }
      onChange({ ...draft, mode, ...structured });
      return;
    }
    onChange({ ...draft, mode });
  };

  const add = (kind: ClauseKind) => {
    flushSync(() => onChange({ ...draft, clauses: [...draft.clauses, emptyClause(kind)] }));
    focus(`${name}.${draft.clauses.length}.kind`);
  };
  const remove = (index: number) => {
    flushSync(() => onChange({ ...draft, clauses: draft.clauses.filter((_, i) => i !== index) }));
    focus(`${name}.add`);
  };

  return (
    <fieldset className="flex flex-col gap-4">
      <legend className="text-std-20B-150">{legend}</legend>
      <div role="radiogroup" aria-label={`${legend}の形`} className="flex flex-wrap gap-x-6 gap-y-2">
        {modes.map((mode) => (
          <div key={mode} className="flex min-h-10 items-center gap-2">
            <input
              id={fieldId(`${name}-mode-${mode}`)}
              type="radio"
              name={fieldId(`${name}-mode`)}
              checked={draft.mode === mode}
              onChange={() => switchTo(mode)}
              className={`size-6 ${focusRing}`}
            />
            <label htmlFor={fieldId(`${name}-mode-${mode}`)} className="text-std-16N-170">
              {mode === "none" ? noneLabel : ruleModeLabels[mode]}
            </label>
          </div>
        ))}
      </div>
      {/* Focus stays on the radio that did not switch: say why at once. */}
      <p role="alert" className={switchError ? "text-dns-16N-130 text-error-2" : ""}>
        {switchError}
      </p>
      <div className="rounded-8 border-2 border-blue-900 bg-blue-50 p-4">
        <p className="text-dns-14B-120 text-solid-gray-700">{legend}の説明</p>
        <p className="text-std-16N-170" data-testid={`${name}-description`}>
          {description}
        </p>
        <FieldError message={issueAt(issues, name)} />
      </div>
      {draft.mode === "structured" && (
        <>
          <div role="radiogroup" aria-label="条件の組み合わせ" className="flex flex-wrap gap-x-6">
            {(["all", "any"] as const).map((join) => (
              <div key={join} className="flex min-h-10 items-center gap-2">
                <input
                  id={fieldId(`${name}-join-${join}`)}
                  type="radio"
                  name={fieldId(`${name}-join`)}
                  checked={draft.join === join}
                  onChange={() => onChange({ ...draft, join })}
                  className={`size-6 ${focusRing}`}
                />
                <label htmlFor={fieldId(`${name}-join-${join}`)} className="text-std-16N-170">
                  {joinLabels[join]}
                </label>
              </div>
            ))}
          </div>
          <ol className="flex flex-col gap-4">
            {draft.clauses.map((clause, i) => (
              <li key={clause.id}>
                <ClauseEditor
                  fieldId={fieldId}
                  at={`${name}.${i}`}
                  number={i + 1}
                  issues={issues}
                  clause={clause}
                  questions={questions}
                  onChange={(c) =>
                    onChange({ ...draft, clauses: draft.clauses.map((x, j) => (j === i ? c : x)) })
                  }
                  onRemove={() => remove(i)}
                />
              </li>
            ))}
          </ol>
          <div className="flex flex-wrap gap-2">
            {kinds.map((kind, i) => (
              <StepButton
                key={kind}
                id={i === 0 ? fieldId(`${name}.add`) : undefined}
                pending={false}
                variant="secondary"
                onClick={() => add(kind)}
              >
                {clauseKindLabels[kind]}を追加
              </StepButton>
            ))}
          </div>
          <FieldError message={issueAt(issues, `${name}.add`)} />
        </>
      )}
      {draft.mode === "json" && (
        <TextArea
          id={fieldId(`${name}.json`)}
          label={`${legend}（JSON）`}
          hint="kind が event・members・answer・all・any・not の条件です。保存の前に形式を確かめます"
          rows={12}
          spellCheck={false}
          value={draft.json}
          error={issueAt(issues, `${name}.json`)}
          onChange={(e) => onChange({ ...draft, json: e.currentTarget.value })}
        />
      )}
    </fieldset>
  );
}
