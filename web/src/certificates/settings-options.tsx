import { requesterKindLabels, requesterKinds } from "@ichimado/core/certificates/schemas";
import { useId } from "react";
import { Checkbox, FieldError, TextInput } from "../cases/fields.tsx";
import { type Issue, issueAt } from "../cases/form-errors.tsx";
import { StepButton } from "../cases/section.tsx";
import { CheckGroup } from "../catalog/check-group.tsx";
import { emptyOption, type OptionDraft } from "./settings-draft.ts";
import { KeyField } from "./settings-key-field.tsx";
import { useEntryList } from "./settings-list.ts";

const requesterOptions = requesterKinds.map((k) => ({ value: k, label: requesterKindLabels[k] }));

/**
 * A certificate's 記載事項 (本籍・筆頭者, 続柄, 個人番号 …) with who may not have each: the rules the
 * counter's quote applies to every request line that asks for it.
 */
export function OptionList({
  typeIndex,
  typeName,
  options,
  issues,
  fieldId,
  onChange,
}: {
  typeIndex: number;
  /** the certificate's name as the editor shows it, for the buttons' accessible names */
  typeName: string;
  options: readonly OptionDraft[];
  issues: readonly Issue[];
  fieldId: (path: string) => string;
  onChange: (options: OptionDraft[]) => void;
}) {
  const id = useId();
  const prefix = `types.${typeIndex}.options`;
  const list = useEntryList(options, onChange, (j) => fieldId(`${prefix}.${j}.key`));
  const listError = issueAt(issues, prefix);

  return (
    <fieldset
      className="flex flex-col gap-3"
      aria-describedby={`${id}-hint`}
      aria-invalid={listError ? true : undefined}
    >
      <legend className="text-std-18B-160">記載事項</legend>
      <p id={`${id}-hint`} className="text-dns-14N-130 text-solid-gray-700">
        請求のときに選べる記載事項です（20件まで）。記載できない請求者を選ぶと、その請求者からの請求では選べません。
      </p>
      <FieldError message={listError} />
      {options.length === 0 && <p className="text-dns-16N-130">記載事項はありません。</p>}
      <ol className="flex flex-col gap-3">
        {options.map((o, j) => {
          const path = (name: string) => `${prefix}.${j}.${name}`;
          const label = o.name.trim() ? `「${o.name.trim()}」` : `（${j + 1}件目）`;
          return (
            <li key={o.id}>
              <fieldset className="flex flex-col gap-3 rounded-8 border border-solid-gray-420 bg-white p-4">
                <legend className="px-1 text-std-16B-170">記載事項{label}</legend>
                <div className="grid grid-cols-1 items-start gap-3 md:grid-cols-2">
                  <KeyField
                    id={fieldId(path("key"))}
                    isNew={o.isNew}
                    label="キー"
                    hint="英字（例: householdHead）"
                    value={o.key}
                    error={issueAt(issues, path("key"))}
                    onChange={(key) => list.edit(j, { key })}
                  />
                  <TextInput
                    id={fieldId(path("name"))}
                    label="名称"
                    hint="受付の画面と交付請求書に出ます（40文字以内）"
                    value={o.name}
                    error={issueAt(issues, path("name"))}
                    onChange={(e) => list.edit(j, { name: e.currentTarget.value })}
                  />
                </div>
                <CheckGroup
                  id={fieldId(path("refusedTo"))}
                  legend="記載できない請求者"
                  options={requesterOptions}
                  chosen={o.refusedTo}
                  error={issueAt(issues, path("refusedTo"))}
                  onChange={(refusedTo) => list.edit(j, { refusedTo })}
                />
                <div>
                  <Checkbox
                    id={fieldId(path("delegationMustName"))}
                    label="代理人は委任状に明記がある場合のみ"
                    checked={o.delegationMustName}
                    onChange={(delegationMustName) => list.edit(j, { delegationMustName })}
                  />
                  <FieldError message={issueAt(issues, path("delegationMustName"))} />
                </div>
                <div>
                  <StepButton pending={false} variant="danger" onClick={() => list.remove(j)}>
                    この記載事項を削除<span className="sr-only">: 記載事項{label}</span>
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
          onClick={() => list.add(emptyOption())}
        >
          記載事項を追加<span className="sr-only">: {typeName}</span>
        </StepButton>
      </div>
    </fieldset>
  );
}
