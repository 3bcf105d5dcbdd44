import {
  type AuditAnalysis,
  type AuditAnalysisQuery,
  auditAnalysisQuerySchema,
  defaultMassAccessThreshold,
} from "@ichimado/core/audit/analysis";
import { officeHoursText } from "@ichimado/core/audit/filter";
import { japanTime } from "@ichimado/core/statistics/period";
import { type FormEvent, useState } from "react";
import { errorMessage } from "../app/api.ts";
import { ErrorAlert, Loading, primaryButton, TableHead } from "../app/ui.tsx";
import { TextInput, todayIso } from "../cases/fields.tsx";
import { useAuditAnalysis } from "./api.ts";
import { PeriodFields, type PeriodText, readPeriod } from "./period-fields.tsx";

const time = (iso: string) => japanTime(new Date(iso)).text;
const staffText = (s: { staffName: string | null; loginId: string | null }) =>
  s.staffName ? `${s.staffName}（${s.loginId ?? ""}）` : (s.loginId ?? "システム");

type Field = "from" | "to" | "threshold";

/** 分析: 大量照会 and 時間外アクセス per staff member for a period, counted by the server. */
export function AnalysisPanel() {
  const today = todayIso();
  const [period, setPeriod] = useState<PeriodText>({ from: `${today.slice(0, 8)}01`, to: today });
  const [threshold, setThreshold] = useState(String(defaultMassAccessThreshold));
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  // each press of 分析する counts afresh, even for the same period
  const [request, setRequest] = useState<{ query: AuditAnalysisQuery; round: number } | null>(null);
  const analysis = useAuditAnalysis(request);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const read = readPeriod(period, true);
    const found: Partial<Record<Field, string>> = { ...read.errors };
    if (read.from && read.to && !found.from && !found.to) {
      const parsed = auditAnalysisQuerySchema.safeParse({ from: read.from, to: read.to, threshold });
      if (parsed.success) {
        setErrors({});
        setRequest((last) => ({ query: parsed.data, round: (last?.round ?? 0) + 1 }));
        return;
      }
      for (const issue of parsed.error.issues) found[(issue.path[0] as Field) ?? "to"] ??= issue.message;
    }
    setErrors(found);
    const firstError = (["from", "to", "threshold"] as const).find((k) => found[k]);
    document.getElementById(`analysis-${firstError}`)?.focus();
  };

  return (
    <div className="flex flex-col gap-6">
      <form onSubmit={submit} noValidate aria-label="分析の条件" className="flex flex-wrap items-end gap-4">
        <PeriodFields
          idPrefix="analysis"
          value={period}
          onChange={setPeriod}
          errors={errors}
          toHint="期間は1年 (366日) まで"
        />
        <TextInput
          id="analysis-threshold"
          label="大量照会とする件数"
          hint="60分間の宛名検索・照会がこの件数を超えた職員"
          inputMode="numeric"
          value={threshold}
          onChange={(e) => setThreshold(e.currentTarget.value)}
          error={errors.threshold}
        />
        <button type="submit" className={primaryButton}>
          分析する
        </button>
      </form>
      {request === null ? null : analysis.isPending ? (
        <Loading />
      ) : analysis.isError ? (
        <ErrorAlert message={errorMessage(analysis.error)} />
      ) : (
        <Results analysis={analysis.data} />
      )}
    </div>
  );
}

function Results({ analysis }: { analysis: AuditAnalysis }) {
  return (
    <>
      <section aria-labelledby="analysis-mass" className="flex flex-col gap-2">
        <h2 id="analysis-mass" className="text-std-20B-150">
          大量照会
        </h2>
        <p className="text-dns-16N-130 text-solid-gray-700">
          {analysis.from} から {analysis.to} までに、どこかの60分間で宛名検索・照会が {analysis.threshold}{" "}
          件を超えた職員です。
        </p>
        {analysis.massAccess.length === 0 ? (
          <p>該当する職員はいません。</p>
        ) : (
          <table className="w-full border-collapse bg-white text-left text-dns-16N-130">
            <caption className="sr-only">大量照会</caption>
            <TableHead columns={["職員", "60分間の最多件数", "その60分間の終わり", "期間中の検索・照会"]} />
            <tbody>
              {analysis.massAccess.map((m) => (
                <tr key={`${m.staffId}-${m.loginId}`} className="border-b border-solid-gray-420">
                  <td className="px-3 py-2">{staffText(m)}</td>
                  <td className="px-3 py-2 tabular-nums">{m.peak} 件</td>
                  <td className="px-3 py-2 tabular-nums">{time(m.peakEndedAt)}</td>
                  <td className="px-3 py-2 tabular-nums">{m.total} 件</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section aria-labelledby="analysis-late" className="flex flex-col gap-2">
        <h2 id="analysis-late" className="text-std-20B-150">
          時間外アクセス
        </h2>
        <p className="text-dns-16N-130 text-solid-gray-700">
          開庁時間（{officeHoursText}）以外と、土日・祝日・年末年始の記録の件数です。
        </p>
        {analysis.afterHours.length === 0 ? (
          <p>時間外の記録はありません。</p>
        ) : (
          <table className="w-full border-collapse bg-white text-left text-dns-16N-130">
            <caption className="sr-only">時間外アクセス</caption>
            <TableHead columns={["職員", "時間外の記録", "うち宛名検索・照会", "最初", "最後"]} />
            <tbody>
              {analysis.afterHours.map((a) => (
                <tr key={`${a.staffId}-${a.loginId}`} className="border-b border-solid-gray-420">
                  <td className="px-3 py-2">{staffText(a)}</td>
                  <td className="px-3 py-2 tabular-nums">{a.entries} 件</td>
                  <td className="px-3 py-2 tabular-nums">{a.personAccess} 件</td>
                  <td className="px-3 py-2 tabular-nums">{time(a.firstAt)}</td>
                  <td className="px-3 py-2 tabular-nums">{time(a.lastAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}
