import { useEffect, useRef } from "react";
import { ApiError, errorMessage } from "../app/api.ts";
import { focusRing } from "../app/ui.tsx";

export interface Issue {
  path: string;
  message: string;
}

/**
 * The server's field messages by their full path (`newAddress.lot`, `newPersons.0.nameKana`), without
 * the `body.` a schema failure carries, so one lookup serves schema and business checks alike.
 */
export function issuesOf(error: unknown): Issue[] {
  if (!(error instanceof ApiError)) return [];
  return error.issues.map((i) => ({
    path: i.path.replace(/^(body|querystring|query|params)\.?/, ""),
    message: i.message,
  }));
}

/** The first message for exactly this path. */
export function issueAt(issues: readonly Issue[], path: string): string | undefined {
  return issues.find((i) => i.path === path)?.message;
}

/**
 * The element for an issue: the field of that id (or data-field, for inputs whose id a library
 * owns), else the first field whose id starts with it (`newAddress` → its town).
 */
function elementFor(fieldId: (path: string) => string, path: string): HTMLElement | null {
  const id = fieldId(path);
  const escaped = CSS.escape(id);
  return (
    document.getElementById(id) ??
    document.querySelector<HTMLElement>(`[data-field="${escaped}"]`) ??
    document.querySelector<HTMLElement>(
      `:is(input, select, textarea)[id^="${escaped}"], [data-field^="${escaped}"]`,
    )
  );
}

/**
 * What went wrong with a form, at its top: the server's message and every field message, each of
 * which takes focus to its field. When a new error arrives focus goes to the first field named (or
 * to this summary when none is), so the keyboard lands where the fix is.
 */
export function ErrorSummary({
  error,
  fieldId,
  local = [],
}: {
  error: unknown;
  fieldId: (path: string) => string;
  /** problems found before sending, in the same shape */
  local?: readonly Issue[];
}) {
  const box = useRef<HTMLDivElement>(null);
  const issues = local.length > 0 ? local : issuesOf(error);
  const message = local.length > 0 ? "入力内容を確認してください" : error ? errorMessage(error) : null;
  const shown = issues.length === 1 && issues[0]?.message === message ? [] : issues;

  // Parents pass fieldId inline; only a new error (or new local list) may move focus.
  const idOf = useRef(fieldId);
  idOf.current = fieldId;
  const trigger = local.length > 0 ? local : error;
  useEffect(() => {
    if (!trigger) return;
    const first = (Array.isArray(trigger) ? trigger : issuesOf(trigger))[0];
    const field = first ? elementFor(idOf.current, first.path) : null;
    (field ?? box.current)?.focus();
  }, [trigger]);

  return (
    <div
      ref={box}
      role="alert"
      tabIndex={-1}
      className={message ? `rounded-8 border-2 border-error-1 bg-red-50 p-4 text-error-2 ${focusRing}` : ""}
    >
      {message && <p className="text-std-16B-170">{message}</p>}
      {shown.length > 0 && (
        <ul className="mt-2 flex list-disc flex-col gap-1 pl-6">
          {shown.map((i) => (
            <li key={`${i.path}-${i.message}`}>
              <button
                type="button"
                className={`text-left text-dns-16N-130 underline ${focusRing}`}
                onClick={() => elementFor(fieldId, i.path)?.focus()}
              >
                {i.message}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
