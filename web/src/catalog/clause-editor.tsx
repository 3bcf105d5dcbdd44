import type { QuestionDefinition } from "@ichimado/core/catalog/questions";
import { Checkbox, SelectInput } from "../cases/fields.tsx";
import type { Issue } from "../cases/form-errors.tsx";
import { StepButton } from "../cases/section.tsx";
import { AnswerClauseFields } from "./answer-clause-fields.tsx";
import { EventClauseFields } from "./event-clause-fields.tsx";
import { clauseKindLabels } from "./labels.ts";
import { MemberClauseFields } from "./member-clause-fields.tsx";
import { type ClauseDraft, type ClauseKind, emptyClause } from "./rule-draft.ts";

const kinds = Object.keys(clauseKindLabels) as ClauseKind[];

/** One clause of the top-level group: its kind, whether it is negated, and its fields. */
export function ClauseEditor({
  fieldId,
  at,
  number,
  issues,
  clause,
  questions,
  onChange,
  onRemove,
}: {
  fieldId: (path: string) => string;
  /** the issue path of this clause, e.g. `rule.2` */
  at: string;
  number: number;
  issues: readonly Issue[];
  clause: ClauseDraft;
  questions: readonly QuestionDefinition[];
  onChange: (clause: ClauseDraft) => void;
  onRemove: () => void;
}) {
  const title = `条件${number}`;
  const body = clause.body;
  const common = { fieldId, at, issues };
  return (
    <fieldset className="flex flex-col gap-4 rounded-8 border border-solid-gray-420 p-4">
      <legend className="px-1 text-std-18B-160">
        {title}: {clauseKindLabels[body.kind]}
      </legend>
      <div className="flex flex-wrap items-end gap-4">
        <SelectInput
          id={fieldId(`${at}.kind`)}
          label={`${title}の種類`}
          value={body.kind}
          // Another kind has other fields: start it empty rather than carry over what cannot apply.
          onChange={(e) =>
            onChange({ ...clause, body: emptyClause(e.currentTarget.value as ClauseKind).body })
          }
        >
          {kinds.map((k) => (
            <option key={k} value={k}>
              {clauseKindLabels[k]}
            </option>
          ))}
        </SelectInput>
        <Checkbox
          id={fieldId(`${at}.negated`)}
          label="否定（この条件に当たらないとき）"
          checked={clause.negated}
          onChange={(negated) => onChange({ ...clause, negated })}
        />
        <StepButton pending={false} variant="danger" className="ml-auto" onClick={onRemove}>
          {title}を削除
        </StepButton>
      </div>
      {body.kind === "event" && (
        <EventClauseFields {...common} body={body} onChange={(b) => onChange({ ...clause, body: b })} />
      )}
      {body.kind === "members" && (
        <MemberClauseFields {...common} body={body} onChange={(b) => onChange({ ...clause, body: b })} />
      )}
      {body.kind === "answer" && (
        <AnswerClauseFields
          {...common}
          body={body}
          questions={questions}
          onChange={(b) => onChange({ ...clause, body: b })}
        />
      )}
    </fieldset>
  );
}
