import {
  type CaseStatus,
  type CaseSummary,
  caseChannelLabels,
  caseStatusLabels,
} from "@ichimado/core/cases/schemas";
import { type FormEvent, useId, useState } from "react";
import { Link, useLocation } from "react-router";
import { errorMessage } from "../app/api.ts";
import { ErrorAlert, focusRing, Loading, primaryButton, TableHead, useTitle } from "../app/ui.tsx";
import { formatDateTime } from "../registry/status.ts";
import { useCaseList } from "./api.ts";
import { readDate, SelectInput } from "./fields.tsx";
import { ReceivedDates, useUrlFilter } from "./list-filter.tsx";
import { NewCaseForm } from "./new-case-form.tsx";
import { linkClass } from "./section.tsx";
import { CaseStatusBadge } from "./status-badge.tsx";

type StatusFilter = CaseStatus | "active" | "all";

const statusOptions: { value: StatusFilter; label: string }[] = [
  { value: "active", label: "対応中・保留中" },
  { value: "open", label: caseStatusLabels.open },
  { value: "suspended", label: caseStatusLabels.suspended },
  { value: "closed", label: caseStatusLabels.closed },
  { value: "cancelled", label: caseStatusLabels.cancelled },
  { value: "all", label: "すべて" },
];

interface Filter {
  status: StatusFilter;
  counter: "mine" | "all";
  from: string;
  to: string;
}

function filterFromParams(params: URLSearchParams): Filter {
  const status = params.get("status") ?? "active";
  return {
    status: statusOptions.some((o) => o.value === status) ? (status as StatusFilter) : "active",
    counter: params.get("counter") === "all" ? "all" : "mine",
    from: params.get("from") ?? "",
    to: params.get("to") ?? "",
  };
}

/** The query the server reads; the URL keeps it too, so back and reload show the same list. */
function filterToQuery(filter: Filter): string {
  const params = new URLSearchParams({ status: filter.status, counter: filter.counter });
  if (filter.from) params.set("from", filter.from);
  if (filter.to) params.set("to", filter.to);
  return params.toString();
}

/** What the case screen says when it sends staff back here (保留, 取消). */
export interface CasesLinkState {
  message: string;
}

/** 対応一覧: the counter's cases by status and period, and where a new case starts. */
export function CasesPage() {
  useTitle("対応一覧");
  const location = useLocation();
  const arrivedWith = (location.state as Partial<CasesLinkState> | null)?.message ?? "";
  const { query, heading, form, setForm, show } = useUrlFilter("/cases", filterFromParams, filterToQuery);
  const list = useCaseList(query);
  const [errors, setErrors] = useState<{ from?: string; to?: string }>({});
  // The value is read here, not in the updater: React may run that after the event is gone.
  const set = <K extends keyof Filter>(key: K, value: Filter[K]) => setForm((f) => ({ ...f, [key]: value }));
  const id = useId();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const from = readDate(form.from);
    const to = readDate(form.to);
    const found = {
      ...(from.ok ? {} : { from: from.message }),
      ...(to.ok ? {} : { to: to.message }),
    };
    setErrors(found);
    if (!from.ok || !to.ok) {
      document.getElementById(`${id}-${from.ok ? "to" : "from"}`)?.focus();
      return;
    }
    show({ ...form, from: from.date ?? "", to: to.date ?? "" }, list.refetch);
  };

  return (
    <div className="flex flex-col gap-6">
      <h1 ref={heading} tabIndex={-1} className={`self-start text-std-28B-150 outline-none ${focusRing}`}>
        対応一覧
      </h1>
      <p role="status" className={arrivedWith ? "text-std-16B-170 text-green-1000" : "sr-only"}>
        {arrivedWith}
      </p>
      <NewCaseForm />
      <form
        onSubmit={submit}
        noValidate
        aria-label="対応の絞り込み"
        className="flex flex-wrap items-end gap-4 rounded-8 border border-solid-gray-420 bg-white p-6"
      >
        <SelectInput
          id={`${id}-status`}
          label="状態"
          value={form.status}
          onChange={(e) => set("status", e.currentTarget.value as StatusFilter)}
        >
          {statusOptions.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </SelectInput>
        <fieldset className="flex flex-col gap-1">
          <legend className="text-std-16B-170 text-solid-gray-800">窓口</legend>
          <div className="flex min-h-12 items-center gap-4">
            {(["mine", "all"] as const).map((value) => (
              <div key={value} className="flex items-center gap-2">
                <input
                  id={`${id}-counter-${value}`}
                  type="radio"
                  name="counter"
                  value={value}
                  checked={form.counter === value}
                  onChange={() => set("counter", value)}
                  className={`size-6 ${focusRing}`}
                />
                <label htmlFor={`${id}-counter-${value}`} className="text-std-16N-170">
                  {value === "mine" ? "自分の窓口" : "全窓口"}
                </label>
              </div>
            ))}
          </div>
        </fieldset>
        <ReceivedDates id={id} from={form.from} to={form.to} errors={errors} onChange={set} />
        <button type="submit" className={primaryButton}>
          表示
        </button>
      </form>
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <ErrorAlert message={errorMessage(list.error)} />
      ) : (
        <CaseTable cases={list.data.cases} />
      )}
    </div>
  );
}

function CaseTable({ cases }: { cases: CaseSummary[] }) {
  return (
    <section aria-labelledby="case-list-heading" className="flex flex-col gap-3">
      <div className="flex flex-wrap items-baseline gap-4">
        <h2 id="case-list-heading" className="text-std-20B-150">
          対応
        </h2>
        <p role="status" className="text-std-16B-170" data-testid="case-count">
          {cases.length} 件
        </p>
      </div>
      {cases.length === 0 ? (
        <p className="rounded-8 border border-solid-gray-420 bg-white p-4 text-std-16N-170">
          該当する対応はありません
        </p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full border-collapse bg-white text-left text-dns-16N-130">
            <caption className="sr-only">対応一覧 (受付番号を選ぶと対応を開きます)</caption>
            <TableHead columns={["受付番号", "来庁者", "申請対象者", "手続き", "状態", "最終更新"]} nowrap />
            <tbody>
              {cases.map((c) => (
                <CaseRow key={c.id} summary={c} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function CaseRow({ summary: c }: { summary: CaseSummary }) {
  const { total, settled } = c.procedureCounts;
  return (
    <tr className="border-b border-solid-gray-420 align-top">
      <th scope="row" className="px-3 py-2 text-left font-normal">
        <Link to={`/cases/${c.id}`} className={`text-dns-16B-130 ${linkClass}`}>
          <span className="sr-only">受付番号 </span>
          {c.id}
        </Link>
        <div className="text-dns-14N-130 text-solid-gray-700">{caseChannelLabels[c.channel]}</div>
      </th>
      <td className="px-3 py-2">{c.visitorName ?? "—"}</td>
      <td className="px-3 py-2">{c.subjectNames.length > 0 ? c.subjectNames.join("、") : "—"}</td>
      <td className="whitespace-nowrap px-3 py-2">
        {total === 0 ? "—" : `${settled} / ${total} 件済`}
        {total > 0 && settled < total && (
          <div className="text-dns-14N-130 text-orange-1100">未了 {total - settled} 件</div>
        )}
      </td>
      <td className="px-3 py-2">
        <CaseStatusBadge status={c.status} />
      </td>
      <td className="px-3 py-2">
        <div>{c.updated.staffName}</div>
        <div className="text-dns-14N-130 text-solid-gray-700">{c.updated.counterName}</div>
        <div className="whitespace-nowrap text-dns-14N-130 text-solid-gray-700">
          {formatDateTime(c.updated.at)}
        </div>
      </td>
    </tr>
  );
}
