import { useId } from "react";
import { SelectInput, TextInput } from "../cases/fields.tsx";
import { type Issue, issueAt } from "../cases/form-errors.tsx";
import { StepButton } from "../cases/section.tsx";
import { type ExemptionDraft, emptyPurpose, type PurposeDraft } from "./settings-draft.ts";
import { KeyField } from "./settings-key-field.tsx";
import { useEntryList } from "./settings-list.ts";

/**
 * The purposes (使用目的) staff choose from, each with the exemption it brings, if any. A key is
 * typed only for a new purpose: saved requests name their purpose by it.
 */
export function PurposeList({
  purposes,
  exemptions,
  issues,
  fieldId,
  onChange,
}: {
  purposes: readonly PurposeDraft[];
  exemptions: readonly ExemptionDraft[];
  issues: readonly Issue[];
  fieldId: (path: string) => string;
  onChange: (purposes: PurposeDraft[]) => void;
}) {
  const id = useId();
  const list = useEntryList(purposes, onChange, (i) => fieldId(`purposes.${i}.key`));
  const choices = exemptions.filter((e) => e.key.trim());

  return (
    <section aria-labelledby={`${id}-heading`} className="flex flex-col gap-4">
      <h2 id={`${id}-heading`} className="text-std-24B-150">
        使用目的
      </h2>
      <p className="text-dns-16N-130 text-solid-gray-700">
        免除を選んだ使用目的では、その免除の対象の証明書の手数料が0円になります。
      </p>
      <ol className="flex flex-col gap-3">
        {purposes.map((p, i) => {
          const path = (name: string) => `purposes.${i}.${name}`;
          const label = p.name.trim() || `${i + 1}件目`;
          const unknown = p.exemption && !choices.some((e) => e.key.trim() === p.exemption);
          return (
            <li
              key={p.id}
              className="grid grid-cols-1 items-end gap-3 border-b border-solid-gray-420 pb-3 md:grid-cols-[1fr_2fr_2fr_auto]"
            >
              <KeyField
                id={fieldId(path("key"))}
                isNew={p.isNew}
                label={`使用目的${i + 1}のキー`}
                hint="英字（例: passport）"
                value={p.key}
                error={issueAt(issues, path("key"))}
                onChange={(key) => list.edit(i, { key })}
              />
              <TextInput
                id={fieldId(path("name"))}
                label={`使用目的${i + 1}の名称`}
                value={p.name}
                error={issueAt(issues, path("name"))}
                onChange={(e) => list.edit(i, { name: e.currentTarget.value })}
              />
              <SelectInput
                id={fieldId(path("exemption"))}
                label={`「${label}」の免除`}
                value={p.exemption}
                error={issueAt(issues, path("exemption"))}
                onChange={(e) => list.edit(i, { exemption: e.currentTarget.value })}
              >
                <option value="">免除なし</option>
                {unknown && <option value={p.exemption}>{p.exemption}（削除された免除）</option>}
                {choices.map((e) => (
                  <option key={e.id} value={e.key.trim()}>
                    {e.name.trim() || e.key}
                  </option>
                ))}
              </SelectInput>
              <StepButton pending={false} variant="danger" onClick={() => list.remove(i)}>
                削除<span className="sr-only">: 使用目的「{label}」</span>
              </StepButton>
            </li>
          );
        })}
      </ol>
      <div>
        <StepButton
          id={list.addId}
          pending={false}
          variant="secondary"
          onClick={() => list.add(emptyPurpose())}
        >
          使用目的を追加
        </StepButton>
      </div>
    </section>
  );
}
