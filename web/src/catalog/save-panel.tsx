import { primaryButton } from "../app/ui.tsx";
import { TextInput } from "../cases/fields.tsx";
import { SavedMessage } from "../cases/section.tsx";

/** 変更理由 and the save button: each save is a new version of the whole catalog, with this note. */
export function SavePanel({
  fieldId,
  note,
  noteError,
  onNote,
  pending,
  saved,
  label,
}: {
  fieldId: (path: string) => string;
  note: string;
  noteError: string | undefined;
  onNote: (note: string) => void;
  pending: boolean;
  /** "版 N として保存しました", or empty */
  saved: string;
  label: string;
}) {
  return (
    <fieldset className="flex flex-col gap-4 border-t border-solid-gray-420 pt-4">
      <legend className="sr-only">保存</legend>
      <TextInput
        id={fieldId("note")}
        label="変更理由"
        hint="版の履歴に残ります（200文字以内）"
        value={note}
        error={noteError}
        onChange={(e) => onNote(e.currentTarget.value)}
      />
      <div>
        <button type="submit" aria-disabled={pending || undefined} className={primaryButton}>
          {label}
        </button>
      </div>
      <SavedMessage message={saved} />
    </fieldset>
  );
}
