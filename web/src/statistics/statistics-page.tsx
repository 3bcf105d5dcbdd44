import { caseStatusLabels } from "@ichimado/core/cases/schemas";
import { type Period, periodSchema } from "@ichimado/core/statistics/period";
import { type StatisticsSummary, statisticsDefinitions } from "@ichimado/core/statistics/summary";
import { useState } from "react";
import { errorMessage } from "../app/api.ts";
import { PeriodForm } from "../app/period-form.tsx";
import { ErrorAlert, Loading, useTitle } from "../app/ui.tsx";
import { todayIso } from "../cases/fields.tsx";
import { useStatisticsSummary } from "./api.ts";
import { BarChart } from "./bar-chart.tsx";
import { CaseExports, periodText } from "./case-exports.tsx";

const minutesText = (value: number | null) => (value === null ? "—" : `${value} 分`);

/** 統計 (statistics): the cases of a period counted for charts, and their CSV exports. */
export function StatisticsPage() {
  useTitle("統計");
  const today = todayIso();
  const [period, setPeriod] = useState<Period>({ from: `${today.slice(0, 8)}01`, to: today });
  const summary = useStatisticsSummary(period);

  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-std-28B-150">統計</h1>
      <PeriodForm
        id="stat"
        label="集計期間"
        initial={period}
        toHint="期間は1年 (366日) まで"
        submitLabel="集計する"
        blanks="required"
        schema={periodSchema}
        onChoose={setPeriod}
      />
      <section aria-labelledby="stat-definitions" className="flex flex-col gap-1 text-dns-16N-130">
        <h2 id="stat-definitions" className="text-std-20B-150">
          数え方
        </h2>
        <ul className="list-disc pl-6">
          {Object.values(statisticsDefinitions).map((text) => (
            <li key={text}>{text}</li>
          ))}
        </ul>
      </section>
      <CaseExports period={period} id="stat-exports" heading="CSV出力" />
      {summary.isPending ? (
        <Loading />
      ) : summary.isError ? (
        <ErrorAlert message={errorMessage(summary.error)} />
      ) : (
        <Figures summary={summary.data} updating={summary.isPlaceholderData} />
      )}
    </div>
  );
}

function Figures({ summary, updating }: { summary: StatisticsSummary; updating: boolean }) {
  const figures: [string, string][] = [
    ["対応件数", `${summary.cases} 件`],
    ...summary.byStatus.map(({ status, cases }): [string, string] => [
      caseStatusLabels[status],
      `${cases} 件`,
    ]),
    ["平均対応時間", minutesText(summary.averageHandlingMinutes)],
    ["平均待ち時間", minutesText(summary.averageWaitingMinutes)],
    ["保留から再開された対応", `${summary.waitedCases} 件`],
  ];
  return (
    <section aria-labelledby="stat-figures" aria-busy={updating} className="flex flex-col gap-4">
      <h2 id="stat-figures" className="text-std-20B-150">
        {periodText(summary)}の集計{updating && "（新しい期間を集計中…）"}
      </h2>
      <dl className="grid grid-cols-2 gap-3 md:grid-cols-4">
        {figures.map(([label, value]) => (
          <div key={label} className="rounded-8 border border-solid-gray-420 bg-white p-3">
            <dt className="text-dns-14N-130 text-solid-gray-700">{label}</dt>
            <dd className="text-std-20B-150 tabular-nums">{value}</dd>
          </div>
        ))}
      </dl>
      <div className="grid gap-4 lg:grid-cols-2">
        <BarChart
          title="日別の対応件数"
          labelHeader="日付"
          valueHeader="件数"
          layout="columns"
          rows={summary.perDay.map((d) => ({ label: d.date, value: d.cases }))}
        />
        <BarChart
          title="時間帯別の対応件数 (受付時刻)"
          labelHeader="時間帯"
          valueHeader="件数"
          layout="columns"
          rows={summary.perHour.map((h) => ({ label: `${h.hour}時`, value: h.cases }))}
        />
        <BarChart
          title="手続き別の件数"
          labelHeader="手続き"
          valueHeader="件数"
          moreHeaders={["受付済・案内済など"]}
          layout="rows"
          rows={summary.perProcedure.map((p) => ({
            label: p.procedureName,
            value: p.procedures,
            more: [String(p.settled)],
          }))}
        />
        <BarChart
          title="窓口別の対応件数 (関わった対応)"
          labelHeader="窓口"
          valueHeader="関わった対応"
          moreHeaders={["受付", "再開", "平均待ち時間"]}
          layout="rows"
          rows={summary.perCounter.map((c) => ({
            label: c.counter,
            value: c.handled,
            more: [String(c.opened), String(c.resumed), minutesText(c.averageWaitingMinutes)],
          }))}
        />
        <BarChart
          title="平均の対応時間と待ち時間"
          labelHeader="項目"
          valueHeader="平均"
          layout="rows"
          rows={[
            {
              label: "平均対応時間",
              value: summary.averageHandlingMinutes ?? 0,
              shown: minutesText(summary.averageHandlingMinutes),
            },
            {
              label: "平均待ち時間",
              value: summary.averageWaitingMinutes ?? 0,
              shown: minutesText(summary.averageWaitingMinutes),
            },
          ]}
        />
      </div>
    </section>
  );
}
