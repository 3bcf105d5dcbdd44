import type { CaseDetail } from "@ichimado/core/cases/schemas";
import { type FormEvent, useId, useRef, useState } from "react";
import { primaryButton } from "../app/ui.tsx";
import { PhraseField } from "../memos/phrase-field.tsx";
import { formatDateTime } from "../registry/status.ts";
import { useAddMemo } from "./api.ts";
import { ErrorSummary, type Issue, issueAt, issuesOf } from "./form-errors.tsx";
import { CaseSection, ReadOnlyNote, SavedMessage } from "./section.tsx";

/** メモ: notes on the case, with who wrote them where and when. A closed case still takes them. */
export function MemoSection({
  caseId,
  memos,
  writable,
}: {
  caseId: number;
  memos: CaseDetail["memos"];
  writable: boolean;
}) {
  return (
    <CaseSection id="memos" title="メモ">
      {memos.length === 0 ? (
        <p className="text-dns-16N-130">メモはありません</p>
      ) : (
        <ol aria-label="記入されたメモ" className="flex flex-col gap-2">
          {memos.map((m) => (
            <li key={m.id} className="rounded-8 border border-solid-gray-420 p-3">
              <p className="whitespace-pre-line text-std-16N-170">{m.text}</p>
              <p className="mt-1 text-dns-14N-130 text-solid-gray-700">
                {m.created.staffName}（{m.created.counterName}）{formatDateTime(m.created.at)}
              </p>
            </li>
          ))}
        </ol>
      )}
      {writable ? (
        <MemoForm caseId={caseId} />
      ) : (
        <ReadOnlyNote>保留中・取消の対応にはメモを書けません</ReadOnlyNote>
      )}
    </CaseSection>
  );
}

function MemoForm({ caseId }: { caseId: number }) {
  const id = useId();
  const fieldId = (path: string) => `${id}-${path}`;
  const add = useAddMemo(caseId);
  const [text, setText] = useState("");
  const [local, setLocal] = useState<Issue[]>([]);
  const [message, setMessage] = useState("");
  const area = useRef<HTMLTextAreaElement>(null);
  const issues = local.length > 0 ? local : issuesOf(add.error);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (add.isPending) return;
    setMessage("");
    if (!text.trim()) {
      setLocal([{ path: "text", message: "メモを入力してください" }]);
      return;
    }
    setLocal([]);
    add.mutate(text, {
      onSuccess: () => {
        setText("");
        setMessage("メモを保存しました");
        area.current?.focus();
      },
    });
  };

  return (
    <form onSubmit={submit} noValidate aria-label="メモの記入" className="flex flex-col gap-3">
      <ErrorSummary error={add.error} local={local} fieldId={fieldId} />
      <PhraseField
        areaRef={area}
        id={fieldId("text")}
        use="caseMemo"
        label="メモ"
        hint="1000文字以内。定型文を押すとカーソルの位置に入ります。対応履歴にも記録されます"
        value={text}
        error={issueAt(issues, "text")}
        onChange={setText}
      />
      <div>
        <button type="submit" aria-disabled={add.isPending || undefined} className={primaryButton}>
          メモを保存
        </button>
      </div>
      <SavedMessage message={message} />
    </form>
  );
}
