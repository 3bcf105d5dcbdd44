import {
  type AdminMemoTemplate,
  type MemoTemplateInput,
  type MemoTemplateUse,
  memoTemplateInputSchema,
  memoTemplateTextMax,
  memoTemplateUseLabels,
  memoTemplateUses,
} from "@ichimado/core/memos/templates";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { errorMessage } from "../app/api.ts";
import {
  ConfirmChoice,
  ErrorAlert,
  focusRing,
  Loading,
  primaryButton,
  secondaryButton,
  useTitle,
} from "../app/ui.tsx";
import { SelectInput, TextArea } from "../cases/fields.tsx";
import { ErrorSummary, type Issue, issueAt, issuesOf } from "../cases/form-errors.tsx";
import { SavedMessage } from "../cases/section.tsx";
import { EditorFrame } from "../catalog/editor-frame.tsx";
import {
  useAdminMemoTemplates,
  useDeleteMemoTemplate,
  useReorderMemoTemplates,
  useSaveMemoTemplate,
} from "./api.ts";

/** The select's value for the shared templates; counter ids never are empty. */
const shared = "";

const inputOf = (t: AdminMemoTemplate, sortOrder = t.sortOrder): MemoTemplateInput => ({
  use: t.use,
  counterId: t.counterId,
  text: t.text,
  sortOrder,
});

/**
 * `/admin/memo-templates` (catalogAdmin): 定型文 (O46) per use, shared or one counter's, added,
 * edited, put in order and deleted here; every change is in the audit log.
 */
export function MemoTemplatesAdminPage() {
  useTitle("定型文管理");
  const list = useAdminMemoTemplates();
  const [use, setUse] = useState<MemoTemplateUse>("caseMemo");
  const [scope, setScope] = useState(shared);
  const [editing, setEditing] = useState<AdminMemoTemplate | null>(null);
  const [said, setSaid] = useState("");
  const done = (message: string) => {
    setEditing(null);
    setSaid(message);
  };
  const counterId = scope === shared ? null : scope;
  const shown = (list.data?.templates ?? []).filter((t) => t.use === use && t.counterId === counterId);
  return (
    <EditorFrame title="定型文管理" back={{ to: "/", label: "ホームに戻る" }} boxed={false}>
      <p>
        対応のメモと証明書の発行上の指示に、職員がボタンで入れられる文です。共通の定型文はすべての窓口に、窓口の定型文はその窓口だけに表示されます。画面では共通と窓口の定型文を合わせて並び順の値の小さい順に並びます。変更は監査証跡に残ります。
      </p>
      <SavedMessage message={said} />
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <ErrorAlert message={errorMessage(list.error)} />
      ) : (
        <>
          <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
            <SelectInput
              id="memo-template-use"
              label="用途"
              value={use}
              onChange={(e) => {
                setUse(e.currentTarget.value as MemoTemplateUse);
                setEditing(null);
              }}
            >
              {memoTemplateUses.map((u) => (
                <option key={u} value={u}>
                  {memoTemplateUseLabels[u]}
                </option>
              ))}
            </SelectInput>
            <SelectInput
              id="memo-template-scope"
              label="表示する窓口"
              value={scope}
              onChange={(e) => {
                setScope(e.currentTarget.value);
                setEditing(null);
              }}
            >
              <option value={shared}>共通（すべての窓口）</option>
              {list.data.counters.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </SelectInput>
          </div>
          <TemplateList
            templates={shown}
            onEdit={(t) => {
              setSaid("");
              setEditing(t);
            }}
            onDone={done}
          />
          <TemplateForm
            key={`${use}-${scope}-${editing?.id ?? "new"}`}
            template={editing}
            use={use}
            counterId={counterId}
            nextOrder={(shown.at(-1)?.sortOrder ?? 0) + 10}
            onDone={done}
          />
        </>
      )}
    </EditorFrame>
  );
}

function TemplateList({
  templates,
  onEdit,
  onDone,
}: {
  templates: AdminMemoTemplate[];
  onEdit: (template: AdminMemoTemplate) => void;
  onDone: (message: string) => void;
}) {
  const [confirming, setConfirming] = useState<number | null>(null);
  const remove = useDeleteMemoTemplate();
  const reorder = useReorderMemoTemplates();
  if (templates.length === 0) return <p>この用途・窓口の定型文はまだありません。</p>;
  /** Renumbers in steps of ten with one template moved, sending only the ones whose value changed. */
  const move = (from: number, to: number) => {
    const order = [...templates];
    const [moved] = order.splice(from, 1);
    if (!moved) return;
    order.splice(to, 0, moved);
    const changes = order
      .map((t, i) => ({ t, sortOrder: (i + 1) * 10 }))
      .filter(({ t, sortOrder }) => t.sortOrder !== sortOrder)
      .map(({ t, sortOrder }) => ({ id: t.id, input: inputOf(t, sortOrder) }));
    reorder.mutate(changes, { onSuccess: () => onDone(`「${moved.text}」を${to + 1}番目にしました`) });
  };
  const error = remove.error ?? reorder.error;
  return (
    <div className="flex flex-col gap-2">
      {error && <ErrorAlert message={errorMessage(error)} />}
      <ol aria-label="定型文の一覧" className="flex flex-col gap-2">
        {templates.map((t, i) => (
          <li key={t.id} className="flex flex-col gap-2 rounded-8 border border-solid-gray-420 bg-white p-3">
            <p className="whitespace-pre-line break-all text-std-16N-170">{t.text}</p>
            <p className="text-dns-14N-130 text-solid-gray-700">
              並び順 {t.sortOrder}
              {t.updatedBy ? `・更新: ${t.updatedBy}` : "・初期設定"}
            </p>
            {confirming === t.id ? (
              <ConfirmChoice
                message={`「${t.text}」を削除すると、職員の画面に表示されなくなります。`}
                action="削除する"
                pending={remove.isPending}
                onConfirm={() =>
                  remove.mutate(t.id, {
                    onSuccess: () => {
                      setConfirming(null);
                      onDone(`「${t.text}」を削除しました`);
                    },
                  })
                }
                onCancel={() => setConfirming(null)}
              />
            ) : (
              <div className="flex flex-wrap gap-2">
                <button
                  type="button"
                  className={secondaryButton}
                  aria-label={`「${t.text}」を上へ`}
                  aria-disabled={i === 0 || reorder.isPending || undefined}
                  onClick={() => i > 0 && !reorder.isPending && move(i, i - 1)}
                >
                  上へ
                </button>
                <button
                  type="button"
                  className={secondaryButton}
                  aria-label={`「${t.text}」を下へ`}
                  aria-disabled={i === templates.length - 1 || reorder.isPending || undefined}
                  onClick={() => i < templates.length - 1 && !reorder.isPending && move(i, i + 1)}
                >
                  下へ
                </button>
                <button
                  type="button"
                  className={secondaryButton}
                  aria-label={`「${t.text}」を編集`}
                  onClick={() => onEdit(t)}
                >
                  編集
                </button>
                <button
                  type="button"
                  className={secondaryButton}
                  aria-label={`「${t.text}」を削除`}
                  onClick={() => setConfirming(t.id)}
                >
                  削除…
                </button>
              </div>
            )}
          </li>
        ))}
      </ol>
    </div>
  );
}

/** A template added, or edited in place; checked with the server's schema before sending. */
function TemplateForm({
  template,
  use,
  counterId,
  nextOrder,
  onDone,
}: {
  /** null: a new template, placed last */
  template: AdminMemoTemplate | null;
  use: MemoTemplateUse;
  counterId: string | null;
  nextOrder: number;
  onDone: (message: string) => void;
}) {
  const [text, setText] = useState(template?.text ?? "");
  const [local, setLocal] = useState<Issue[]>([]);
  const save = useSaveMemoTemplate();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (template) heading.current?.focus();
  }, [template]);
  const issues = local.length > 0 ? local : issuesOf(save.error);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.reset();
    const parsed = memoTemplateInputSchema.safeParse({
      use,
      counterId,
      text,
      sortOrder: template?.sortOrder ?? nextOrder,
    });
    if (!parsed.success) {
      setLocal(parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })));
      return;
    }
    setLocal([]);
    save.mutate(
      { id: template?.id ?? null, input: parsed.data },
      {
        onSuccess: () => {
          onDone(
            template ? `「${parsed.data.text}」を保存しました` : `「${parsed.data.text}」を追加しました`,
          );
          if (!template) setText("");
        },
      },
    );
  };

  return (
    <section
      aria-labelledby="memo-template-form-heading"
      className="flex flex-col gap-4 rounded-8 border border-solid-gray-420 bg-white p-6"
    >
      <h2
        id="memo-template-form-heading"
        ref={heading}
        tabIndex={-1}
        className={`self-start text-std-20B-150 outline-none ${focusRing}`}
      >
        {template ? "定型文の編集" : "定型文の追加"}
      </h2>
      <form onSubmit={submit} noValidate className="flex flex-col gap-4">
        <ErrorSummary error={save.error} local={local} fieldId={() => "memo-template-text"} />
        <TextArea
          id="memo-template-text"
          label="定型文"
          hint={`${memoTemplateTextMax}文字以内。上で選んだ用途・窓口に${template ? "保存" : "追加"}します`}
          value={text}
          error={issueAt(issues, "text") ?? issues[0]?.message}
          onChange={(e) => setText(e.currentTarget.value)}
        />
        <div className="flex flex-wrap gap-2">
          <button type="submit" className={primaryButton} disabled={save.isPending}>
            {template ? "保存する" : "追加する"}
          </button>
          {template && (
            <button type="button" className={secondaryButton} onClick={() => onDone("")}>
              編集をやめる
            </button>
          )}
        </div>
      </form>
    </section>
  );
}
