import type { CatalogView } from "@ichimado/core/catalog/admin-schemas";
import type { ProcedureDefinition } from "@ichimado/core/catalog/procedures";
import { type FormEvent, useId, useMemo, useState } from "react";
import { useNavigate } from "react-router";
import { ErrorSummary, type Issue, issueAt } from "../cases/form-errors.tsx";
import { useSaveProcedure } from "./api.ts";
import { ConflictNotice } from "./conflict-notice.tsx";
import { FormPicker, LeafletPicker } from "./form-picker.tsx";
import { type ProcedureDraft, procedureDraftOf, procedureOf } from "./procedure-draft.ts";
import { ProcedureFields } from "./procedure-fields.tsx";
import { QuestionPicker } from "./question-picker.tsx";
import { RuleEditor } from "./rule-editor.tsx";
import { saveIssues } from "./save-issues.ts";
import { SavePanel } from "./save-panel.tsx";

/** Where an editor arrives after creating its entry: the message of the save that made it. */
export interface SavedState {
  message: string;
}

/**
 * One procedure's editor. It keeps the version it was loaded from as the base of its save, so a
 * version someone else saved meanwhile is refused (409) instead of overwritten; after its own save
 * the new version is the base.
 */
export function ProcedureForm({
  view,
  existing,
  arrivedWith,
  reloading,
  onReload,
}: {
  view: CatalogView;
  existing: ProcedureDefinition | undefined;
  arrivedWith: string;
  reloading: boolean;
  onReload: () => void;
}) {
  const id = useId();
  const fieldId = (path: string) => `${id}-${path}`;
  const navigate = useNavigate();
  const save = useSaveProcedure();
  const [draft, setDraft] = useState(() => procedureDraftOf(existing));
  const [base, setBase] = useState(view.version);
  const [note, setNote] = useState("");
  const [saved, setSaved] = useState(arrivedWith);
  const [local, setLocal] = useState<Issue[]>([]);
  const set = <K extends keyof ProcedureDraft>(key: K, value: ProcedureDraft[K]) =>
    setDraft((d) => ({ ...d, [key]: value }));

  // The server names an entry by its place in the catalog the save was based on.
  const [names] = useState(() => ({
    keys: view.procedures.map((p) => p.key),
    procedures: view.procedures.map((p) => p.name),
    questions: view.questions.map((q) => q.label),
  }));
  const index = existing ? names.keys.indexOf(existing.key) : names.keys.length;
  const fromServer = useMemo(
    () => saveIssues(save.error, { list: "procedures", index }, names),
    [save.error, index, names],
  );
  const issues = local.length > 0 ? local : fromServer;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (save.isPending) return;
    setSaved("");
    // The server saves by key, creating or replacing: only here can "new" mean new.
    const taken = existing ? undefined : new Set(view.procedures.map((p) => p.key));
    const built = procedureOf(draft, view.questions, taken);
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
            navigate(`/admin/catalog/procedures/${built.definition.key}`, { replace: true, state });
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
    <form onSubmit={submit} noValidate aria-label="手続きの編集" className="flex flex-col gap-8">
      <p className="text-dns-16N-130 text-solid-gray-700" data-testid="base-version">
        版 {base} をもとに編集しています
      </p>
      <ErrorSummary error={save.error} local={issues} fieldId={fieldId} />
      <ConflictNotice error={save.error} reloading={reloading} onReload={onReload} />
      <ProcedureFields
        fieldId={fieldId}
        draft={draft}
        isNew={!existing}
        counters={view.counters}
        roles={view.roles}
        issues={issues}
        set={set}
      />
      <QuestionPicker
        id={fieldId("questions")}
        questions={view.questions}
        chosen={draft.questions}
        error={issueAt(issues, "questions")}
        onChange={(questions) => set("questions", questions)}
      />
      <FormPicker
        id={fieldId("forms")}
        chosen={draft.forms}
        error={issueAt(issues, "forms")}
        onChange={(forms) => set("forms", forms)}
      />
      <LeafletPicker
        id={fieldId("leaflets")}
        chosen={draft.leaflets}
        error={issueAt(issues, "leaflets")}
        onChange={(leaflets) => set("leaflets", leaflets)}
      />
      <RuleEditor
        name="rule"
        legend="派生ルール"
        noneLabel="ルールなし（手動で追加）"
        noneText="ルールなし: 受付で職員が手動で追加します"
        draft={draft.rule}
        questions={view.questions}
        issues={issues}
        fieldId={fieldId}
        onChange={(rule) => set("rule", rule)}
      />
      <SavePanel
        fieldId={fieldId}
        note={note}
        noteError={issueAt(issues, "note")}
        onNote={setNote}
        pending={save.isPending}
        saved={saved}
        label="手続きを保存"
      />
    </form>
  );
}
