import { type FormEvent, useState } from "react";
import type { z } from "zod";
import { dateHint, readDate, TextInput, todayIso } from "../cases/fields.tsx";
import { StepButton } from "../cases/section.tsx";
import { primaryButton } from "./ui.tsx";

type Period = { from: string; to: string };

/**
 * A period of two dates (初日・末日), checked with the screen's own schema, errors per field and the
 * first wrong field focused. `blanks`: "required" asks for both ends; "filled" lets an end be empty —
 * it is the other end's day, or today — and shows the dates it chose.
 */
export function PeriodForm({
  id,
  label,
  initial,
  toHint,
  submitLabel,
  blanks,
  schema,
  todayLabel,
  onChoose,
}: {
  id: string;
  label: string;
  initial: Period;
  toHint: string;
  submitLabel: string;
  blanks: "required" | "filled";
  schema: z.ZodType<Partial<Period>>;
  /** A button that chooses today at once, when the screen has one. */
  todayLabel?: string;
  onChoose: (period: Period) => void;
}) {
  const [from, setFrom] = useState(initial.from);
  const [to, setTo] = useState(initial.to);
  const [errors, setErrors] = useState<{ from?: string; to?: string }>({});

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const first = readDate(from);
    const last = readDate(to);
    const found: { from?: string; to?: string } = {};
    if (!first.ok) found.from = first.message;
    else if (!first.date && blanks === "required") found.from = "期間の初日を入力してください";
    if (!last.ok) found.to = last.message;
    else if (!last.date && blanks === "required") found.to = "期間の末日を入力してください";
    if (!found.from && !found.to && first.ok && last.ok) {
      const start = first.date ?? last.date ?? todayIso();
      const end = last.date ?? start;
      const parsed = schema.safeParse({ from: start, to: end });
      if (parsed.success) {
        setErrors({});
        if (blanks === "filled") {
          setFrom(start);
          setTo(end);
        }
        onChoose({ from: start, to: end });
        return;
      }
      for (const issue of parsed.error.issues)
        found[issue.path[0] === "from" ? "from" : "to"] ??= issue.message;
    }
    setErrors(found);
    document.getElementById(found.from ? `${id}-from` : `${id}-to`)?.focus();
  };

  const showToday = () => {
    const today = todayIso();
    setErrors({});
    setFrom(today);
    setTo(today);
    onChoose({ from: today, to: today });
  };

  return (
    <form onSubmit={submit} noValidate className="flex flex-wrap items-end gap-4" aria-label={label}>
      <TextInput
        id={`${id}-from`}
        label="期間の初日"
        hint={dateHint}
        value={from}
        onChange={(e) => setFrom(e.currentTarget.value)}
        error={errors.from}
      />
      <TextInput
        id={`${id}-to`}
        label="期間の末日"
        hint={toHint}
        value={to}
        onChange={(e) => setTo(e.currentTarget.value)}
        error={errors.to}
      />
      <button type="submit" className={primaryButton}>
        {submitLabel}
      </button>
      {todayLabel && (
        <StepButton pending={false} variant="secondary" onClick={showToday}>
          {todayLabel}
        </StepButton>
      )}
    </form>
  );
}
