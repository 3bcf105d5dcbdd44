import {
  defaultProgressStatuses,
  type ProgressList,
  type ProgressStatus,
  progressStatuses,
} from "@ichimado/core/cases/progress";
import { type FormEvent, useId, useState } from "react";
import { errorMessage } from "../app/api.ts";
import { ErrorAlert, focusRing, Loading, primaryButton, useTitle } from "../app/ui.tsx";
import { Checkbox, readDate, SelectInput } from "./fields.tsx";
import { ReceivedDates, useUrlFilter } from "./list-filter.tsx";
import { useProgress } from "./progress-api.ts";
import { ProgressTable } from "./progress-table.tsx";

const progressStatusFilterLabels: Record<ProgressStatus, string> = {
  received: "受付済 (審査待ち)",
  reviewed: "審査済 (完了待ち)",
  completed: "完了",
};

interface Filter {
  statuses: ProgressStatus[];
  from: string;
  to: string;
  procedure: string;
}

function filterFromParams(params: URLSearchParams): Filter {
  const given = params
    .getAll("status")
    .filter((s): s is ProgressStatus => (progressStatuses as readonly string[]).includes(s));
  return {
    statuses: given.length > 0 ? given : [...defaultProgressStatuses],
    from: params.get("from") ?? "",
    to: params.get("to") ?? "",
    procedure: params.get("procedure") ?? "",
  };
}

/** The query the server reads; the URL keeps it too, so back and reload show the same list. */
function filterToQuery(filter: Filter): string {
  const params = new URLSearchParams();
  for (const s of progressStatuses) if (filter.statuses.includes(s)) params.append("status", s);
  if (filter.from) params.set("from", filter.from);
  if (filter.to) params.set("to", filter.to);
  if (filter.procedure) params.set("procedure", filter.procedure);
  return params.toString();
}

/**
 * 進捗管理 (L41): the procedures this counter takes, across cases, by status — what waits for 審査,
 * what waits for 完了 — so the back office finds its work and records several at once.
 */
export function ProgressPage() {
  useTitle("進捗管理");
  const { query, heading, form, setForm, show } = useUrlFilter(
    "/cases/progress",
    filterFromParams,
    filterToQuery,
  );
  const list = useProgress(query);
  const [errors, setErrors] = useState<{ from?: string; to?: string; statuses?: string }>({});
  const id = useId();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const from = readDate(form.from);
    const to = readDate(form.to);
    const found = {
      ...(form.statuses.length === 0 ? { statuses: "状態を1つ以上選んでください" } : {}),
      ...(from.ok ? {} : { from: from.message }),
      ...(to.ok ? {} : { to: to.message }),
    };
    setErrors(found);
    const first = (["statuses", "from", "to"] as const).find((k) => found[k]);
    if (first) {
      document.getElementById(first === "statuses" ? `${id}-status-received` : `${id}-${first}`)?.focus();
      return;
    }
    show({ ...form, from: from.ok ? (from.date ?? "") : "", to: to.ok ? (to.date ?? "") : "" }, list.refetch);
  };

  const toggle = (status: ProgressStatus, on: boolean) =>
    setForm((f) => ({
      ...f,
      statuses: on ? [...f.statuses, status] : f.statuses.filter((s) => s !== status),
    }));

  return (
    <div className="flex flex-col gap-6">
      <h1 ref={heading} tabIndex={-1} className={`self-start text-std-28B-150 outline-none ${focusRing}`}>
        進捗管理
      </h1>
      <p className="text-std-16N-170">
        この窓口で受け付ける手続きを、対応をまたいで状態ごとに表示します。受付済は審査待ち、審査済は完了待ちです。
      </p>
      <form
        onSubmit={submit}
        noValidate
        aria-label="手続きの絞り込み"
        className="flex flex-wrap items-end gap-4 rounded-8 border border-solid-gray-420 bg-white p-6"
      >
        <fieldset
          className="flex flex-col gap-1"
          aria-describedby={errors.statuses ? `${id}-status-error` : undefined}
        >
          <legend className="text-std-16B-170 text-solid-gray-800">状態</legend>
          <div className="flex flex-wrap gap-x-4">
            {progressStatuses.map((s) => (
              <Checkbox
                key={s}
                id={`${id}-status-${s}`}
                label={progressStatusFilterLabels[s]}
                checked={form.statuses.includes(s)}
                onChange={(on) => toggle(s, on)}
              />
            ))}
          </div>
          {errors.statuses && (
            <p id={`${id}-status-error`} className="text-dns-16N-130 text-error-2">
              {errors.statuses}
            </p>
          )}
        </fieldset>
        <ReceivedDates
          id={id}
          from={form.from}
          to={form.to}
          errors={errors}
          onChange={(end, value) => setForm((f) => ({ ...f, [end]: value }))}
        />
        <SelectInput
          id={`${id}-procedure`}
          label="手続き"
          value={form.procedure}
          onChange={(e) => {
            const value = e.currentTarget.value;
            setForm((f) => ({ ...f, procedure: value }));
          }}
        >
          <option value="">すべて</option>
          {procedureOptions(list.data, form.procedure).map((p) => (
            <option key={p.key} value={p.key}>
              {p.name}
            </option>
          ))}
        </SelectInput>
        <button type="submit" className={primaryButton}>
          表示
        </button>
      </form>
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <ErrorAlert message={errorMessage(list.error)} />
      ) : (
        <ProgressTable list={list.data} />
      )}
    </div>
  );
}

/** The counter's procedures; a key from the URL stays choosable while the list loads. */
function procedureOptions(list: ProgressList | undefined, chosen: string) {
  const options = list?.procedures ?? [];
  return chosen && !options.some((p) => p.key === chosen)
    ? [{ key: chosen, name: chosen }, ...options]
    : options;
}
