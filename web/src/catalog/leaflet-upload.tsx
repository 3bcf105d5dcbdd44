import { leafletSavedSchema } from "@ichimado/core/documents/api";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, type KeyboardEvent, useState } from "react";
import { apiUpload, errorMessage } from "../app/api.ts";
import { ErrorAlert, secondaryButton } from "../app/ui.tsx";
import { TextInput } from "../cases/fields.tsx";
import { SavedMessage } from "../cases/section.tsx";

export const leafletsKey = ["admin", "document-leaflets"] as const;

/** Registers a leaflet PDF under a key (a new version if the key exists). */
export function LeafletUpload({ idPrefix }: { idPrefix: string }) {
  const queryClient = useQueryClient();
  const [key, setKey] = useState("");
  const [name, setName] = useState("");
  const [file, setFile] = useState<File | null>(null);
  const [message, setMessage] = useState("");
  const [local, setLocal] = useState("");
  const upload = useMutation({
    mutationFn: (f: File) =>
      apiUpload(
        `/admin/documents/leaflets?${new URLSearchParams({ key: key.trim(), name: name.trim() })}`,
        f,
        leafletSavedSchema,
      ),
    onSuccess: (saved) => {
      setMessage(`案内チラシ ${saved.key} を登録しました（版 ${saved.version}、${saved.pages}ページ）`);
      return queryClient.invalidateQueries({ queryKey: leafletsKey });
    },
  });
  // A form inside the procedure's form would submit both: this is a group with its own button.
  const submit = (event: FormEvent | KeyboardEvent) => {
    event.preventDefault();
    setMessage("");
    if (!key.trim() || !name.trim() || !file) {
      setLocal("キー・名前・PDFファイルをすべて指定してください");
      return;
    }
    setLocal("");
    upload.mutate(file);
  };
  // Enter in these fields registers the leaflet, not the procedure the editor's form would save.
  const onEnter = (event: KeyboardEvent) => {
    const target = event.target;
    if (event.key === "Enter" && target instanceof HTMLInputElement && target.type !== "file") submit(event);
  };
  return (
    <details className="rounded-8 border border-solid-gray-420 p-3" onKeyDown={onEnter}>
      <summary className="cursor-pointer text-std-16B-170">案内チラシのPDFを登録する</summary>
      <div className="mt-3 flex flex-col gap-3">
        <div className="grid grid-cols-1 gap-3 md:grid-cols-2">
          <TextInput
            id={`${idPrefix}-key`}
            label="チラシのキー"
            hint="英小文字・数字・ハイフン（例: move-out-guide）。同じキーなら新しい版になります"
            value={key}
            onChange={(e) => setKey(e.currentTarget.value)}
          />
          <TextInput
            id={`${idPrefix}-name`}
            label="チラシの名前"
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
          />
        </div>
        <label className="flex flex-col gap-1 text-std-16N-170" htmlFor={`${idPrefix}-file`}>
          PDFファイル
          <input
            id={`${idPrefix}-file`}
            type="file"
            accept="application/pdf"
            onChange={(e) => setFile(e.currentTarget.files?.[0] ?? null)}
          />
        </label>
        <ErrorAlert message={local || (upload.isError ? errorMessage(upload.error) : "")} />
        <button type="button" className={`self-start ${secondaryButton}`} onClick={submit}>
          チラシを登録
        </button>
        <SavedMessage message={message} />
      </div>
    </details>
  );
}
