import { type Period, periodSchema } from "@ichimado/core/statistics/period";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { DownloadStatus } from "../app/download-status.tsx";
import { PeriodForm } from "../app/period-form.tsx";
import { secondaryButton, useTitle } from "../app/ui.tsx";
import { todayIso } from "../cases/fields.tsx";
import { CaseExports } from "../statistics/case-exports.tsx";
import { type DictionaryFormat, dictionaryFormats, downloadDictionary } from "./api.ts";

/** The command the city's IT staff run on the server; said on the screen, never run from it. */
const exportCommand = "npm run cli -- export-data --out <出力先のフォルダ>";

/**
 * データ出力 (N44, E②): the period's 対応履歴 as CSV and the data dictionary of the city's data.
 * The export of every table stays a command on the server: it holds the whole register, 支援措置
 * addresses among it, and such a file must not be made by a browser on a counter PC.
 */
export function ExportPage() {
  useTitle("データ出力");
  const today = todayIso();
  const [period, setPeriod] = useState<Period>({ from: `${today.slice(0, 8)}01`, to: today });

  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-std-28B-150">データ出力</h1>
      <PeriodForm
        id="export"
        label="出力する期間"
        initial={period}
        toHint="期間は1年 (366日) まで"
        submitLabel="期間を決める"
        blanks="required"
        schema={periodSchema}
        onChoose={setPeriod}
      />
      <CaseExports period={period} id="export-history" heading="対応履歴" />
      <Dictionary />
      <section aria-labelledby="export-all" className="flex flex-col gap-2 text-dns-16N-130">
        <h2 id="export-all" className="text-std-20B-150">
          市のデータの一括出力
        </h2>
        <p>
          すべての表（宛名・支援措置の住所を含む個人情報のすべて）の一括出力は、この画面からは行えません。個人情報をまとめて持ち出さないよう、市の情報システム担当がサーバーで次のコマンドを実行して出力します。出力したフォルダにはデータ辞書（DATA-DICTIONARY.md）が入り、出力は監査ログに記録されます。
        </p>
        <p>
          <code className="rounded-4 bg-solid-gray-50 px-2 py-1 font-mono">{exportCommand}</code>
        </p>
      </section>
    </div>
  );
}

function Dictionary() {
  const download = useMutation({ mutationFn: downloadDictionary });
  return (
    <section aria-labelledby="export-dictionary" className="flex flex-col gap-3">
      <h2 id="export-dictionary" className="text-std-20B-150">
        データ辞書
      </h2>
      <p className="text-dns-16N-130 text-solid-gray-700">
        市のデータを一括出力したときの各ファイル（表）の内容と、列の名前・型の一覧（データ項目定義書）です。データそのものは含みません。出力は監査ログに記録されます。
      </p>
      <div className="flex flex-wrap gap-3">
        {(Object.keys(dictionaryFormats) as DictionaryFormat[]).map((format) => (
          <button
            key={format}
            type="button"
            className={secondaryButton}
            disabled={download.isPending}
            onClick={() => download.mutate(format)}
          >
            データ辞書（{dictionaryFormats[format].label}）
          </button>
        ))}
      </div>
      <DownloadStatus done={download.data} error={download.error} />
    </section>
  );
}
