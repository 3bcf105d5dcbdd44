import { useId, useState } from "react";
import { errorMessage } from "../app/api.ts";
import { ErrorAlert } from "../app/ui.tsx";
import { StepButton } from "../cases/section.tsx";
import { useUploadBasePdf } from "./template-api.ts";

/** Chooses the city's paper form as a PDF and registers it (checked on the server) as a base PDF. */
export function BasePdfUpload({
  label,
  name,
  beforeUpload,
  onUploaded,
}: {
  label: string;
  /** what the PDF is called in the list of base PDFs */
  name: string;
  /** a check of the caller's own inputs, which shows its message by the input; one stops the upload */
  beforeUpload?: () => string | null;
  onUploaded: (basePdfId: number) => void;
}) {
  const id = useId();
  const [file, setFile] = useState<File | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const upload = useUploadBasePdf();
  const send = () => {
    if (beforeUpload?.()) return setProblem(null);
    if (!file) return setProblem("PDFファイルを選んでください");
    if (!name.trim()) return setProblem("様式名を入力してください");
    setProblem(null);
    upload.mutate({ file, name }, { onSuccess: (saved) => onUploaded(saved.id) });
  };
  return (
    <div className="flex flex-col gap-2">
      <label htmlFor={id} className="text-std-16B-170 text-solid-gray-800">
        {label}
      </label>
      <div className="flex flex-wrap items-center gap-3">
        <input
          id={id}
          type="file"
          accept="application/pdf,.pdf"
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
        />
        <StepButton pending={upload.isPending} variant="secondary" onClick={send}>
          PDFを登録
        </StepButton>
      </div>
      <ErrorAlert message={problem ?? (upload.isError ? errorMessage(upload.error) : null)} />
    </div>
  );
}
