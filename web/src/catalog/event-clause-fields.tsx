import {
  moveInOrigins,
  residenceChangeTypeLabels,
  residenceChangeTypes,
} from "@ichimado/core/cases/residence-change";
import { moveInOriginLabels } from "@ichimado/core/catalog/labels";
import { type Issue, issueAt } from "../cases/form-errors.tsx";
import { CheckGroup } from "./check-group.tsx";
import type { EventDraft } from "./rule-draft.ts";

const kindOptions = residenceChangeTypes.map((k) => ({ value: k, label: residenceChangeTypeLabels[k] }));
const originOptions = moveInOrigins.map((o) => ({ value: o, label: moveInOriginLabels[o] }));

/** 届出の種類: which 住民異動届 the rule applies to; for 転入, optionally where from. */
export function EventClauseFields({
  fieldId,
  at,
  issues,
  body,
  onChange,
}: {
  fieldId: (path: string) => string;
  at: string;
  issues: readonly Issue[];
  body: EventDraft;
  onChange: (body: EventDraft) => void;
}) {
  return (
    <>
      <CheckGroup
        id={fieldId(`${at}.events`)}
        legend="届出の種類（いずれか）"
        options={kindOptions}
        chosen={body.events}
        error={issueAt(issues, `${at}.events`)}
        onChange={(events) => onChange({ ...body, events })}
        columns="sm:grid-cols-4"
      />
      {body.events.includes("moveIn") && (
        <CheckGroup
          id={fieldId(`${at}.origins`)}
          legend="転入の元（選ばなければ問わない）"
          options={originOptions}
          chosen={body.origins}
          onChange={(origins) => onChange({ ...body, origins })}
          columns="sm:grid-cols-2"
        />
      )}
    </>
  );
}
