import { type AnswerKind, answerKinds } from "@ichimado/core/catalog/questions";
import { SelectInput, TextArea, TextInput } from "../cases/fields.tsx";
import { type Issue, issueAt } from "../cases/form-errors.tsx";
import { ChoicesFields } from "./choices-fields.tsx";
import { answerKindLabels } from "./labels.ts";
import type { QuestionDraft } from "./question-draft.ts";

/** What staff read to the visitor, how it is listed, and what kind of answer it takes. */
export function QuestionFields({
  fieldId,
  draft,
  isNew,
  issues,
  set,
}: {
  fieldId: (path: string) => string;
  draft: QuestionDraft;
  isNew: boolean;
  issues: readonly Issue[];
  set: <K extends keyof QuestionDraft>(key: K, value: QuestionDraft[K]) => void;
}) {
  const field = (name: keyof QuestionDraft) => ({ id: fieldId(name), error: issueAt(issues, name) });
  return (
    <fieldset className="flex flex-col gap-4">
      <legend className="text-std-20B-150">質問</legend>
      {isNew && (
        <TextInput
          {...field("key")}
          label="質問キー"
          hint="英字で始まる英数字（例: hasCat）。ルールと申請書が読むため、保存後は変えられません"
          value={draft.key}
          onChange={(e) => set("key", e.currentTarget.value)}
        />
      )}
      <TextArea
        {...field("text")}
        label="質問文"
        hint="職員が来庁者に読み上げる文（200文字以内）"
        value={draft.text}
        onChange={(e) => set("text", e.currentTarget.value)}
      />
      <TextInput
        {...field("label")}
        label="見出し"
        hint="一覧・理由・ルールの説明に出る短い言葉（60文字以内）"
        value={draft.label}
        onChange={(e) => set("label", e.currentTarget.value)}
      />
      <TextArea
        {...field("help")}
        label="補足（職員向け）"
        value={draft.help}
        onChange={(e) => set("help", e.currentTarget.value)}
      />
      <SelectInput
        {...field("answerKind")}
        label="回答の形式"
        value={draft.answerKind}
        onChange={(e) => set("answerKind", e.currentTarget.value as AnswerKind)}
      >
        {answerKinds.map((k) => (
          <option key={k} value={k}>
            {answerKindLabels[k]}
          </option>
        ))}
      </SelectInput>
      {draft.answerKind === "choice" && (
        <ChoicesFields
          fieldId={fieldId}
          choices={draft.choices}
          issues={issues}
          onChange={(choices) => set("choices", choices)}
        />
      )}
    </fieldset>
  );
}
