import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { changeKinds, columnTypeLabels, type FeedColumn } from "@ichimado/core/feeds/columns";
import { type FeedLayout, feedLayouts } from "@ichimado/core/feeds/layouts";
import { statisticsExportSection } from "../csv/statistics-dictionary.ts";

/** Where the rendered dictionary is committed. */
export const dataDictionaryPath = new URL("../../../docs/DATA-DICTIONARY.md", import.meta.url);
const biome = new URL("../../../node_modules/.bin/biome", import.meta.url);

/** The committed form: rendered, then laid out by Biome (padded tables) so that `biome check` passes. */
export function formattedDataDictionary(): string {
  return execFileSync(
    fileURLToPath(biome),
    ["format", `--stdin-file-path=${fileURLToPath(dataDictionaryPath)}`],
    {
      input: renderDataDictionary(),
      encoding: "utf-8",
    },
  );
}

/**
 * The data dictionary (docs/DATA-DICTIONARY.md) rendered from the feed layouts, so the document a
 * city hands its vendors is the layout the importer checks. `npm run docs:dictionary` rewrites it; a
 * test fails when the committed file is stale.
 */
export function renderDataDictionary(): string {
  const sections = [intro(), ...feedLayouts.map(feedSection), exportSection()];
  return `${sections.join("\n\n").trimEnd()}\n`;
}

const changeKindLabels: Record<string, string> = { add: "追加", update: "変更", delete: "削除" };

function intro(): string {
  const diffCodes = Object.entries(changeKinds)
    .map(([code, kind]) => `${code} ${changeKindLabels[kind] ?? kind}`)
    .join(" / ");
  return `<!-- このファイルは tools/src/feeds/data-dictionary.ts から生成しています。直接編集せず \`npm run docs:dictionary\` を実行してください。 -->

# データ辞書 (データ連携ファイル)

いちまどは、市の基幹系システム (住民記録・税・福祉・保険など) から届く CSV ファイル
(データ連携ファイル、以下「フィード」) を取り込み、共通データベースを作ります。この文書は
${feedLayouts.length} 種類のフィードそれぞれの既定のレイアウト (ファイル名・列・型・コード値) を示します。
市は列見出しを自分のベンダーの見出しに対応付けられます (フィールド名は変わりません)。

## ファイルの形式

- **文字コード**: UTF-8 または CP932 (Shift_JIS の Windows 拡張)。
- **1行目は見出し行**: 各列の項目名 (下の表の「項目名」) を書きます。
- **区切りと囲み**: カンマ区切り、改行は CRLF。カンマ・ダブルクォート・改行を含む項目は
  ダブルクォートで囲み、項目内のダブルクォートは 2 つ重ねます (RFC 4180)。
- **日付**: \`YYYYMMDD\` (例 \`20261001\`)、\`YYYY-MM-DD\` または \`YYYY/MM/DD\`。和暦は使えません。
- **空の項目**: 値なし (null) として扱います。「必須」の列は空にできません。
- **最大長**: 人が見る文字数で数えます (異体字セレクタ付きの文字や 4 バイト文字も 1 文字)。
- **コード値**: 「コード値」欄の値だけを使えます。

## 全件連携と差分連携

- **全件連携**: 下の表のファイル名 (例 \`jumin.csv\`) で、その時点の全レコードを届けます。
- **差分連携**: ファイル名の \`.csv\` の前に \`.diff\` を付けます (例 \`jumin.diff.csv\`)。先頭に
  **処理区分** の列を 1 つ加え、${diffCodes} を書きます。対象のレコードは各フィードの
  「キー」の項目で特定します。

## 外字

基幹系システムは外字を私用領域の独自コードで書きます (CP932 では利用者定義領域 F040〜F9FC、
Unicode では U+E000〜U+E757)。取込は **外字** フィード (\`gaiji.csv\`) の対応表で、それを Unicode の
文字 (異体字セレクタ付きを含む) に置き換えます。

## 型

| 型 | 意味 |
| --- | --- |
${Object.entries(columnTypeLabels)
  .map(([type, label]) => `| \`${type}\` | ${cell(label)} |`)
  .join("\n")}

## フィード一覧

| フィード | ID | ファイル名 | 列数 |
| --- | --- | --- | --- |
${feedLayouts.map((l) => `| ${l.name} | \`${l.id}\` | \`${l.fileName}\` | ${l.columns.length} |`).join("\n")}`;
}

function feedSection(layout: FeedLayout): string {
  const headerOf = (field: string) => layout.columns.find((c) => c.field === field)?.header ?? field;
  const keys = layout.keys.map((k) => `${headerOf(k)} (\`${k}\`)`).join("、");
  const programmes =
    layout.target.kind === "enrollments"
      ? `\n\n資格の制度: ${layout.target.programmes.map((p) => `\`${p}\``).join(", ")}`
      : "";
  return `## ${layout.name} (${layout.id}, ${layout.fileName})

差分連携のファイル名: \`${layout.fileName.replace(/\.csv$/, ".diff.csv")}\`。キー: ${keys}${programmes}

| 項目名 | フィールド | 型 | 必須 | 最大長 | コード値 | 説明 |
| --- | --- | --- | --- | --- | --- | --- |
${layout.columns.map(columnRow).join("\n")}`;
}

function columnRow(c: FeedColumn): string {
  const codes = c.codes
    ? Object.entries(c.codes)
        .map(([code, label]) => `${code} ${label}`)
        .join("<br>")
    : "";
  return `| ${cell(c.header)} | \`${c.field}\` | ${cell(columnTypeLabels[c.type])} | ${c.required ? "○" : ""} | ${
    c.maxLength ?? ""
  } | ${cell(codes)} | ${cell(c.description)} |`;
}

function exportSection(): string {
  return `## エクスポート

${statisticsExportSection()}

市のデータの一括出力 (\`npm run cli -- export-data\`、E②) は、出力先のフォルダに表ごとのデータ辞書
(DATA-DICTIONARY.md) を書き出します。`;
}

/** Text safe inside a Markdown table cell. */
function cell(text: string): string {
  return text.replaceAll("|", "\\|").replaceAll("\n", " ");
}
