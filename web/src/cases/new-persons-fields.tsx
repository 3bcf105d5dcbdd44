import { sexLabels } from "@ichimado/core/registry/codes";
import { useRef } from "react";
import { flushSync } from "react-dom";
import { Checkbox, dateHint, FieldError, SelectInput, TextInput } from "./fields.tsx";
import { type Issue, issueAt } from "./form-errors.tsx";
import { type NewPersonDraft, newPersonDraft } from "./residence-change-draft.ts";
import { StepButton } from "./section.tsx";

/**
 * People the register does not have yet (the newborn, those moving in): one group of fields each.
 * Adding puts focus on the new person's name; removing, on the add button.
 */
export function NewPersonsFields({
  fieldId,
  persons,
  issues,
  birth,
  onChange,
}: {
  fieldId: (path: string) => string;
  persons: NewPersonDraft[];
  issues: readonly Issue[];
  /** 出生: the child; otherwise those moving in */
  birth: boolean;
  onChange: (persons: NewPersonDraft[]) => void;
}) {
  const addButton = useRef<HTMLButtonElement>(null);
  const nextKey = useRef(persons.reduce((max, p) => Math.max(max, p.key), 0) + 1);
  const title = birth ? "生まれた子" : "転入する人";
  const update = (index: number, change: Partial<NewPersonDraft>) =>
    onChange(persons.map((p, i) => (i === index ? { ...p, ...change } : p)));

  const add = () => {
    const key = nextKey.current++;
    const relationship = birth ? "子" : persons.length === 0 ? "世帯主" : "";
    flushSync(() => onChange([...persons, newPersonDraft(key, relationship)]));
    document.getElementById(fieldId(`newPersons.${persons.length}.name`))?.focus();
  };
  const remove = (index: number) => {
    flushSync(() => onChange(persons.filter((_, i) => i !== index)));
    addButton.current?.focus();
  };

  return (
    <fieldset className="flex flex-col gap-3">
      <legend className="mb-1 text-std-16B-170 text-solid-gray-800">{title}</legend>
      <FieldError message={issueAt(issues, "newPersons")} />
      {persons.length === 0 && <p className="text-dns-16N-130 text-solid-gray-700">まだ入力されていません</p>}
      {persons.map((p, i) => {
        const path = (field: string) => `newPersons.${i}.${field}`;
        const n = i + 1;
        return (
          <fieldset
            key={p.key}
            className="flex flex-col gap-3 rounded-8 border border-solid-gray-420 p-4"
            aria-label={`${title} ${n}人目`}
          >
            <div className="grid grid-cols-1 items-start gap-4 md:grid-cols-3">
              <TextInput
                id={fieldId(path("name"))}
                label={`氏名 (${n}人目)`}
                value={p.name}
                error={issueAt(issues, path("name"))}
                onChange={(e) => update(i, { name: e.currentTarget.value })}
              />
              <TextInput
                id={fieldId(path("nameKana"))}
                label={`氏名カナ (${n}人目)`}
                value={p.nameKana}
                error={issueAt(issues, path("nameKana"))}
                onChange={(e) => update(i, { nameKana: e.currentTarget.value })}
              />
              <TextInput
                id={fieldId(path("birthDate"))}
                label={`生年月日 (${n}人目)`}
                hint={dateHint}
                value={p.birthDate}
                error={issueAt(issues, path("birthDate"))}
                onChange={(e) => update(i, { birthDate: e.currentTarget.value })}
              />
              <SelectInput
                id={fieldId(path("sex"))}
                label={`性別 (${n}人目)`}
                value={p.sex}
                error={issueAt(issues, path("sex"))}
                onChange={(e) => update(i, { sex: e.currentTarget.value as NewPersonDraft["sex"] })}
              >
                <option value="">選んでください</option>
                <option value="male">{sexLabels.male}</option>
                <option value="female">{sexLabels.female}</option>
              </SelectInput>
              <TextInput
                id={fieldId(path("relationship"))}
                label={`続柄 (${n}人目)`}
                hint="例: 世帯主、妻、子"
                value={p.relationship}
                error={issueAt(issues, path("relationship"))}
                onChange={(e) => update(i, { relationship: e.currentTarget.value })}
              />
              <Checkbox
                id={fieldId(path("foreign"))}
                label="外国人住民 (在留カード)"
                checked={p.foreign}
                onChange={(foreign) => update(i, { foreign })}
              />
            </div>
            <div>
              <StepButton pending={false} variant="danger" onClick={() => remove(i)}>
                {n}人目を削除
              </StepButton>
            </div>
          </fieldset>
        );
      })}
      <div>
        <StepButton ref={addButton} pending={false} variant="secondary" onClick={add}>
          {title}を追加
        </StepButton>
      </div>
    </fieldset>
  );
}
