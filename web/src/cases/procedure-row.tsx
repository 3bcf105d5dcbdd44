import {
  type CaseProcedure,
  type ProcedureStatus,
  procedureStatusLabels,
} from "@ichimado/core/cases/schemas";
import { type FormEvent, useId, useState } from "react";
import { Link } from "react-router";
import { errorMessage } from "../app/api.ts";
import { focusRing } from "../app/ui.tsx";
import { formatDateTime } from "../registry/status.ts";
import { useSetProcedureStatus } from "./api.ts";
import { linkClass, StepButton } from "./section.tsx";

const toggleClass = `inline-flex min-h-10 items-center gap-1 whitespace-nowrap rounded-8 px-2 text-dns-16B-120 text-blue-900 underline hover:bg-blue-50 ${focusRing}`;

/**
 * One procedure. The status is chosen, then set with its button: a select that saved on every
 * change would save each status the arrow keys pass over.
 */
export function ProcedureRow({
  caseId,
  procedure: p,
  choices,
  columns,
  onChanged,
}: {
  caseId: number;
  procedure: CaseProcedure;
  /** the statuses staff may choose now; null shows the status read-only */
  choices: readonly ProcedureStatus[] | null;
  columns: number;
  onChanged: (message: string) => void;
}) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const who = p.personName ?? "世帯";
  const title = `「${p.name}」（${who}）`;
  return (
    <>
      <tr className="border-b border-solid-gray-420 align-top" data-procedure={p.key}>
        <th scope="row" className="px-3 py-2 text-left">
          {p.name}
          {p.source === "manual" && (
            <div className="text-dns-14N-130 font-normal text-solid-gray-700">職員が追加</div>
          )}
        </th>
        <td className="px-3 py-2">
          {p.personId ? (
            <Link to={`/persons/${encodeURIComponent(p.personId)}`} className={linkClass}>
              {who}
            </Link>
          ) : (
            who
          )}
        </td>
        <td className="px-3 py-2">{p.programmeLabel}</td>
        <td className="px-3 py-2">
          {p.handling === "handledHere" ? (
            <span className="whitespace-nowrap rounded-4 border border-green-800 bg-green-50 px-2 text-dns-14B-130 text-green-1000">
              ここで受付
            </span>
          ) : (
            <>
              <span className="whitespace-nowrap rounded-4 border border-orange-800 bg-orange-50 px-2 text-dns-14B-130 text-orange-1100">
                {p.counter.name}へ案内
              </span>
              {p.counter.place && <div className="text-dns-14N-130">{p.counter.place}</div>}
            </>
          )}
        </td>
        <td className="px-3 py-2">
          {choices ? (
            <StatusForm caseId={caseId} procedure={p} title={title} choices={choices} onChanged={onChanged} />
          ) : (
            <span className="font-bold">{procedureStatusLabels[p.status]}</span>
          )}
          <div className="mt-1 text-dns-14N-130 text-solid-gray-700">
            {p.updated.staffName}（{p.updated.counterName}）{formatDateTime(p.updated.at)}
          </div>
        </td>
        <td className="px-3 py-2">
          <button
            type="button"
            className={toggleClass}
            aria-expanded={open}
            aria-controls={`${id}-details`}
            onClick={() => setOpen((o) => !o)}
          >
            <span aria-hidden="true">{open ? "▾" : "▸"}</span>
            理由・案内<span className="sr-only">: {title}</span>
          </button>
        </td>
      </tr>
      <tr id={`${id}-details`} hidden={!open} className="border-b border-solid-gray-420 bg-solid-gray-50">
        <td colSpan={columns} className="px-6 py-3">
          <ProcedureDetails procedure={p} />
        </td>
      </tr>
    </>
  );
}

function StatusForm({
  caseId,
  procedure: p,
  title,
  choices,
  onChanged,
}: {
  caseId: number;
  procedure: CaseProcedure;
  title: string;
  choices: readonly ProcedureStatus[];
  onChanged: (message: string) => void;
}) {
  const id = useId();
  const save = useSetProcedureStatus(caseId);
  const [chosen, setChosen] = useState<ProcedureStatus>(p.status);
  // When the case is read again (another counter moved it on), the select follows.
  const [shown, setShown] = useState(p.status);
  if (shown !== p.status) {
    setShown(p.status);
    setChosen(p.status);
  }
  const unchanged = chosen === p.status;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (save.isPending || unchanged) return;
    save.mutate(
      { procedureId: p.id, status: chosen },
      {
        onSuccess: () => onChanged(`${title}を${procedureStatusLabels[chosen]}にしました`),
        onError: () => setChosen(p.status),
      },
    );
  };
  return (
    <form onSubmit={submit} className="flex flex-col gap-1">
      <div className="flex items-center gap-1">
        <label htmlFor={`${id}-status`} className="sr-only">
          {title}の状態
        </label>
        <select
          id={`${id}-status`}
          value={chosen}
          onChange={(e) => setChosen(e.currentTarget.value as ProcedureStatus)}
          aria-describedby={save.isError ? `${id}-error` : undefined}
          className={`min-h-10 rounded-8 border border-solid-gray-600 bg-white px-2 text-dns-16N-130 ${focusRing}`}
        >
          {(choices.includes(p.status) ? choices : [p.status, ...choices]).map((s) => (
            <option key={s} value={s}>
              {procedureStatusLabels[s]}
            </option>
          ))}
        </select>
        <StepButton
          type="submit"
          pending={save.isPending || unchanged}
          variant="secondary"
          aria-label={`${title}の状態を変更`}
          className="min-h-10 px-2"
        >
          変更
        </StepButton>
      </div>
      <p id={`${id}-error`} role="alert" className={save.isError ? "text-dns-14N-130 text-error-2" : ""}>
        {save.isError ? errorMessage(save.error) : ""}
      </p>
    </form>
  );
}

function ProcedureDetails({ procedure: p }: { procedure: CaseProcedure }) {
  return (
    <dl className="grid grid-cols-[max-content_1fr] gap-x-6 gap-y-2 text-dns-16N-130">
      <dt className="text-solid-gray-700">理由</dt>
      <dd>
        <ul className="list-disc pl-5">
          {p.reasons.map((r) => (
            <li key={r}>{r}</li>
          ))}
        </ul>
      </dd>
      <dt className="text-solid-gray-700">案内</dt>
      <dd className="whitespace-pre-line">{p.guidance}</dd>
      <dt className="text-solid-gray-700">法令</dt>
      <dd>{p.legalBasis}</dd>
      <dt className="text-solid-gray-700">持ち物</dt>
      <dd>
        {p.bring.length === 0 ? (
          "—"
        ) : (
          <ul className="list-disc pl-5">
            {p.bring.map((b) => (
              <li key={b}>{b}</li>
            ))}
          </ul>
        )}
      </dd>
    </dl>
  );
}
