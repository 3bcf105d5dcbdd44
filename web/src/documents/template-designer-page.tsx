import type { TemplateVersion } from "@ichimado/core/documents/api";
import { newField } from "@ichimado/core/documents/placement";
import { type TemplateField, templateSaveSchema } from "@ichimado/core/documents/template";
import { useEffect, useState } from "react";
import { useLocation, useNavigate, useParams } from "react-router";
import { ApiError, errorMessage } from "../app/api.ts";
import { ErrorAlert, Loading, secondaryButton, useTitle } from "../app/ui.tsx";
import { TextInput, todayIso } from "../cases/fields.tsx";
import { StepButton } from "../cases/section.tsx";
import { useCatalogView } from "../catalog/api.ts";
import { ConflictNotice } from "../catalog/conflict-notice.tsx";
import { EditorFrame } from "../catalog/editor-frame.tsx";
import { BasePdfUpload } from "./base-pdf-upload.tsx";
import { FieldList } from "./field-list.tsx";
import { FieldPanel } from "./field-panel.tsx";
import { PageCanvas } from "./page-canvas.tsx";
import { usePdfPages } from "./pdf-pages.ts";
import {
  useBasePdf,
  usePreviewTemplate,
  useRefreshTemplates,
  useSaveTemplate,
  useTemplateVersions,
} from "./template-api.ts";

/** What a new template starts from: the list page uploads the base PDF and passes these on. */
export interface NewTemplateState {
  key: string;
  name: string;
  basePdfId: number;
}

interface Draft {
  key: string;
  name: string;
  basePdfId: number;
  fields: TemplateField[];
  validFrom: string;
  validTo: string;
  baseVersion: number | null;
}

const draftOf = (v: TemplateVersion): Draft => ({
  key: v.key,
  name: v.name,
  basePdfId: v.basePdfId,
  fields: v.fields,
  // A new version takes effect today unless the administrator says otherwise.
  validFrom: [v.validFrom, todayIso()].sort()[1] ?? v.validFrom,
  validTo: v.validTo ?? "",
  baseVersion: v.version,
});

/** `/admin/documents/templates/:key` edits a template as a new version; `/admin/documents/new-template` starts one. */
export function TemplateDesignerPage() {
  const { key } = useParams();
  const location = useLocation();
  const versions = useTemplateVersions();
  const catalog = useCatalogView();
  const fresh = location.state as (NewTemplateState & { message?: string }) | null;
  const latest = key ? versions.data?.templates.find((t) => t.key === key) : undefined;
  const title = key ? `様式の編集: ${latest?.name ?? key}` : `新しい様式: ${fresh?.name ?? ""}`;
  useTitle(title);
  let body: React.ReactNode;
  if (versions.isPending || catalog.isPending) body = <Loading />;
  else if (!versions.data) body = <ErrorAlert message={errorMessage(versions.error)} />;
  else if (key && !latest) body = <ErrorAlert message={`様式 ${key} はありません`} />;
  else if (!key && !fresh?.basePdfId)
    body = <ErrorAlert message="元のPDFが選ばれていません。様式の一覧から始めてください" />;
  else {
    const start: Draft = latest
      ? draftOf(latest)
      : {
          key: fresh?.key ?? "",
          name: fresh?.name ?? "",
          basePdfId: fresh?.basePdfId ?? 0,
          fields: [],
          validFrom: todayIso(),
          validTo: "",
          baseVersion: null,
        };
    body = (
      <Designer
        // A saved version (or one read after a conflict) starts the designer afresh.
        key={`${start.key}-${start.baseVersion ?? "new"}`}
        start={start}
        savedMessage={fresh?.message ?? ""}
        questions={catalog.data?.questions ?? []}
        onReload={() => versions.refetch()}
      />
    );
  }
  return (
    <EditorFrame title={title} back={{ to: "/admin/documents", label: "様式の一覧に戻る" }} boxed={false}>
      {body}
    </EditorFrame>
  );
}

function Designer({
  start,
  savedMessage,
  questions,
  onReload,
}: {
  start: Draft;
  savedMessage: string;
  questions: readonly { key: string; label: string }[];
  onReload: () => Promise<unknown>;
}) {
  const navigate = useNavigate();
  const [draft, setDraft] = useState(start);
  const [selected, setSelected] = useState<number | null>(start.fields.length > 0 ? 0 : null);
  const [pageNumber, setPageNumber] = useState(1);
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [reloading, setReloading] = useState(false);
  const [preview, setPreview] = useState<string | null>(null);
  useEffect(() => () => (preview ? URL.revokeObjectURL(preview) : undefined), [preview]);
  const bytes = useBasePdf(draft.basePdfId);
  const { pages, error: pdfError } = usePdfPages(bytes.data);
  const save = useSaveTemplate();
  const refreshTemplates = useRefreshTemplates();
  const previewing = usePreviewTemplate();
  const size = pages?.sizes[pageNumber - 1];
  const setField = (index: number, field: TemplateField) =>
    setDraft((d) => ({ ...d, fields: d.fields.map((f, i) => (i === index ? field : f)) }));

  const add = () => {
    if (!size) return;
    setDraft((d) => ({ ...d, fields: [...d.fields, newField(d.fields, pageNumber, size)] }));
    setSelected(draft.fields.length);
  };
  const remove = (index: number) => {
    setDraft((d) => ({ ...d, fields: d.fields.filter((_, i) => i !== index) }));
    setSelected(null);
  };
  const body = () => ({
    key: draft.key,
    name: draft.name,
    basePdfId: draft.basePdfId,
    fields: draft.fields,
    validFrom: draft.validFrom,
    validTo: draft.validTo || null,
    baseVersion: draft.baseVersion,
  });
  const showProblems = (issues: { path: string; message: string }[]) => {
    const out: Record<string, string> = {};
    for (const issue of issues) {
      const path = issue.path.replace(/^body\./, "");
      out[path] ??= issue.message;
    }
    setProblems(out);
    const first = issues[0]?.path.match(/fields\.(\d+)/);
    if (first) setSelected(Number(first[1]));
  };
  const submit = () => {
    // The shared schema first: what it refuses never reaches the server.
    const checked = templateSaveSchema.safeParse(body());
    if (!checked.success) {
      showProblems(checked.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })));
      return;
    }
    setProblems({});
    save.mutate(checked.data, {
      onSuccess: (saved) => {
        navigate(`/admin/documents/templates/${saved.key}`, {
          replace: true,
          state: { message: `版 ${saved.version} として保存しました` },
        });
        void refreshTemplates();
      },
      onError: (error) => {
        if (error instanceof ApiError) showProblems(error.issues);
      },
    });
  };
  const showPreview = () =>
    previewing.mutate(
      { basePdfId: draft.basePdfId, fields: draft.fields },
      {
        onSuccess: (blob) => setPreview(URL.createObjectURL(blob)),
        onError: (error) => error instanceof ApiError && showProblems(error.issues),
      },
    );
  const problemList = Object.entries(problems);

  return (
    <div className="flex flex-col gap-6">
      {savedMessage && (
        <p role="status" className="rounded-8 border-2 border-success-1 bg-green-50 p-4">
          {savedMessage}
        </p>
      )}
      <section
        aria-label="様式の情報"
        className="grid grid-cols-1 gap-4 rounded-8 border border-solid-gray-420 bg-white p-6 md:grid-cols-4"
      >
        <TextInput id="template-key" label="様式キー" value={draft.key} readOnly />
        <TextInput
          id="template-name"
          label="様式名"
          value={draft.name}
          error={problems.name}
          onChange={(e) => setDraft({ ...draft, name: e.target.value })}
        />
        <TextInput
          id="template-valid-from"
          label="適用開始日"
          type="date"
          value={draft.validFrom}
          error={problems.validFrom}
          onChange={(e) => setDraft({ ...draft, validFrom: e.target.value })}
        />
        <TextInput
          id="template-valid-to"
          label="適用終了日（空欄は期限なし）"
          type="date"
          value={draft.validTo}
          error={problems.validTo}
          onChange={(e) => setDraft({ ...draft, validTo: e.target.value })}
        />
        <div className="md:col-span-4">
          <BasePdfUpload
            label="元のPDFを差し替える"
            name={draft.name}
            onUploaded={(basePdfId) => {
              setDraft((d) => ({ ...d, basePdfId }));
              setPageNumber(1);
            }}
          />
        </div>
      </section>
      {problemList.length > 0 && (
        <div role="alert" className="rounded-8 border-2 border-error-1 bg-red-50 p-4 text-error-2">
          <p className="text-std-16B-170">保存できません。次の点を直してください</p>
          <ul className="list-disc pl-6">
            {problemList.map(([path, message]) => (
              <li key={path}>{message}</li>
            ))}
          </ul>
        </div>
      )}
      {(save.isError || previewing.isError) && problemList.length === 0 && (
        <ErrorAlert message={errorMessage(save.error ?? previewing.error)} />
      )}
      <ConflictNotice
        error={save.error}
        reloading={reloading}
        onReload={async () => {
          setReloading(true);
          await onReload();
          setReloading(false);
        }}
      />
      <div className="flex flex-wrap items-start gap-6">
        <div className="flex flex-col gap-3">
          {pages && pages.sizes.length > 1 && (
            <nav aria-label="ページ" className="flex gap-2">
              {pages.sizes.map((_, i) => (
                <button
                  // biome-ignore lint/suspicious/noArrayIndexKey: pages are numbered
                  key={i}
                  type="button"
                  aria-current={pageNumber === i + 1 ? "page" : undefined}
                  className={secondaryButton}
                  onClick={() => setPageNumber(i + 1)}
                >
                  {i + 1}ページ
                </button>
              ))}
            </nav>
          )}
          {bytes.isError || pdfError ? (
            <ErrorAlert message={pdfError ?? errorMessage(bytes.error)} />
          ) : pages && size ? (
            <PageCanvas
              pdf={pages.pdf}
              pageNumber={pageNumber}
              size={size}
              fields={draft.fields}
              selected={selected}
              onSelect={setSelected}
              onChange={setField}
            />
          ) : (
            <Loading />
          )}
        </div>
        <div className="flex min-w-80 flex-1 flex-col gap-4">
          <div className="flex flex-wrap gap-3">
            <button type="button" className={secondaryButton} onClick={add} disabled={!size}>
              項目を追加
            </button>
            <StepButton pending={previewing.isPending} variant="secondary" onClick={showPreview}>
              見本を表示
            </StepButton>
            <StepButton pending={save.isPending} onClick={submit}>
              新しい版として保存
            </StepButton>
          </div>
          <FieldList
            fields={draft.fields}
            selected={selected}
            onSelect={(i) => {
              setSelected(i);
              const page = draft.fields[i]?.page;
              if (page) setPageNumber(page);
            }}
          />
          {selected !== null && draft.fields[selected] && (
            <FieldPanel
              index={selected}
              field={draft.fields[selected]}
              pageCount={pages?.sizes.length ?? 1}
              questions={questions}
              errors={problems}
              onChange={(field) => setField(selected, field)}
              onRemove={() => remove(selected)}
            />
          )}
        </div>
      </div>
      {preview && (
        <iframe
          title={`見本: ${draft.name}`}
          src={preview}
          className="h-[70vh] w-full rounded-8 border border-solid-gray-420"
        />
      )}
    </div>
  );
}
