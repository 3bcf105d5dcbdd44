import { instructionPhrases } from "@ichimado/core/certificates/intake";
import { useEffect, useRef } from "react";
import { secondaryButton } from "../app/ui.tsx";
import { TextArea } from "../cases/fields.tsx";

/**
 * 発行上の指示 (I34) for the clerk who issues the certificates: typed, or built from phrases that
 * are added at the cursor, after which the text stays editable.
 */
export function InstructionsField({
  id,
  value,
  onChange,
}: {
  id: string;
  value: string;
  onChange: (value: string) => void;
}) {
  const area = useRef<HTMLTextAreaElement>(null);
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
    const at = el ? el.selectionEnd : value.length;
    const before = value.slice(0, at);
    const joined = `${before}${before && !before.endsWith("\n") ? "\n" : ""}${phrase}`;
    // The cursor goes after the phrase, so the next one follows it.
    cursor.current = joined.length;
    onChange(`${joined}${value.slice(at)}`);
  };
  return (
    <div className="flex flex-col gap-2">
      <TextArea
        ref={area}
        id={id}
        label="発行上の指示"
        hint="発行担当への連絡事項（1000文字以内）。証明書交付請求書には印字されません"
        value={value}
        maxLength={1000}
        onChange={(e) => onChange(e.currentTarget.value)}
      />
      <fieldset className="flex flex-wrap gap-2">
        <legend className="sr-only">定型文を挿入</legend>
        {instructionPhrases.map((phrase) => (
          <button key={phrase} type="button" className={secondaryButton} onClick={() => insert(phrase)}>
            {phrase}
          </button>
        ))}
      </fieldset>
    </div>
  );
}
