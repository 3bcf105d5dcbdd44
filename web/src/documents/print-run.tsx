import { useEffect, useId, useRef, useState } from "react";
import { ApiError } from "../app/api.ts";
import { focusRing } from "../app/ui.tsx";
import { linkClass, StepButton } from "../cases/section.tsx";
import { type PrintJob, usePrint } from "./api.ts";

interface Refused {
  job: PrintJob;
  title: string;
  problems: string[];
}

/**
 * A print as the case screen runs it: the server's PDF shown in a preview, or, when it refused
 * characters no font can draw, what it refused, so the clerk can print again with those boxes blank.
 */
export function usePrintRun(caseId?: number) {
  const print = usePrint(caseId);
  const [preview, setPreview] = useState<{ url: string; title: string } | null>(null);
  const [refused, setRefused] = useState<Refused | null>(null);
  useEffect(() => () => (preview ? URL.revokeObjectURL(preview.url) : undefined), [preview]);

  const run = (job: PrintJob, title: string, acknowledgeMissingGlyphs = false) => {
    if (print.isPending) return;
    print.mutate(
      { job, acknowledgeMissingGlyphs },
      {
        onSuccess: (blob) => {
          setRefused(null);
          setPreview({ url: URL.createObjectURL(blob), title });
        },
        onError: (error) => {
          setRefused(
            error instanceof ApiError && error.status === 422 && error.issues.length > 0
              ? { job, title, problems: error.issues.map((i) => i.message) }
              : null,
          );
        },
      },
    );
  };
  return { run, pending: print.isPending, error: print.isError ? print.error : null, preview, refused };
}

export type PrintRun = ReturnType<typeof usePrintRun>;

/** 再印刷 of one printed document; its name tells a screen reader which of the list's buttons it is. */
export function ReprintButton({
  name,
  pending,
  onClick,
}: {
  name: string;
  pending: boolean;
  onClick: () => void;
}) {
  return (
    <StepButton pending={pending} variant="secondary" aria-label={`${name} を再印刷`} onClick={onClick}>
      再印刷
    </StepButton>
  );
}

/** The refused characters (with the way on) and the preview of what was printed last. */
export function PrintOutcome({ state }: { state: PrintRun }) {
  const id = useId();
  const { preview, refused } = state;
  const previewHeading = useRef<HTMLHeadingElement>(null);
  // Each new preview takes the focus once it is on the page (a frame callback could run before
  // React had committed it, and the focus then stayed on the print button: seen in e2e).
  useEffect(() => {
    if (preview) previewHeading.current?.focus();
  }, [preview]);
  return (
    <>
      {refused && (
        <div className="flex flex-col gap-2 rounded-8 border border-solid-gray-420 p-4">
          <p className="text-std-16B-170">次の文字は印字できません。その枠を空白のまま印刷できます:</p>
          <ul className="list-disc pl-6 text-std-16N-170">
            {refused.problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
          <StepButton
            pending={state.pending}
            variant="danger"
            className="self-start"
            onClick={() => state.run(refused.job, refused.title, true)}
          >
            空白のまま印刷する
          </StepButton>
        </div>
      )}
      {preview && (
        <section aria-labelledby={`${id}-preview`} className="flex flex-col gap-2">
          <h3
            id={`${id}-preview`}
            ref={previewHeading}
            tabIndex={-1}
            className={`self-start text-std-18B-160 outline-none ${focusRing}`}
          >
            印刷プレビュー: {preview.title}
          </h3>
          <p className="text-dns-14N-130 text-solid-gray-700">
            プレビューの印刷ボタン、または
            <a href={preview.url} target="_blank" rel="noreferrer" className={linkClass}>
              PDFを新しいタブで開く
            </a>
            から印刷してください。
          </p>
          <iframe
            title={`印刷プレビュー: ${preview.title}`}
            src={preview.url}
            className="h-[70vh] w-full rounded-8 border border-solid-gray-420"
          />
        </section>
      )}
    </>
  );
}
