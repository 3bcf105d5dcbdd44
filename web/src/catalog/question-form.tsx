import type { CatalogView } from "@ichimado/core/catalog/admin-schemas";
import type { QuestionDefinition } from "@ichimado/core/catalog/questions";
import { type FormEvent, useId, useMemo, useState } from "react";
import { useNavigate } from "react-router";
import { ErrorSummary, type Issue, issueAt } from "../cases/form-errors.tsx";
import { useSaveQuestion } from "./api.ts";
import { ConflictNotice } from "./conflict-notice.tsx";
import type { SavedState } from "./procedure-form.tsx";
import { type QuestionDraft, questionDraftOf, questionOf } from "./question-draft.ts";
import { QuestionFields } from "./question-fields.tsx";
import { RuleEditor } from "./rule-editor.tsx";
import { saveIssues } from "./save-issues.ts";
import { SavePanel } from "./save-panel.tsx";

/** One navigation question's editor; saves against the version it was loaded from, like a procedure's. */
export function QuestionForm({
  view,
  existing,
  arrivedWith,
  reloading,
  onReload,
}: {
  view: CatalogView;
  existing: QuestionDefinition | undefined;
  arrivedWith: string;
  reloading: boolean;
  onReload: () => void;
}) {
  const id = useId();
  const fieldId = (path: string) => `${id}-${path}`;
  const navigate = useNavigate();
  const save = useSaveQuestion();
  const [draft, setDraft] = useState(() => questionDraftOf(existing));
  const [base, setBase] = useState(view.version);
  const [note, setNote] = useState("");
  const [saved, setSaved] = useState(arrivedWith);
  const [local, setLocal] = useState<Issue[]>([]);
  const set = <K extends keyof QuestionDraft>(key: K, value: QuestionDraft[K]) =>
    setDraft((d) => ({ ...d, [key]: value }));

  // The server names an entry by its place in the catalog the save was based on.
  const [names] = useState(() => ({
    keys: view.questions.map((q) => q.key),
    procedures: view.procedures.map((p) => p.name),
    questions: view.questions.map((q) => q.label),
  }));
  const index = existing ? names.keys.indexOf(existing.key) : names.keys.length;
  const fromServer = useMemo(
    () => saveIssues(save.error, { list: "questions", index }, names),
    [save.error, index, names],
  );
  const issues = local.length > 0 ? local : fromServer;
  // A question's own answer cannot decide whether it is asked.
  const others = view.questions.filter((q) => q.key !== (existing?.key ?? draft.key));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (save.isPending) return;
    setSaved("");
    // The server saves by key, creating or replacing: only here can "new" mean new.
    const taken = existing ? undefined : new Set(view.questions.map((q) => q.key));
    const built = questionOf(draft, others, taken);
    if (!built.ok) {
      setLocal(built.issues);
      return;
    }
    setLocal([]);
    save.mutate(
      { baseVersion: base, note: note.trim(), create: !existing, definition: built.definition },
      {
        onSuccess: ({ version }) => {
          const message = `版 ${version} として保存しました`;
          if (!existing) {
            const state: SavedState = { message };
            navigate(`/admin/catalog/questions/${built.definition.key}`, { replace: true, state });
            return;
          }
          setBase(version);
          setNote("");
          setSaved(message);
        },
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate aria-label="質問の編集" className="flex flex-col gap-8">
      <p className="text-dns-16N-130 text-solid-gray-700" data-testid="base-version">
        版 {base} をもとに編集しています
      </p>
      <ErrorSummary error={save.error} local={issues} fieldId={fieldId} />
      <ConflictNotice error={save.error} reloading={reloading} onReload={onReload} />
      <QuestionFields fieldId={fieldId} draft={draft} isNew={!existing} issues={issues} set={set} />
      <RuleEditor
        name="askWhen"
        legend="聞く条件"
        noneLabel="条件なし（確認事項としてのみ聞く）"
        noneText="条件なし: この質問を確認事項に選んだ手続きが一覧に入ったときに聞きます"
        draft={draft.askWhen}
        questions={others}
        issues={issues}
        fieldId={fieldId}
        onChange={(askWhen) => set("askWhen", askWhen)}
      />
      <SavePanel
        fieldId={fieldId}
        note={note}
        noteError={issueAt(issues, "note")}
        onNote={setNote}
        pending={save.isPending}
        saved={saved}
        label="質問を保存"
      />
    </form>
  );
}
