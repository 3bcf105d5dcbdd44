import type { CaseDetail } from "@ichimado/core/cases/schemas";
import { useId, useState } from "react";
import { errorMessage } from "../app/api.ts";
import { ErrorAlert, TableHead } from "../app/ui.tsx";
import { Checkbox } from "../cases/fields.tsx";
import { CaseSection, StepButton } from "../cases/section.tsx";
import { formatDateTime } from "../registry/status.ts";
import { type PrintJob, usePrintHistory } from "./api.ts";
import { PrintOutcome, ReprintButton, usePrintRun } from "./print-run.tsx";

interface FormChoice {
  id: string;
  templateKey: string;
  procedureId: number;
  label: string;
  procedureName: string;
  personName: string | null;
}

/** The case's leaflets, once each however many procedures hand the same one out. */
function leafletChoices(detail: CaseDetail): { key: string; name: string }[] {
  const byKey = new Map<string, string>();
  for (const p of detail.procedures) for (const l of p.leaflets) byKey.set(l.key, l.name);
  return [...byKey].map(([key, name]) => ({ key, name }));
}

function formChoices(detail: CaseDetail): FormChoice[] {
  return detail.procedures.flatMap((p) =>
    p.forms.map((f) => ({
      id: `${p.id}:${f.key}`,
      templateKey: f.key,
      procedureId: p.id,
      label: `${f.name}（${p.name}${p.personName ? `・${p.personName}` : ""}）`,
      procedureName: p.name,
      personName: p.personName,
    })),
  );
}

/**
 * 書類の印刷 (G26–G29, H30): the forms of the case's procedures, filled in by the server and shown
 * here before they go to the printer; the 手続き案内書; what was printed, and reprints of it.
 */
export function PrintSection({ detail }: { detail: CaseDetail }) {
  const id = useId();
  const choices = formChoices(detail);
  // Every form is ticked until the clerk unticks it: a procedure added later brings its forms ticked.
  const [unticked, setUnticked] = useState<ReadonlySet<string>>(new Set());
  const chosen = choices.filter((c) => !unticked.has(c.id));
  const leaflets = leafletChoices(detail);
  const chosenLeaflets = leaflets.filter((l) => !unticked.has(`leaflet:${l.key}`));
  const toggle = (choice: string, on: boolean) => {
    const next = new Set(unticked);
    if (on) next.delete(choice);
    else next.add(choice);
    setUnticked(next);
  };
  const print = usePrintRun(detail.id);
  const [localError, setLocalError] = useState("");
  const run = (job: PrintJob, title: string) => {
    setLocalError("");
    print.run(job, title);
  };

  const count = chosen.length + chosenLeaflets.length;
  const printChosen = () => {
    if (count === 0) {
      setLocalError("印刷する様式か案内チラシを選んでください");
      return;
    }
    run(
      {
        kind: "forms",
        documents: chosen.map((c) => ({
          templateKey: c.templateKey,
          procedureId: c.procedureId,
          personId: null,
        })),
        leaflets: chosenLeaflets.map((l) => l.key),
      },
      count === 1 ? (chosen[0]?.label ?? chosenLeaflets[0]?.name ?? "書類") : `書類 ${count} 件`,
    );
  };

  return (
    <CaseSection id="documents" title="書類の印刷">
      {choices.length === 0 ? (
        <p className="text-dns-16N-130">この対応の手続きに印刷できる様式はありません</p>
      ) : (
        <fieldset className="flex flex-col gap-1">
          <legend className="text-std-16B-170">印刷する様式</legend>
          {choices.map((c) => (
            <Checkbox
              key={c.id}
              id={`${id}-${c.id}`}
              label={c.label}
              checked={!unticked.has(c.id)}
              onChange={(on) => toggle(c.id, on)}
            />
          ))}
        </fieldset>
      )}
      {leaflets.length > 0 && (
        <fieldset className="flex flex-col gap-1">
          <legend className="text-std-16B-170">添付する案内チラシ</legend>
          {leaflets.map((l) => (
            <Checkbox
              key={l.key}
              id={`${id}-leaflet-${l.key}`}
              label={l.name}
              checked={!unticked.has(`leaflet:${l.key}`)}
              onChange={(on) => toggle(`leaflet:${l.key}`, on)}
            />
          ))}
        </fieldset>
      )}
      <div className="flex flex-wrap gap-3">
        {choices.length + leaflets.length > 0 && (
          <StepButton pending={print.pending} onClick={printChosen}>
            選択した書類を印刷（{count} 件）
          </StepButton>
        )}
        <StepButton
          pending={print.pending}
          variant="secondary"
          onClick={() => run({ kind: "guideSheet" }, "手続き案内書")}
        >
          手続き案内書を印刷
        </StepButton>
      </div>
      <ErrorAlert message={localError || (print.error ? errorMessage(print.error) : "")} />
      <PrintOutcome state={print} />
      <PrintHistory caseId={detail.id} pending={print.pending} onReprint={run} />
    </CaseSection>
  );
}

function PrintHistory({
  caseId,
  pending,
  onReprint,
}: {
  caseId: number;
  pending: boolean;
  onReprint: (job: PrintJob, title: string) => void;
}) {
  const history = usePrintHistory(caseId);
  if (history.isError) return <ErrorAlert message={errorMessage(history.error)} />;
  const documents = history.data?.documents ?? [];
  if (documents.length === 0) return <p className="text-dns-16N-130">まだ印刷した書類はありません</p>;
  return (
    <table className="w-full text-left text-dns-16N-130">
      <caption className="text-left text-std-16B-170">印刷履歴</caption>
      <TableHead columns={["書類", "手続き", "対象者", "印刷", ""]} />
      <tbody>
        {documents.map((d) => (
          <tr key={d.id} className="border-b border-solid-gray-420">
            <th scope="row" className="px-3 py-2 font-normal">
              {d.name}
              {d.templateVersion !== null && (
                <span className="text-solid-gray-700">（版 {d.templateVersion}）</span>
              )}
              {d.reprintOf !== null && <span className="text-solid-gray-700">（再印刷）</span>}
            </th>
            <td className="px-3 py-2">{d.procedureName ?? "—"}</td>
            <td className="px-3 py-2">{d.persons.map((p) => p.name).join("、") || "—"}</td>
            <td className="px-3 py-2">
              {d.printed.staffName}（{d.printed.counterName}）{formatDateTime(d.printed.at)}
            </td>
            <td className="px-3 py-2">
              <ReprintButton
                name={d.name}
                pending={pending}
                onClick={() => onReprint({ kind: "reprint", documentId: d.id }, `${d.name}（再印刷）`)}
              />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
