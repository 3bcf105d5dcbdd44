import type { FeedEncoding } from "@ichimado/core/feeds/columns";
import { feedLayoutById } from "@ichimado/core/feeds/layouts";
import { type FeedStatus, importRunStatusLabels, importSourceLabels } from "@ichimado/core/feeds/schemas";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, type RefObject, useEffect, useId, useRef, useState } from "react";
import { flushSync } from "react-dom";
import { errorMessage } from "../app/api.ts";
import {
  ErrorAlert,
  focusRing,
  Loading,
  primaryButton,
  secondaryButton,
  TableHead,
  useTitle,
} from "../app/ui.tsx";
import { StoppedJobs } from "../rpa/queue-status.tsx";
import { feedsKey, inProgress, uploadFeed, useFeedRuns, useFeedStatus, useRunDetail } from "./api.ts";
import { modeLabels, RunDetailView, StatusBadge } from "./run-views.tsx";
import { ageLabel, formatDateTime, isStale, rowCounts } from "./status.ts";

type Feed = FeedStatus["feeds"][number];
type PanelMode = "upload" | "history";

const linkButton = `rounded-4 px-2 py-1 text-dns-16B-120 text-blue-900 underline hover:bg-blue-50 ${focusRing}`;

/** データ連携 (dataFeedAdmin): how fresh each feed is, uploading a delivery, and the import history. */
export function FeedsPage() {
  useTitle("データ連携");
  const status = useFeedStatus();
  const [selected, setSelected] = useState<{ feedId: string; mode: PanelMode } | null>(null);
  const panelHeading = useRef<HTMLHeadingElement>(null);

  const open = (feedId: string, mode: PanelMode) => {
    flushSync(() => setSelected({ feedId, mode }));
    panelHeading.current?.focus();
  };

  if (status.isPending) return <Loading />;
  if (status.isError) return <ErrorAlert message={errorMessage(status.error)} />;
  const { feeds, checkedAt } = status.data;
  const now = Date.parse(checkedAt);
  const feed = selected ? feeds.find((f) => f.id === selected.feedId) : undefined;

  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-std-28B-150">データ連携</h1>
      <div className="flex flex-wrap items-center gap-4">
        <p className="text-dns-16N-130 text-solid-gray-700">{formatDateTime(checkedAt)} 時点の状態です。</p>
        <button
          type="button"
          className={secondaryButton}
          onClick={() => status.refetch()}
          disabled={status.isFetching}
        >
          最新の状態に更新
        </button>
      </div>
      <div className="overflow-x-auto">
        <table className="w-full border-collapse bg-white text-left text-dns-16N-130">
          <caption className="sr-only">連携ごとのデータの取込状況</caption>
          <TableHead columns={["連携名", "ファイル名", "データの取込日時", "最終取込", "操作"]} />
          <tbody>
            {feeds.map((f) => (
              <FeedRow
                key={f.id}
                feed={f}
                now={now}
                selected={f.id === selected?.feedId}
                onOpen={(mode) => open(f.id, mode)}
              />
            ))}
          </tbody>
        </table>
      </div>
      {feed && selected && (
        <FeedPanel
          key={feed.id}
          feed={feed}
          mode={selected.mode}
          headingRef={panelHeading}
          onUpload={() => open(feed.id, "upload")}
          onClose={() => setSelected(null)}
        />
      )}
      <StoppedJobs />
    </div>
  );
}

function FeedRow({
  feed,
  now,
  selected,
  onOpen,
}: {
  feed: Feed;
  now: number;
  selected: boolean;
  onOpen: (mode: PanelMode) => void;
}) {
  const stale = isStale(feed.loadedAt, now);
  const run = feed.lastRun;
  return (
    <tr
      className={`border-b border-solid-gray-420 align-top ${selected ? "bg-blue-50" : ""}`}
      aria-current={selected ? "true" : undefined}
    >
      <th scope="row" className="px-3 py-2 text-dns-16B-130">
        {feed.name}
      </th>
      <td className="px-3 py-2 font-mono">{feed.fileName}</td>
      <td className={`px-3 py-2 ${stale ? "bg-orange-50 text-orange-1100" : ""}`}>
        {feed.loadedAt ? (
          <>
            <span className="whitespace-nowrap">{formatDateTime(feed.loadedAt)}</span>
            <br />
            <span className="whitespace-nowrap">
              （{ageLabel(feed.loadedAt, now)}）
              {stale && (
                <span className="ml-1 font-bold">
                  <span aria-hidden="true">⚠ </span>1日以上前
                </span>
              )}
            </span>
          </>
        ) : (
          <span className="font-bold">
            <span aria-hidden="true">⚠ </span>未取込
          </span>
        )}
      </td>
      <td className="px-3 py-2">
        {run ? (
          <div className="flex flex-col gap-1">
            <StatusBadge status={run.status} />
            <span className="whitespace-nowrap">{formatDateTime(run.finishedAt ?? run.startedAt)}</span>
            <span className="whitespace-nowrap text-dns-14N-130">{rowCounts(run)}</span>
          </div>
        ) : (
          "記録なし"
        )}
      </td>
      <td className="px-3 py-2">
        <div className="flex flex-wrap gap-1">
          <button type="button" className={linkButton} onClick={() => onOpen("upload")}>
            取込<span className="sr-only">: {feed.name}</span>
          </button>
          <button type="button" className={linkButton} onClick={() => onOpen("history")}>
            履歴<span className="sr-only">: {feed.name}</span>
          </button>
        </div>
      </td>
    </tr>
  );
}

function FeedPanel({
  feed,
  mode,
  headingRef,
  onUpload,
  onClose,
}: {
  feed: Feed;
  mode: PanelMode;
  headingRef: RefObject<HTMLHeadingElement | null>;
  onUpload: () => void;
  onClose: () => void;
}) {
  const headingId = useId();
  return (
    <section
      aria-labelledby={headingId}
      className="flex flex-col gap-6 rounded-8 border border-solid-gray-420 bg-white p-6 shadow-1"
    >
      <div className="flex flex-wrap items-center gap-4">
        <h2
          id={headingId}
          ref={headingRef}
          tabIndex={-1}
          className={`text-std-24B-150 outline-none ${focusRing}`}
        >
          {feed.name}（{feed.fileName}）
        </h2>
        <div className="ml-auto flex gap-2">
          {mode === "history" && (
            <button type="button" className={secondaryButton} onClick={onUpload}>
              ファイルを取込む
            </button>
          )}
          <button type="button" className={secondaryButton} onClick={onClose}>
            閉じる
          </button>
        </div>
      </div>
      {mode === "upload" && <UploadForm feed={feed} />}
      <RunHistory feed={feed} />
    </section>
  );
}

const encodings: { value: FeedEncoding; label: string }[] = [
  { value: "auto", label: "自動判別" },
  { value: "utf-8", label: "UTF-8" },
  { value: "cp932", label: "Shift_JIS (CP932)" },
];

function UploadForm({ feed }: { feed: Feed }) {
  const id = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [differential, setDifferential] = useState(false);
  const [encoding, setEncoding] = useState<FeedEncoding>("auto");
  const [missingFile, setMissingFile] = useState(false);
  const upload = useMutation({ mutationFn: uploadFeed });
  const run = useRunDetail(upload.data?.runId ?? null);
  const running =
    upload.isPending || (upload.isSuccess && !run.isError && (!run.data || inProgress(run.data.status)));

  const layout = feedLayoutById.get(feed.id);
  const headers = [...(differential ? ["処理区分"] : []), ...(layout?.columns.map((c) => c.header) ?? [])];
  const diffName = feed.fileName.replace(/\.csv$/, ".diff.csv");

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!file) {
      setMissingFile(true);
      fileInput.current?.focus();
      return;
    }
    upload.mutate({ feedId: feed.id, file, differential, encoding });
  };

  return (
    <section aria-labelledby={`${id}-heading`} className="flex flex-col gap-4">
      <h3 id={`${id}-heading`} className="text-std-20B-150">
        ファイルの取込
      </h3>
      <form onSubmit={submit} noValidate className="flex flex-col gap-4">
        <div className="flex flex-col gap-1">
          <label htmlFor={`${id}-file`} className="text-std-16B-170">
            取込むファイル (CSV)
          </label>
          <p id={`${id}-file-hint`} className="text-dns-14N-130 text-solid-gray-700">
            標準のファイル名は {differential ? diffName : feed.fileName} です。見出し行: {headers.join(", ")}
          </p>
          <input
            ref={fileInput}
            id={`${id}-file`}
            type="file"
            accept=".csv,text/csv"
            aria-invalid={missingFile ? true : undefined}
            aria-describedby={`${id}-file-hint${missingFile ? ` ${id}-file-error` : ""}`}
            className={`rounded-8 border border-solid-gray-600 bg-white p-2 text-std-16N-170 ${focusRing}`}
            onChange={(e) => {
              setFile(e.currentTarget.files?.[0] ?? null);
              setMissingFile(false);
            }}
          />
          {missingFile && (
            <p id={`${id}-file-error`} className="text-dns-16N-130 text-error-2">
              取込むファイルを選んでください
            </p>
          )}
        </div>
        <div className="flex items-start gap-2">
          <input
            id={`${id}-diff`}
            type="checkbox"
            checked={differential}
            onChange={(e) => setDifferential(e.currentTarget.checked)}
            aria-describedby={`${id}-diff-hint`}
            className={`mt-1 size-6 ${focusRing}`}
          />
          <div className="flex flex-col">
            <label htmlFor={`${id}-diff`} className="text-std-16B-170">
              差分
            </label>
            <p id={`${id}-diff-hint`} className="text-dns-14N-130 text-solid-gray-700">
              変更のあった行だけのファイルです (処理区分 1 追加 / 2 変更 / 3 削除)。外すと全件を置き換えます。
            </p>
          </div>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor={`${id}-encoding`} className="text-std-16B-170">
            文字コード
          </label>
          <select
            id={`${id}-encoding`}
            value={encoding}
            onChange={(e) => setEncoding(e.currentTarget.value as FeedEncoding)}
            className={`min-h-12 max-w-xs rounded-8 border border-solid-gray-600 bg-white px-4 text-std-16N-170 ${focusRing}`}
          >
            {encodings.map((e) => (
              <option key={e.value} value={e.value}>
                {e.label}
              </option>
            ))}
          </select>
        </div>
        <div>
          <button type="submit" className={primaryButton} disabled={running}>
            取込開始
          </button>
        </div>
      </form>
      <ErrorAlert message={upload.isError ? errorMessage(upload.error) : null} />
      {upload.data && <UploadOutcome accepted={upload.data.message} run={run} />}
    </section>
  );
}

function UploadOutcome({ accepted, run }: { accepted: string; run: ReturnType<typeof useRunDetail> }) {
  const queryClient = useQueryClient();
  const detail = run.data;
  const finished = detail !== undefined && !inProgress(detail.status);
  // Once the run is over, the status table and the history show its result.
  useEffect(() => {
    if (finished) {
      queryClient.invalidateQueries({ queryKey: feedsKey, predicate: (q) => q.queryKey[1] !== "run" });
    }
  }, [finished, queryClient]);

  return (
    <div className="flex flex-col gap-4 rounded-8 border border-solid-gray-420 p-4">
      <p className="text-dns-16N-130 text-solid-gray-700">{accepted}</p>
      <p role="status" data-testid="upload-progress" className="text-std-16B-170">
        {detail
          ? finished
            ? `${importRunStatusLabels[detail.status]}: ${detail.message ?? rowCounts(detail)}`
            : `${importRunStatusLabels[detail.status]}… (${detail.rowsTotal.toLocaleString("ja-JP")} 行を読込済み)`
          : "取込の状況を確認しています…"}
      </p>
      <ErrorAlert message={run.isError ? errorMessage(run.error) : null} />
      {detail && finished && <RunDetailView run={detail} />}
    </div>
  );
}

function RunHistory({ feed }: { feed: Feed }) {
  const id = useId();
  const runs = useFeedRuns(feed.id);
  const [runId, setRunId] = useState<number | null>(null);
  const detail = useRunDetail(runId);
  const detailHeading = useRef<HTMLHeadingElement>(null);

  const show = (id: number) => {
    flushSync(() => setRunId(id));
    detailHeading.current?.focus();
  };

  return (
    <section aria-labelledby={`${id}-heading`} className="flex flex-col gap-4">
      <h3 id={`${id}-heading`} className="text-std-20B-150">
        取込履歴
      </h3>
      {runs.isPending ? (
        <Loading />
      ) : runs.isError ? (
        <ErrorAlert message={errorMessage(runs.error)} />
      ) : runs.data.runs.length === 0 ? (
        <p>取込の記録はありません。</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full border-collapse text-left text-dns-16N-130">
            <caption className="sr-only">{feed.name} の取込履歴 (新しい順)</caption>
            <TableHead columns={["受付番号", "状態", "取込元", "ファイル名", "開始・終了", "件数", "詳細"]} />
            <tbody>
              {runs.data.runs.map((r) => (
                <tr
                  key={r.id}
                  className={`border-b border-solid-gray-420 align-top ${r.id === runId ? "bg-blue-50" : ""}`}
                  aria-current={r.id === runId ? "true" : undefined}
                >
                  <td className="px-3 py-2 tabular-nums">{r.id}</td>
                  <td className="px-3 py-2">
                    <StatusBadge status={r.status} />
                  </td>
                  <td className="px-3 py-2">{importSourceLabels[r.source]}</td>
                  <td className="px-3 py-2">
                    {r.fileName}
                    <span className="ml-1 text-dns-14N-130 text-solid-gray-700">({modeLabels[r.mode]})</span>
                  </td>
                  <td className="px-3 py-2 whitespace-nowrap">
                    {formatDateTime(r.startedAt)}
                    <br />〜 {r.finishedAt ? formatDateTime(r.finishedAt) : "(処理中)"}
                  </td>
                  <td className="px-3 py-2 whitespace-nowrap">{rowCounts(r)}</td>
                  <td className="px-3 py-2">
                    <button type="button" className={linkButton} onClick={() => show(r.id)}>
                      表示<span className="sr-only">: 受付番号 {r.id}</span>
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {runId !== null && (
        <section aria-labelledby={`${id}-detail`} className="flex flex-col gap-3 border-t pt-4">
          <h3
            id={`${id}-detail`}
            ref={detailHeading}
            tabIndex={-1}
            className={`text-std-20B-150 outline-none ${focusRing}`}
          >
            取込結果の詳細（受付番号 {runId}）
          </h3>
          {detail.isPending ? (
            <Loading />
          ) : detail.isError ? (
            <ErrorAlert message={errorMessage(detail.error)} />
          ) : (
            <RunDetailView run={detail.data} />
          )}
        </section>
      )}
    </section>
  );
}
