import { parseArgs } from "node:util";
import { AuditWriter } from "../audit/writer.ts";
import type { Config } from "../config.ts";
import { withOwner } from "../db/owner.ts";
import { openConfiguredDatabase, resolveAuditKey } from "../platform/runtime.ts";
import { exportCityData } from "./export.ts";

/**
 * `export-data --out DIR`: all the city's data as CSV with its data dictionary (E②), for the city
 * to keep or to move to another system; written to the audit log like every export.
 */
export async function exportDataCommand(config: Config, args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { out: { type: "string" } } });
  if (!values.out) {
    console.error("出力先のフォルダを指定してください: npm run cli -- export-data --out <フォルダ>");
    return 2;
  }
  const handle = await openConfiguredDatabase(config);
  try {
    const started = Date.now();
    const files = await withOwner(handle.ownerUrl, (db) => exportCityData(db, values.out as string));
    await new AuditWriter(resolveAuditKey(config)).write(
      handle.db,
      { staffId: null, loginId: "system:cli", counterId: null, clientIp: null },
      {
        action: "data.export",
        target: "city:all",
        detail: { folder: values.out, tables: Object.fromEntries(files.map((f) => [f.table, f.rows])) },
        outcome: "success",
      },
    );
    for (const f of files) console.log(`  ${f.title} (${f.file}): ${f.rows} 行`);
    console.log(
      `${files.length} 表を ${values.out} に出力しました (データ辞書: DATA-DICTIONARY.md) [${((Date.now() - started) / 1000).toFixed(1)} 秒]`,
    );
    return 0;
  } finally {
    await handle.close();
  }
}
