import { type ExportColumn, statisticsExports } from "@ichimado/core/statistics/columns";
import { maxPeriodDays } from "@ichimado/core/statistics/period";
import { statisticsDefinitions } from "@ichimado/core/statistics/summary";

const cell = (text: string) => text.replaceAll("|", "\\|").replaceAll("\n", " ");

function columnTable<Row>(columns: readonly ExportColumn<Row>[]): string {
  return [
    "| 項目名 | 内容 |",
    "| --- | --- |",
    ...columns.map((c) => `| ${cell(c.header)} | ${cell(c.description)} |`),
  ].join("\n");
}

/**
 * The data dictionary's section on the statistics exports, rendered from the column definitions the
 * server writes with, so the document cannot drift from the files.
 */
export function statisticsExportSection(): string {
  return `### 統計の CSV 出力

統計画面 (権限「統計」) から、期間 (最長${maxPeriodDays}日) に受け付けた対応を 2 種類の CSV で出力します
(\`GET /api/v1/statistics/cases.csv\`、\`GET /api/v1/statistics/procedures.csv\`、\`?from=YYYY-MM-DD&to=YYYY-MM-DD&encoding=utf8|cp932\`)。
出力は監査ログに「データ出力」として期間・文字コード・行数とともに記録されます。

- **文字コード**: UTF-8 (BOM 付き) または CP932。CP932 で表せない文字 (𠮷 など) は「〓」にし、その数を
  画面と監査ログに示します。元の文字は UTF-8 版に入っています。
- **形式**: 1 行目は見出し行、カンマ区切り、改行は CRLF (RFC 4180)。日時は日本時間の \`YYYY-MM-DD HH:MM:SS\`。
- **個人情報**: 職員の氏名・窓口・日時・状態だけを含みます。来庁者や対象者の氏名・住所は含みません。

${Object.values(statisticsDefinitions)
  .map((text) => `- ${text}`)
  .join("\n")}

#### ${statisticsExports.cases.name} (${statisticsExports.cases.fileStem}_期間.csv)

${columnTable(statisticsExports.cases.columns)}

#### ${statisticsExports.procedures.name} (${statisticsExports.procedures.fileStem}_期間.csv)

${columnTable(statisticsExports.procedures.columns)}`;
}
