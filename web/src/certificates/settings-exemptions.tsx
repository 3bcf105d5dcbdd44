import { certificateGroupLabels, certificateGroups } from "@ichimado/core/certificates/schemas";
import { useId } from "react";
import { TextInput } from "../cases/fields.tsx";
import { type Issue, issueAt } from "../cases/form-errors.tsx";
import { StepButton } from "../cases/section.tsx";
import { CheckGroup } from "../catalog/check-group.tsx";
import { type ExemptionDraft, emptyExemption } from "./settings-draft.ts";
import { KeyField } from "./settings-key-field.tsx";
import { useEntryList } from "./settings-list.ts";

const groupOptions = certificateGroups.map((g) => ({ value: g, label: certificateGroupLabels[g] }));

/**
 * The fee exemptions (手数料の免除) with their legal basis and the certificates they cover. One a
 * purpose still names cannot be saved away: the check names that purpose.
 */
export function ExemptionList({
  exemptions,
  issues,
  fieldId,
  onChange,
}: {
  exemptions: readonly ExemptionDraft[];
  issues: readonly Issue[];
  fieldId: (path: string) => string;
  onChange: (exemptions: ExemptionDraft[]) => void;
}) {
  const id = useId();
  const list = useEntryList(exemptions, onChange, (i) => fieldId(`exemptions.${i}.key`));

  return (
    <section aria-labelledby={`${id}-heading`} className="flex flex-col gap-4">
      <h2 id={`${id}-heading`} className="text-std-24B-150">
        手数料の免除
      </h2>
      <ol className="flex flex-col gap-4">
        {exemptions.map((e, i) => {
          const path = (name: string) => `exemptions.${i}.${name}`;
          const label = e.name.trim() || `${i + 1}件目`;
          return (
            <li key={e.id}>
              <fieldset className="flex flex-col gap-3 rounded-8 border border-solid-gray-420 bg-white p-4">
                <legend className="px-1 text-std-18B-160">免除「{label}」</legend>
                <div className="grid grid-cols-1 items-start gap-3 md:grid-cols-2">
                  {/* a saved key on a line of its own, so name and law sit side by side */}
                  <div className={e.isNew ? "" : "md:col-span-2"}>
                    <KeyField
                      id={fieldId(path("key"))}
                      isNew={e.isNew}
                      label="キー"
                      hint="英字（例: disasterVictim）"
                      value={e.key}
                      error={issueAt(issues, path("key"))}
                      onChange={(key) => list.edit(i, { key })}
                    />
                  </div>
                  <TextInput
                    id={fieldId(path("name"))}
                    label="名称"
                    value={e.name}
                    error={issueAt(issues, path("name"))}
                    onChange={(event) => list.edit(i, { name: event.currentTarget.value })}
                  />
                  <TextInput
                    id={fieldId(path("legalBasis"))}
                    label="法令（根拠法と条、条例）"
                    value={e.legalBasis}
                    error={issueAt(issues, path("legalBasis"))}
                    onChange={(event) => list.edit(i, { legalBasis: event.currentTarget.value })}
                  />
                </div>
                <CheckGroup
                  id={fieldId(path("groups"))}
                  legend="対象の証明書（選ばなければすべての証明書）"
                  options={groupOptions}
                  chosen={e.groups}
                  error={issueAt(issues, path("groups"))}
                  onChange={(groups) => list.edit(i, { groups })}
                />
                <div>
                  <StepButton pending={false} variant="danger" onClick={() => list.remove(i)}>
                    この免除を削除
                  </StepButton>
                </div>
              </fieldset>
            </li>
          );
        })}
      </ol>
      <div>
        <StepButton
          id={list.addId}
          pending={false}
          variant="secondary"
          onClick={() => list.add(emptyExemption())}
        >
          免除を追加
        </StepButton>
      </div>
    </section>
  );
}
