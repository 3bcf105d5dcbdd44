import { useState } from "react";
import { useLocation, useParams } from "react-router";
import { errorMessage } from "../app/api.ts";
import { ErrorAlert, Loading, useTitle } from "../app/ui.tsx";
import { useCatalogView } from "./api.ts";
import { EditorFrame } from "./editor-frame.tsx";
import type { SavedState } from "./procedure-form.tsx";
import { QuestionForm } from "./question-form.tsx";

/** `/admin/catalog/questions/:key` edits one navigation question; `/admin/catalog/new-question` adds one. */
export function QuestionEditorPage() {
  const { key } = useParams();
  const location = useLocation();
  const view = useCatalogView();
  // A new generation is a fresh form on the latest version (after a refused save).
  const [generation, setGeneration] = useState(0);
  const [reloading, setReloading] = useState(false);
  const existing = key ? view.data?.questions.find((q) => q.key === key) : undefined;
  const title = key ? `質問の編集: ${existing?.label ?? key}` : "新しい質問";
  useTitle(title);

  const reload = async () => {
    setReloading(true);
    const read = await view.refetch();
    setReloading(false);
    // A failed read keeps the form as it is, under the error, rather than restart on the old version.
    if (!read.isError) setGeneration((g) => g + 1);
  };

  return (
    <EditorFrame title={title}>
      {view.isPending ? (
        <Loading />
      ) : !view.data ? (
        <ErrorAlert message={errorMessage(view.error)} />
      ) : key && !existing ? (
        <ErrorAlert message={`質問 ${key} はカタログにありません`} />
      ) : (
        <>
          {view.isError && <ErrorAlert message={errorMessage(view.error)} />}
          <QuestionForm
            key={`${key ?? ""}-${generation}`}
            view={view.data}
            existing={existing}
            arrivedWith={
              generation === 0 ? ((location.state as Partial<SavedState> | null)?.message ?? "") : ""
            }
            reloading={reloading}
            onReload={reload}
          />
        </>
      )}
    </EditorFrame>
  );
}
