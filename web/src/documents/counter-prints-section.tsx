import { formatWareki } from "@ichimado/core/common/wareki";
import {
  type CounterPrint,
  counterPrintsQuerySchema,
  maxPrintHistoryDays,
  printHistoryLimit,
} from "@ichimado/core/documents/counter-prints";
import { useState } from "react";
import { Link } from "react-router";
import { errorMessage } from "../app/api.ts";
import { PeriodForm } from "../app/period-form.tsx";
import { ErrorAlert, Loading, TableHead } from "../app/ui.tsx";
import { todayIso } from "../cases/fields.tsx";
import { linkClass } from "../cases/section.tsx";
import { formatDateTime } from "../registry/status.ts";
import { AddressText, FlagBadges } from "../search/views.tsx";
import { useCounterPrints } from "./counter-prints-api.ts";
import { PrintOutcome, ReprintButton, usePrintRun } from "./print-run.tsx";

type Period = { from: string; to: string };
const periodText = (p: Period) =>
  p.from === p.to ? formatWareki(p.from) : `${formatWareki(p.from)}から${formatWareki(p.to)}まで`;

/** 印刷履歴: this counter's prints in a period (today unless chosen), each reprinted through its case. */
export function CounterPrintsSection() {
  const today = todayIso();
  const [period, setPeriod] = useState<Period>({ from: today, to: today });
  const prints = useCounterPrints(period);
  const print = usePrintRun();
  const data = prints.data;
  return (
    <section aria-labelledby="counter-prints" className="flex flex-col gap-4">
      <h2 id="counter-prints" className="text-std-20B-150">
        印刷履歴{data ? `（${data.counterName}）` : ""}
      </h2>
      <PeriodForm
        id="prints"
        label="印刷履歴の期間"
        initial={period}
        toHint={`期間は${maxPrintHistoryDays}日まで`}
        submitLabel="表示する"
        blanks="filled"
        schema={counterPrintsQuerySchema}
        todayLabel="今日の印刷"
        onChoose={setPeriod}
      />
      <ErrorAlert message={print.error ? errorMessage(print.error) : ""} />
      <PrintOutcome state={print} />
      {prints.isError ? (
        <ErrorAlert message={errorMessage(prints.error)} />
      ) : !data ? (
        <Loading />
      ) : data.documents.length === 0 ? (
        <p className="text-dns-16N-130">{periodText(data)}にこの窓口で印刷した書類はありません</p>
      ) : (
        <>
          {data.truncated && (
            <p role="status" className="text-std-16B-170">
              新しいものから {printHistoryLimit} 件だけを表示しています。期間を短くして表示してください。
            </p>
          )}
          <table className="w-full text-left text-dns-16N-130">
            <caption className="text-left text-std-16B-170">
              {periodText(data)}の印刷（{data.documents.length} 件、新しい順）
            </caption>
            <TableHead columns={["印刷日時", "書類", "対象者", "職員", "対応", ""]} nowrap />
            <tbody>
              {data.documents.map((d) => (
                <PrintRow
                  key={d.id}
                  document={d}
                  pending={print.pending}
                  onReprint={() =>
                    print.run({ kind: "reprint", caseId: d.caseId, documentId: d.id }, `${d.name}（再印刷）`)
                  }
                />
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}

const noOtherFlags = { issuanceBan: false, arrears: false, moveOutPending: false };

function PrintRow({
  document: d,
  pending,
  onReprint,
}: {
  document: CounterPrint;
  pending: boolean;
  onReprint: () => void;
}) {
  return (
    <tr className="border-b border-solid-gray-420 align-top">
      <td className="whitespace-nowrap px-3 py-2">{formatDateTime(d.printed.at)}</td>
      <th scope="row" className="px-3 py-2 font-normal">
        {d.name}
        {d.reprintOf !== null && <span className="text-solid-gray-700">（再印刷）</span>}
        {d.procedureName && <div className="text-dns-14N-130 text-solid-gray-700">{d.procedureName}</div>}
      </th>
      <td className="px-3 py-2">
        {d.persons.length === 0 ? (
          "—"
        ) : (
          <ul className="flex flex-col gap-1">
            {d.persons.map((p) => (
              <li key={p.id}>
                <div className="flex flex-wrap items-center gap-2">
                  {p.name}
                  <FlagBadges flags={{ supportMeasure: p.supportMeasure, ...noOtherFlags }} />
                </div>
                <div className="text-dns-14N-130">
                  <AddressText address={p.address} />
                </div>
              </li>
            ))}
          </ul>
        )}
      </td>
      <td className="px-3 py-2">{d.printed.staffName}</td>
      <td className="whitespace-nowrap px-3 py-2">
        <Link to={`/cases/${d.caseId}`} className={linkClass}>
          受付番号 {d.caseId}
        </Link>
      </td>
      <td className="px-3 py-2">
        <ReprintButton name={d.name} pending={pending} onClick={onReprint} />
      </td>
    </tr>
  );
}
