import { flushSync } from "react-dom";
import { TextInput } from "../cases/fields.tsx";
import { type Issue, issueAt } from "../cases/form-errors.tsx";
import { StepButton } from "../cases/section.tsx";
import { type ChoiceDraft, emptyChoice } from "./question-draft.ts";

/** The choices of a 選択 question: the value rules and forms read, and the label staff see. */
export function ChoicesFields({
  fieldId,
  choices,
  issues,
  onChange,
}: {
  fieldId: (path: string) => string;
  choices: ChoiceDraft[];
  issues: readonly Issue[];
  onChange: (choices: ChoiceDraft[]) => void;
}) {
  const focus = (path: string) => document.getElementById(fieldId(path))?.focus();
  const add = () => {
    flushSync(() => onChange([...choices, emptyChoice()]));
    focus(`choices.${choices.length}.value`);
  };
  const remove = (index: number) => {
    flushSync(() => onChange(choices.filter((_, i) => i !== index)));
    focus("choices-add");
  };
  const edit = (index: number, change: Partial<ChoiceDraft>) =>
    onChange(choices.map((c, i) => (i === index ? { ...c, ...change } : c)));
  const listError = issueAt(issues, "choices");
  return (
    <fieldset className="flex flex-col gap-3">
      <legend className="text-std-18B-160">選択肢</legend>
      <p className="text-dns-14N-130 text-solid-gray-700">
        値はルールと申請書が読む英数字（例:
        marriage）、表示名は職員が見る言葉です。値を変えると、その値を読むルールも直す必要があります。
      </p>
      {listError && <p className="text-dns-16N-130 text-error-2">{listError}</p>}
      <ol className="flex flex-col gap-3">
        {choices.map((c, i) => (
          <li key={c.id} className="grid grid-cols-1 items-end gap-3 md:grid-cols-[1fr_2fr_auto]">
            <TextInput
              id={fieldId(`choices.${i}.value`)}
              label={`選択肢${i + 1}の値`}
              value={c.value}
              error={issueAt(issues, `choices.${i}.value`)}
              onChange={(e) => edit(i, { value: e.currentTarget.value })}
            />
            <TextInput
              id={fieldId(`choices.${i}.label`)}
              label={`選択肢${i + 1}の表示名`}
              value={c.label}
              error={issueAt(issues, `choices.${i}.label`)}
              onChange={(e) => edit(i, { label: e.currentTarget.value })}
            />
            <StepButton pending={false} variant="danger" onClick={() => remove(i)}>
              選択肢{i + 1}を削除
            </StepButton>
          </li>
        ))}
      </ol>
      <div>
        <StepButton id={fieldId("choices-add")} pending={false} variant="secondary" onClick={add}>
          選択肢を追加
        </StepButton>
      </div>
    </fieldset>
  );
}
