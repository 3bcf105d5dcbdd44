import { type FormEvent, useId, useRef, useState } from "react";
import { errorMessage } from "../app/api.ts";
import { focusRing, primaryButton } from "../app/ui.tsx";
import { issuesOf } from "../cases/form-errors.tsx";
import { SavedMessage } from "../cases/section.tsx";
import { useImportCatalog } from "./api.ts";

interface Chosen {
  name: string;
  json: unknown;
  /** what the file says of itself, before the server checks it */
  summary: string;
}

type Entries = { procedures?: { name?: unknown }[]; questions?: { label?: unknown }[] };

/** `procedures.3.guidance` → 手続き「転出届」(procedures.3.guidance), from the file itself. */
function where(path: string, json: unknown): string {
  const [list, index] = path.split(".");
  const file = (json ?? {}) as Entries;
  const entry =
    list === "procedures"
      ? file.procedures?.[Number(index)]?.name
      : list === "questions"
        ? file.questions?.[Number(index)]?.label
        : undefined;
  const what = list === "procedures" ? "手続き" : "質問";
  return typeof entry === "string" ? `${what}「${entry}」（${path}）` : path;
}

function describeFile(json: unknown): string {
  const file = (json ?? {}) as Entries & { catalogVersion?: unknown; exportedAt?: unknown };
  const procedures = Array.isArray(file.procedures) ? file.procedures.length : "?";
  const questions = Array.isArray(file.questions) ? file.questions.length : "?";
  const from =
    typeof file.catalogVersion === "number" ? `版 ${file.catalogVersion} を書き出したファイル、` : "";
  return `${from}手続き ${procedures} 件・質問 ${questions} 件`;
}

/**
 * A catalog file (an export of this or another city) becomes the next version as a whole; the
 * server checks it entry by entry and against itself, and each problem is listed with its entry.
 */
export function ImportForm({ baseVersion }: { baseVersion: number }) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const importing = useImportCatalog();
  const [chosen, setChosen] = useState<Chosen | null>(null);
  const [problem, setProblem] = useState("");
  const [done, setDone] = useState("");

  const choose = async (file: File | undefined) => {
    setDone("");
    setProblem("");
    importing.reset();
    if (!file) {
      setChosen(null);
      return;
    }
    try {
      const json: unknown = JSON.parse(await file.text());
      setChosen({ name: file.name, json, summary: describeFile(json) });
    } catch {
      setChosen(null);
      setProblem("ファイルをJSONとして読み取れません。書き出したカタログのファイルを選んでください");
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (importing.isPending) return;
    if (!chosen) {
      setProblem(problem || "取り込むファイルを選んでください");
      input.current?.focus();
      return;
    }
    // The file replaces the version on screen; a save since then makes the server refuse it.
    importing.mutate(
      { file: chosen.json, baseVersion },
      {
        onSuccess: ({ version }) => setDone(`版 ${version} として取り込みました（${chosen.summary}）`),
      },
    );
  };

  const issues = issuesOf(importing.error);
  const error = problem || (importing.isError ? errorMessage(importing.error) : "");
  return (
    <form
      onSubmit={submit}
      noValidate
      aria-labelledby={`${id}-heading`}
      className="flex flex-col gap-3 rounded-8 border border-solid-gray-420 bg-white p-6"
    >
      <h2 id={`${id}-heading`} className="text-std-24B-150">
        ファイルから取り込む
      </h2>
      <p id={`${id}-hint`} className="text-dns-16N-130">
        書き出したカタログのファイル（JSON）を選びます。取り込むとカタログ全体が置き換わり、新しい版になります（前の版は履歴に残ります）。
      </p>
      <label htmlFor={`${id}-file`} className="text-std-16B-170">
        カタログのファイル
      </label>
      <input
        ref={input}
        id={`${id}-file`}
        type="file"
        accept=".json,application/json"
        aria-describedby={`${id}-hint${chosen ? ` ${id}-chosen` : ""}`}
        aria-invalid={problem ? true : undefined}
        className={`max-w-xl rounded-8 border border-solid-gray-600 bg-white p-2 text-std-16N-170 ${focusRing}`}
        onChange={(e) => void choose(e.currentTarget.files?.[0])}
      />
      {chosen && (
        <p id={`${id}-chosen`} className="text-dns-16N-130" data-testid="import-file">
          {chosen.name}: {chosen.summary}
        </p>
      )}
      <div>
        <button type="submit" aria-disabled={importing.isPending || undefined} className={primaryButton}>
          取り込む
        </button>
      </div>
      <div
        role="alert"
        className={error ? "rounded-8 border-2 border-error-1 bg-red-50 p-4 text-error-2" : ""}
      >
        {error && <p className="text-std-16B-170">{error}</p>}
        {!problem && issues.length > 1 && (
          <ul className="mt-2 flex list-disc flex-col gap-1 pl-6">
            {issues.slice(0, 50).map((i) => (
              <li key={`${i.path}-${i.message}`}>
                {where(i.path, chosen?.json)}: {i.message}
              </li>
            ))}
          </ul>
        )}
      </div>
      <SavedMessage message={done} />
    </form>
  );
}
