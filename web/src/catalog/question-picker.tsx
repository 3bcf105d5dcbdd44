import type { QuestionDefinition } from "@ichimado/core/catalog/questions";
import { foldKana } from "@ichimado/core/search/kana";
import { useState } from "react";
import { Checkbox, FieldError, TextInput } from "../cases/fields.tsx";

const fold = (text: string) => foldKana(text).toLowerCase();

/**
 * A procedure's check items (確認事項): navigation questions asked once it is in a case's list, in
 * the order they were ticked. The list narrows as staff type part of a label or key.
 */
export function QuestionPicker({
  id,
  questions,
  chosen,
  error,
  onChange,
}: {
  id: string;
  questions: readonly QuestionDefinition[];
  chosen: readonly string[];
  error?: string | undefined;
  onChange: (chosen: string[]) => void;
}) {
  const [filter, setFilter] = useState("");
  const wanted = fold(filter.trim());
  const shown = wanted
    ? questions.filter((q) => fold(`${q.label} ${q.key} ${q.text}`).includes(wanted))
    : questions;
  const labelOf = (key: string) => questions.find((q) => q.key === key)?.label ?? `${key}（不明な質問）`;
  return (
    <fieldset className="flex flex-col gap-3" aria-describedby={`${id}-order`}>
      <legend className="text-std-20B-150">確認事項（質問）</legend>
      <p id={`${id}-order`} className="text-dns-16N-130">
        {chosen.length === 0
          ? "選ばれた質問はありません"
          : `選んだ順に聞きます: ${chosen.map((k, i) => `${i + 1}. ${labelOf(k)}`).join("　")}`}
      </p>
      <FieldError message={error} />
      <TextInput
        id={`${id}-filter`}
        label="質問を絞り込む"
        hint="質問の見出し・キー・文の一部"
        type="search"
        value={filter}
        onChange={(e) => setFilter(e.currentTarget.value)}
      />
      <div className="max-h-80 overflow-y-auto rounded-8 border border-solid-gray-420 px-3 py-1">
        {shown.length === 0 ? (
          <p className="py-2 text-dns-16N-130">該当する質問はありません</p>
        ) : (
          shown.map((q) => (
            <Checkbox
              key={q.key}
              id={`${id}.${q.key}`}
              label={
                <>
                  {q.label}
                  <span className="ml-2 text-dns-14N-130 text-solid-gray-700">{q.key}</span>
                </>
              }
              checked={chosen.includes(q.key)}
              onChange={(on) => onChange(on ? [...chosen, q.key] : chosen.filter((k) => k !== q.key))}
            />
          ))
        )}
      </div>
    </fieldset>
  );
}
