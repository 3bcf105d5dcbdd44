import { dateHint, readDate, TextInput } from "../cases/fields.tsx";

/** A period as typed: 西暦 or 和暦, each end may be empty while editing. */
export interface PeriodText {
  from: string;
  to: string;
}
type PeriodErrors = { from?: string; to?: string };

/**
 * The typed period as ISO dates, or the message for each end that is not a day (or missing where
 * the period is required, or ending before it starts).
 */
export function readPeriod(
  text: PeriodText,
  required: boolean,
): { from: string | null; to: string | null; errors: PeriodErrors } {
  const errors: PeriodErrors = {};
  const ends = { from: readDate(text.from), to: readDate(text.to) };
  const out = { from: null as string | null, to: null as string | null };
  for (const [end, label] of [
    ["from", "初日"],
    ["to", "末日"],
  ] as const) {
    const read = ends[end];
    if (!read.ok) errors[end] = read.message;
    else if (!read.date && required) errors[end] = `期間の${label}を入力してください`;
    else out[end] = read.date;
  }
  if (out.from && out.to && out.to < out.from) errors.to = "期間の末日は初日と同じ日か後の日にしてください";
  return { ...out, errors };
}

/** 期間の初日 and 期間の末日, ids `${idPrefix}-from` / `-to` for focusing the first error. */
export function PeriodFields({
  idPrefix,
  value,
  onChange,
  errors,
  toHint,
}: {
  idPrefix: string;
  value: PeriodText;
  onChange: (value: PeriodText) => void;
  errors: PeriodErrors;
  toHint: string;
}) {
  return (
    <>
      <TextInput
        id={`${idPrefix}-from`}
        label="期間の初日"
        hint={dateHint}
        value={value.from}
        onChange={(e) => onChange({ ...value, from: e.currentTarget.value })}
        error={errors.from}
      />
      <TextInput
        id={`${idPrefix}-to`}
        label="期間の末日"
        hint={toHint}
        value={value.to}
        onChange={(e) => onChange({ ...value, to: e.currentTarget.value })}
        error={errors.to}
      />
    </>
  );
}
