import type {
  ProgressList,
  ProgressRow,
  ProgressTarget,
  ProgressUpdateResult,
} from "@ichimado/core/cases/progress";
import { procedureStatusLabels } from "@ichimado/core/cases/schemas";
import { type Ref, useRef, useState } from "react";
import { Link } from "react-router";
import { errorMessage } from "../app/api.ts";
import { ErrorAlert, focusRing, secondaryButton, TableHead } from "../app/ui.tsx";
import { formatDateTime } from "../registry/status.ts";
import { useUpdateProgress } from "./progress-api.ts";
import { linkClass } from "./section.tsx";

const columns = ["選択", "受付日時", "手続き", "対象者", "受付番号", "受付者", "状態", "経過日数"];

interface Outcome {
  target: ProgressTarget;
  results: ProgressUpdateResult["results"];
}

/** The list with its bulk change: the chosen rows go to the server together, each answered on its own. */
export function ProgressTable({ list }: { list: ProgressList }) {
  const [chosen, setChosen] = useState<ReadonlySet<number>>(new Set());
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [problem, setProblem] = useState("");
  const update = useUpdateProgress();
  const outcomeHeading = useRef<HTMLHeadingElement>(null);
  const shown = list.rows.filter((r) => chosen.has(r.procedureId));

  const apply = (target: ProgressTarget) => {
    if (shown.length === 0) {
      setProblem("変更する手続きを選んでください");
      return;
    }
    setProblem("");
    update.mutate(
      {
        status: target,
        items: shown.map((r) => ({ caseId: r.caseId, procedureId: r.procedureId, expected: r.status })),
      },
      {
        onSuccess: (answer) => {
          // a row of a request that failed midway comes back without its name
          const names = new Map(shown.map((r) => [r.procedureId, r.name]));
          const results = answer.results.map((r) => ({
            ...r,
            name: r.name || (names.get(r.procedureId) ?? ""),
          }));
          setOutcome({ target, results });
          setChosen(new Set(answer.results.filter((r) => !r.ok).map((r) => r.procedureId)));
          requestAnimationFrame(() => outcomeHeading.current?.focus());
        },
        onError: (error) => setProblem(errorMessage(error)),
      },
    );
  };

  const allChosen = list.rows.length > 0 && shown.length === list.rows.length;
  const toggle = (id: number, on: boolean) =>
    setChosen((c) => {
      const next = new Set(c);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  return (
    <section aria-labelledby="progress-list-heading" className="flex flex-col gap-3">
      <div className="flex flex-wrap items-baseline gap-4">
        <h2 id="progress-list-heading" className="text-std-20B-150">
          手続き
        </h2>
        <p role="status" className="text-std-16B-170" data-testid="progress-count">
          {list.rows.length} 件{shown.length > 0 && ` (${shown.length} 件を選択中)`}
        </p>
      </div>
      {list.truncated && (
        <p className="rounded-8 border-2 border-orange-800 bg-orange-50 p-4 text-std-16N-170">
          該当する手続きが {list.limit} 件を超えました。受付の古い順に {list.limit}{" "}
          件を表示しています。受付日の期間や手続きで絞り込んでください。
        </p>
      )}
      {outcome && <OutcomeReport outcome={outcome} headingRef={outcomeHeading} />}
      {list.rows.length === 0 ? (
        <p className="rounded-8 border border-solid-gray-420 bg-white p-4 text-std-16N-170">
          該当する手続きはありません
        </p>
      ) : (
        <>
          <fieldset className="flex flex-wrap items-center gap-3">
            <legend className="sr-only">選んだ手続きの状態の変更</legend>
            <button
              type="button"
              className={secondaryButton}
              onClick={() => setChosen(allChosen ? new Set() : new Set(list.rows.map((r) => r.procedureId)))}
            >
              {allChosen ? "選択をすべて外す" : "すべて選ぶ"}
            </button>
            <button
              type="button"
              className={secondaryButton}
              disabled={update.isPending}
              onClick={() => apply("reviewed")}
            >
              選んだ手続きを審査済にする
            </button>
            <button
              type="button"
              className={secondaryButton}
              disabled={update.isPending}
              onClick={() => apply("completed")}
            >
              選んだ手続きを完了にする
            </button>
          </fieldset>
          <ErrorAlert message={problem} />
          <div className="overflow-x-auto">
            <table className="w-full border-collapse bg-white text-left text-dns-16N-130">
              <caption className="sr-only">進捗管理 (受付の古い順)</caption>
              <TableHead columns={columns} nowrap />
              <tbody>
                {list.rows.map((r) => (
                  <Row
                    key={r.procedureId}
                    row={r}
                    chosen={chosen.has(r.procedureId)}
                    onToggle={(on) => toggle(r.procedureId, on)}
                  />
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}

const maskedAddress = "(支援措置のため住所は表示できません)";

function Row({
  row: r,
  chosen,
  onToggle,
}: {
  row: ProgressRow;
  chosen: boolean;
  onToggle: (on: boolean) => void;
}) {
  const who = r.person?.name ?? "対象者なし";
  return (
    <tr className="border-b border-solid-gray-420 align-top" data-procedure-id={r.procedureId}>
      <td className="px-3 py-2">
        <input
          type="checkbox"
          checked={chosen}
          onChange={(e) => onToggle(e.currentTarget.checked)}
          aria-label={`${r.name} (${who}、受付番号 ${r.caseId}) を選ぶ`}
          className={`size-6 ${focusRing}`}
        />
      </td>
      <td className="whitespace-nowrap px-3 py-2">{formatDateTime(r.received.at)}</td>
      <th scope="row" className="px-3 py-2 text-left font-normal">
        <div className="text-dns-16B-130">{r.name}</div>
        <div className="text-dns-14N-130 text-solid-gray-700">{r.programmeLabel}</div>
      </th>
      <td className="px-3 py-2">
        {r.person ? (
          <>
            <div>{r.person.name}</div>
            {r.person.supportMeasure && (
              <span className="whitespace-nowrap rounded-4 border border-red-900 px-2 text-dns-14B-130 text-red-900">
                支援措置
              </span>
            )}
            {r.person.address && (
              <div className="text-dns-14N-130 text-solid-gray-700">
                {r.person.address.masked ? maskedAddress : r.person.address.text}
              </div>
            )}
          </>
        ) : (
          "—"
        )}
      </td>
      <td className="px-3 py-2">
        <Link to={`/cases/${r.caseId}`} className={`text-dns-16B-130 ${linkClass}`}>
          <span className="sr-only">受付番号 </span>
          {r.caseId}
        </Link>
      </td>
      <td className="px-3 py-2">
        <div>{r.received.staffName}</div>
        <div className="text-dns-14N-130 text-solid-gray-700">{r.received.counterName}</div>
      </td>
      <td className="whitespace-nowrap px-3 py-2" data-testid="progress-status">
        {procedureStatusLabels[r.status]}
      </td>
      <td className="whitespace-nowrap px-3 py-2">{r.daysWaiting} 日</td>
    </tr>
  );
}

function OutcomeReport({ outcome, headingRef }: { outcome: Outcome; headingRef: Ref<HTMLHeadingElement> }) {
  const done = outcome.results.filter((r) => r.ok);
  const refused = outcome.results.filter((r) => !r.ok);
  return (
    <div
      className={`flex flex-col gap-2 rounded-8 border-2 p-4 ${refused.length > 0 ? "border-error-1 bg-red-50" : "border-green-800 bg-green-50"}`}
      data-testid="progress-outcome"
    >
      <h3 ref={headingRef} tabIndex={-1} className={`self-start text-std-18B-160 outline-none ${focusRing}`}>
        {done.length} 件を{procedureStatusLabels[outcome.target]}にしました
        {refused.length > 0 && `。${refused.length} 件はできませんでした`}
      </h3>
      {refused.length > 0 && (
        <ul className="list-disc pl-6 text-std-16N-170 text-error-2">
          {refused.map((r) => (
            <li key={r.procedureId}>
              {r.name || `手続き ${r.procedureId}`}: {r.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
