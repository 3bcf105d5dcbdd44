import { PhraseField } from "../memos/phrase-field.tsx";

/**
 * 発行上の指示 (I34) for the clerk who issues the certificates: typed, or built from the
 * 定型文 for it.
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
  return (
    <PhraseField
      id={id}
      use="certificateInstructions"
      label="発行上の指示"
      hint="発行担当への連絡事項（1000文字以内）。証明書交付請求書には印字されません"
      value={value}
      maxLength={1000}
      onChange={onChange}
    />
  );
}
