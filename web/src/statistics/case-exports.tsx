import { formatWareki } from "@ichimado/core/common/wareki";
import { type StatisticsExportKind, statisticsExports } from "@ichimado/core/statistics/columns";
import {
  type ExportEncoding,
  exportEncodingLabels,
  exportEncodings,
  type Period,
} from "@ichimado/core/statistics/period";
import { useMutation } from "@tanstack/react-query";
import { DownloadStatus } from "../app/download-status.tsx";
import { secondaryButton } from "../app/ui.tsx";
import { downloadExport } from "./api.ts";

export const periodText = (period: Period) =>
  `${formatWareki(period.from)}（${period.from}）から ${formatWareki(period.to)}（${period.to}）まで`;

/**
 * 対応履歴 as CSV (対応別・手続き別, UTF-8 or CP932) for a period: 統計 offers it beside its
 * figures and データ出力 on its own; the server lets either permission download it.
 */
export function CaseExports({ period, id, heading }: { period: Period; id: string; heading: string }) {
  const download = useMutation({
    mutationFn: (file: { kind: StatisticsExportKind; encoding: ExportEncoding }) =>
      downloadExport(file.kind, period, file.encoding),
  });
  return (
    <section aria-labelledby={id} className="flex flex-col gap-3">
      <h2 id={id} className="text-std-20B-150">
        {heading}
      </h2>
      <p className="text-dns-16N-130 text-solid-gray-700">
        {periodText(period)}
        に受け付けた対応を出力します。職員名・窓口・日時・状態を含み、来庁者や対象者の氏名・住所は含みません。出力は監査ログに記録されます。
      </p>
      <div className="flex flex-wrap gap-3">
        {(Object.keys(statisticsExports) as StatisticsExportKind[]).flatMap((kind) =>
          exportEncodings.map((encoding) => (
            <button
              key={`${kind}-${encoding}`}
              type="button"
              className={secondaryButton}
              disabled={download.isPending}
              onClick={() => download.mutate({ kind, encoding })}
            >
              {statisticsExports[kind].name} CSV（{exportEncodingLabels[encoding]}）
            </button>
          )),
        )}
      </div>
      <DownloadStatus done={download.data} error={download.error} />
    </section>
  );
}
