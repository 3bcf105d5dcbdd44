import { type InputHTMLAttributes, type ReactNode, type Ref, useEffect, useId, useRef } from "react";

export const focusRing =
  "outline-none focus-visible:outline-4 focus-visible:outline-offset-2 focus-visible:outline-black focus-visible:ring-2 focus-visible:ring-focus-yellow";

export const primaryButton = `inline-flex min-h-12 items-center justify-center rounded-8 bg-blue-900 px-6 text-std-16B-170 text-white hover:bg-blue-1000 disabled:bg-solid-gray-300 ${focusRing}`;

export const secondaryButton = `inline-flex min-h-10 items-center justify-center rounded-8 border border-blue-900 bg-white px-4 text-std-16B-170 text-blue-900 hover:bg-blue-50 ${focusRing}`;

/** Sets the document title so each screen is announced by name. */
export function useTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} | いちまど`;
  }, [title]);
}

interface TextFieldProps extends InputHTMLAttributes<HTMLInputElement> {
  label: string;
  error?: string | undefined;
  hint?: ReactNode;
  ref?: Ref<HTMLInputElement>;
}

/** A labelled input whose hint and error are tied to it with aria-describedby. */
export function TextField({ label, error, hint, ...input }: TextFieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(" ");
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-std-16B-170 text-solid-gray-800">
        {label}
      </label>
      {hint && (
        <p id={hintId} className="text-dns-14N-130 text-solid-gray-700">
          {hint}
        </p>
      )}
      <input
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
        className={`min-h-12 rounded-8 border bg-white px-4 text-std-16N-170 ${error ? "border-error-1" : "border-solid-gray-600"} ${focusRing}`}
        {...input}
      />
      {error && (
        <p id={errorId} className="text-dns-16N-130 text-error-2">
          {error}
        </p>
      )}
    </div>
  );
}

export function ErrorAlert({ message }: { message: string | null | undefined }) {
  return (
    <div
      role="alert"
      className={message ? "rounded-8 border-2 border-error-1 bg-red-50 p-4 text-error-2" : ""}
    >
      {message}
    </div>
  );
}

export function Loading() {
  return (
    <p role="status" className="p-8 text-std-16N-170">
      読み込み中…
    </p>
  );
}

/** The header row every data table uses: plain column names, scoped for screen readers. */
export function TableHead({ columns, nowrap = false }: { columns: readonly string[]; nowrap?: boolean }) {
  return (
    <thead>
      <tr className="border-b-2 border-solid-gray-600">
        {columns.map((column) => (
          <th key={column} scope="col" className={nowrap ? "whitespace-nowrap px-3 py-2" : "px-3 py-2"}>
            {column}
          </th>
        ))}
      </tr>
    </thead>
  );
}

/**
 * Asks again before something staff cannot take back (失効, 取り下げ, 削除): the message says what
 * follows, and やめる has the focus, so an Enter too many changes nothing.
 */
export function ConfirmChoice({
  message,
  action,
  pending,
  onConfirm,
  onCancel,
}: {
  message: ReactNode;
  action: string;
  pending: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const cancel = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    cancel.current?.focus();
  }, []);
  return (
    <fieldset className="flex flex-wrap gap-2">
      <legend className="mb-2">{message}</legend>
      <button type="button" className={secondaryButton} disabled={pending} onClick={onConfirm}>
        {action}
      </button>
      <button ref={cancel} type="button" className={secondaryButton} onClick={onCancel}>
        やめる
      </button>
    </fieldset>
  );
}
