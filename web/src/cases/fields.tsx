import { parseJapaneseDate } from "@ichimado/core/common/wareki";
import type {
  InputHTMLAttributes,
  ReactNode,
  Ref,
  SelectHTMLAttributes,
  TextareaHTMLAttributes,
} from "react";
import { focusRing } from "../app/ui.tsx";

const controlClass = (invalid: boolean) =>
  `min-h-12 rounded-8 border bg-white px-4 text-std-16N-170 ${invalid ? "border-error-1" : "border-solid-gray-600"} ${focusRing}`;

interface A11y {
  id: string;
  "aria-describedby": string | undefined;
  "aria-invalid": true | undefined;
}

interface FieldProps {
  /** also what an error summary uses to bring focus to the field */
  id: string;
  label: string;
  hint?: ReactNode;
  error?: string | undefined;
}

/** Label, hint and error tied to one control by id and aria-describedby. */
function Field({ id, label, hint, error, children }: FieldProps & { children: (a11y: A11y) => ReactNode }) {
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ");
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-std-16B-170 text-solid-gray-800">
        {label}
      </label>
      {hint && (
        <p id={`${id}-hint`} className="text-dns-14N-130 text-solid-gray-700">
          {hint}
        </p>
      )}
      {children({
        id,
        "aria-describedby": describedBy || undefined,
        "aria-invalid": error ? true : undefined,
      })}
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}

export function FieldError({ id, message }: { id?: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <p id={id} className="text-dns-16N-130 text-error-2">
      {message}
    </p>
  );
}

type TextInputProps = FieldProps &
  Omit<InputHTMLAttributes<HTMLInputElement>, "id"> & { ref?: Ref<HTMLInputElement> };

export function TextInput({ id, label, hint, error, ...input }: TextInputProps) {
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      {(a11y) => <input autoComplete="off" {...a11y} className={controlClass(Boolean(error))} {...input} />}
    </Field>
  );
}

type SelectInputProps = FieldProps &
  Omit<SelectHTMLAttributes<HTMLSelectElement>, "id"> & { ref?: Ref<HTMLSelectElement> };

export function SelectInput({ id, label, hint, error, children, ...select }: SelectInputProps) {
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      {(a11y) => (
        <select {...a11y} className={controlClass(Boolean(error))} {...select}>
          {children}
        </select>
      )}
    </Field>
  );
}

type TextAreaProps = FieldProps &
  Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "id"> & { ref?: Ref<HTMLTextAreaElement> };

export function TextArea({ id, label, hint, error, ...area }: TextAreaProps) {
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      {(a11y) => <textarea {...a11y} className={`${controlClass(Boolean(error))} py-2`} rows={3} {...area} />}
    </Field>
  );
}

export function Checkbox({
  id,
  label,
  checked,
  onChange,
  disabled,
}: {
  id: string;
  label: ReactNode;
  checked: boolean;
  onChange: (checked: boolean) => void;
  disabled?: boolean;
}) {
  return (
    <div className="flex min-h-10 items-center gap-2">
      <input
        id={id}
        type="checkbox"
        checked={checked}
        disabled={disabled}
        onChange={(e) => onChange(e.currentTarget.checked)}
        className={`size-6 shrink-0 ${focusRing}`}
      />
      <label htmlFor={id} className="text-std-16N-170">
        {label}
      </label>
    </div>
  );
}

export const dateHint = "例: 2026-11-25、R8.11.25、令和8年11月25日";

/**
 * A date as staff type it (西暦 or 和暦) → ISO. Empty is `null`; a month or year alone is not a day,
 * so it is refused here rather than sent.
 */
export function readDate(text: string): { ok: true; date: string | null } | { ok: false; message: string } {
  if (!text.trim()) return { ok: true, date: null };
  const parsed = parseJapaneseDate(text);
  if (!parsed.ok) return parsed;
  if (parsed.precision !== "day") return { ok: false, message: "日付は日まで入力してください" };
  return { ok: true, date: parsed.date };
}

/** Today in the city's time zone, ISO. */
export function todayIso(): string {
  return new Intl.DateTimeFormat("sv-SE", { timeZone: "Asia/Tokyo" }).format(new Date());
}
