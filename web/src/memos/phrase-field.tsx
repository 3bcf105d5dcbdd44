import { insertPhrase } from "@ichimado/core/memos/insert";
import type { MemoTemplateUse } from "@ichimado/core/memos/templates";
import { type RefObject, useEffect, useRef } from "react";
import { secondaryButton } from "../app/ui.tsx";
import { TextArea } from "../cases/fields.tsx";
import { useMemoTemplates } from "./api.ts";

/**
 * A text typed or built from 定型文 (O46): the templates for `use` at this counter are buttons that
 * add their phrase at the cursor, after which the text stays editable. The buttons come before the
 * text, so Tab from the text still reaches the form's own button next.
 */
export function PhraseField({
  id,
  use,
  label,
  hint,
  value,
  onChange,
  error,
  maxLength,
  areaRef,
}: {
  id: string;
  use: MemoTemplateUse;
  label: string;
  hint?: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  maxLength?: number;
  /** for a form that moves the focus to the text itself, e.g. after saving */
  areaRef?: RefObject<HTMLTextAreaElement | null>;
}) {
  const own = useRef<HTMLTextAreaElement>(null);
  const area = areaRef ?? own;
  const templates = useMemoTemplates(use);
  // Where the cursor goes once the text with the inserted phrase is on the page.
  const cursor = useRef<number | null>(null);
  useEffect(() => {
    const el = area.current;
    if (cursor.current === null || !el) return;
    el.focus();
    el.setSelectionRange(cursor.current, cursor.current);
    cursor.current = null;
  });
  const insert = (phrase: string) => {
    const el = area.current;
    const inserted = insertPhrase(value, el ? el.selectionEnd : value.length, phrase);
    cursor.current = inserted.cursor;
    onChange(inserted.text);
  };
  const phrases = templates.data?.templates ?? [];
  return (
    <div className="flex flex-col gap-2">
      {templates.isError ? (
        <p className="text-dns-14N-130 text-solid-gray-700">
          定型文を読み込めませんでした。直接入力してください
        </p>
      ) : phrases.length > 0 ? (
        <fieldset className="flex flex-wrap gap-2">
          <legend className="mb-1 text-dns-14N-130 text-solid-gray-700">定型文を挿入</legend>
          {phrases.map((phrase) => (
            <button
              key={phrase.id}
              type="button"
              className={`${secondaryButton} max-w-full text-left`}
              onClick={() => insert(phrase.text)}
            >
              <span className="line-clamp-2 break-all">{phrase.text}</span>
            </button>
          ))}
        </fieldset>
      ) : null}
      <TextArea
        ref={area}
        id={id}
        label={label}
        hint={hint}
        error={error}
        value={value}
        maxLength={maxLength}
        onChange={(e) => onChange(e.currentTarget.value)}
      />
    </div>
  );
}
