import fs from "node:fs/promises";
import path from "node:path";
import { toCsv } from "@ichimado/tools/feeds/write-feeds";
import { type QueryExecutorProvider, sql } from "kysely";
import type { OwnerDb } from "../db/owner.ts";
import { type ExportedTable, exportedTables } from "./tables.ts";

/** A table as the export writes it: its file and columns, and what was in it when written. */
export interface DescribedTable {
  table: string;
  title: string;
  file: string;
  columns: { name: string; type: string; nullable: boolean }[];
  omitted: Readonly<Record<string, string>>;
}

export interface ExportedFile extends DescribedTable {
  rows: number;
  binaryFiles: number;
}

const batchRows = 5000;

/**
 * The city's data out (E②): every table the city owns as a CSV (UTF-8 with a BOM: names hold MJ
 * characters and IVS that CP932 cannot), binary columns as files beside it, and a data dictionary
 * of what was written. Read through a cursor in one repeatable-read transaction: a consistent
 * picture of one moment, in memory a batch at a time whatever the size of the register.
 */
export async function exportCityData(db: OwnerDb, dir: string): Promise<ExportedFile[]> {
  await fs.mkdir(dir, { recursive: true, mode: 0o700 });
  const written: ExportedFile[] = [];
  await db
    .transaction()
    .setIsolationLevel("repeatable read")
    .execute(async (trx) => {
      for (const table of exportedTables) written.push(await exportTable(trx, dir, table));
    });
  await fs.writeFile(path.join(dir, "DATA-DICTIONARY.md"), dictionary(written), { mode: 0o600 });
  return written;
}

/**
 * What the export would write for each table, from the database's own description of its columns:
 * the data dictionary without the data (データ出力's データ辞書). Any role with a privilege
 * on a table sees its columns, so the app's connection describes what the owner's would export.
 */
export async function describeExport(db: QueryExecutorProvider): Promise<DescribedTable[]> {
  const described: DescribedTable[] = [];
  for (const table of exportedTables) described.push(await describeTable(db, table));
  return described;
}

async function describeTable(db: QueryExecutorProvider, table: ExportedTable): Promise<DescribedTable> {
  const omitted = table.omit ?? {};
  const { rows: described } = await sql<{ name: string; type: string; nullable: string }>`
    select column_name as name, data_type as type, is_nullable as nullable
    from information_schema.columns where table_schema = 'public' and table_name = ${table.name}
    order by ordinal_position`.execute(db);
  const columns = described
    .filter((c) => !(c.name in omitted))
    .map((c) => ({ name: c.name, type: c.type, nullable: c.nullable === "YES" }));
  return { table: table.name, title: table.title, file: `${table.name}.csv`, columns, omitted };
}

async function exportTable(db: OwnerDb, dir: string, table: ExportedTable): Promise<ExportedFile> {
  const described = await describeTable(db, table);
  const { columns, file } = described;
  const binary = new Set(columns.filter((c) => c.type === "bytea").map((c) => c.name));
  const handle = await fs.open(path.join(dir, file), "w", 0o600);
  let rows = 0;
  let binaryFiles = 0;
  try {
    await handle.write(`\uFEFF${toCsv([columns.map((c) => c.name)])}`);
    const cursor = `export_${table.name}`;
    await sql`declare ${sql.id(cursor)} no scroll cursor for select ${sql.join(
      columns.map((c) => sql.id(c.name)),
    )} from ${sql.id(table.name)}`.execute(db);
    for (;;) {
      const batch = await sql<
        Record<string, unknown>
      >`fetch ${sql.raw(String(batchRows))} from ${sql.id(cursor)}`.execute(db);
      if (batch.rows.length === 0) break;
      const lines: string[][] = [];
      for (const row of batch.rows) {
        rows++;
        const line: string[] = [];
        for (const c of columns) {
          const value = row[c.name];
          if (binary.has(c.name) && value instanceof Uint8Array) {
            // A PDF in a CSV cell helps nobody: it goes beside, named by the row.
            const key = row.id ?? rows;
            const pdf = Buffer.from(value.subarray(0, 5)).toString("latin1") === "%PDF-";
            const name = path.join("files", table.name, `${key}-${c.name}.${pdf ? "pdf" : "bin"}`);
            await fs.mkdir(path.dirname(path.join(dir, name)), { recursive: true, mode: 0o700 });
            await fs.writeFile(path.join(dir, name), value, { mode: 0o600 });
            binaryFiles++;
            line.push(name);
          } else line.push(cell(value));
        }
        lines.push(line);
      }
      await handle.write(toCsv(lines));
    }
    await sql`close ${sql.id(cursor)}`.execute(db);
  } finally {
    await handle.close();
  }
  return { ...described, rows, binaryFiles };
}

/** A value as a CSV field: dates and times in ISO 8601, JSON and arrays as JSON, empty for null. */
function cell(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

const descriptions = new Map(exportedTables.map((t) => [t.name, t.description]));

/**
 * The data dictionary as Markdown: written beside the export (with each file's rows) and
 * downloaded from データ出力 before any export (without them; nothing of the data).
 */
export function dictionary(files: readonly (DescribedTable & { rows?: number })[]): string {
  const counted = files.every((f) => f.rows !== undefined);
  const lines = [
    "# データ辞書（市のデータの出力）",
    "",
    "文字コードは UTF-8（BOM 付き）、区切りはカンマ、改行は CRLF、1 行目は列名です。日時は ISO 8601（UTC）、",
    "日付は YYYY-MM-DD、JSON の列は JSON の文字列、空欄は値なしです。バイナリの列（PDF）は files/ に出力し、",
    "列にはそのファイルの場所を書いています。連携ファイルの列の意味は、いちまどの docs/DATA-DICTIONARY.md にあります。",
    "",
    ...(counted
      ? ["| ファイル | 内容 | 行数 |", "| --- | --- | --- |"]
      : ["| ファイル | 内容 |", "| --- | --- |"]),
    ...files.map((f) => `| ${f.file} | ${f.title} |${counted ? ` ${f.rows} |` : ""}`),
    "",
  ];
  for (const f of files) {
    lines.push(`## ${f.title}（${f.file}）`, "", descriptions.get(f.table) ?? "", "");
    lines.push("| 列 | 型 | 空欄 |", "| --- | --- | --- |");
    for (const c of f.columns) lines.push(`| ${c.name} | ${c.type} | ${c.nullable ? "あり" : ""} |`);
    for (const [name, why] of Object.entries(f.omitted)) lines.push(`| ~~${name}~~ | 出力しない | ${why} |`);
    lines.push("");
  }
  return lines.join("\n");
}

/** The same dictionary as a table for a spreadsheet: one row a column, the header first. */
export function dictionaryTable(files: readonly DescribedTable[]): string[][] {
  return [
    ["ファイル", "表", "表の内容", "列", "型", "空欄", "備考"],
    ...files.flatMap((f) => [
      ...f.columns.map((c) => [
        f.file,
        f.title,
        descriptions.get(f.table) ?? "",
        c.name,
        c.type,
        c.nullable ? "あり" : "",
        "",
      ]),
      ...Object.entries(f.omitted).map(([name, why]) => [
        f.file,
        f.title,
        descriptions.get(f.table) ?? "",
        name,
        "",
        "",
        `出力しない: ${why}`,
      ]),
    ]),
  ];
}
