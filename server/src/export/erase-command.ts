import fs from "node:fs/promises";
import { parseArgs } from "node:util";
import { AuditWriter } from "../audit/writer.ts";
import type { Config } from "../config.ts";
import { withOwner } from "../db/owner.ts";
import { openConfiguredDatabase, resolveAuditKey } from "../platform/runtime.ts";
import { erasePersonalData } from "./erase.ts";
import { eraseFolderFiles, personalDataFolders } from "./erase-files.ts";

const confirmation = "ERASE-ALL-PERSONAL-DATA";

/**
 * `erase-personal-data --confirm ERASE-ALL-PERSONAL-DATA [--report FILE]` (E③): at the end of the
 * contract, after the city has its export, every person's data goes; the report says what was
 * erased and is the first row of the new audit log. The files the feed drop folder and the RPA
 * folder keep go too. Backups are the city's to destroy.
 */
export async function erasePersonalDataCommand(config: Config, args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { confirm: { type: "string" }, report: { type: "string" } },
  });
  if (values.confirm !== confirmation) {
    console.error(
      `すべての個人情報を消去します。元に戻せません。先に export-data で出力してください。実行するには --confirm ${confirmation} を付けてください`,
    );
    return 2;
  }
  const handle = await openConfiguredDatabase(config);
  try {
    const report = await withOwner(handle.ownerUrl, erasePersonalData);
    const files = await eraseFolderFiles(personalDataFolders(config));
    await new AuditWriter(resolveAuditKey(config)).write(
      handle.db,
      { staffId: null, loginId: "system:cli", counterId: null, clientIp: null },
      { action: "person.delete", target: "city:all", detail: { erasure: report, files }, outcome: "success" },
    );
    const lines = [
      `個人情報の消去 ${report.at}`,
      ...Object.entries(report.deleted).map(([table, rows]) => `  ${table}: ${rows} 行を削除`),
      `  staff_user: ${report.staffAnonymised} 人の職員を匿名化 (ログイン不可)`,
      ...Object.entries(files).map(([folder, n]) => `  ${folder}: ${n} 個のファイルを削除`),
      `  消去前の監査証跡の最終ハッシュ: ${report.lastAuditHash ?? "(なし)"}`,
      "バックアップ (pg_dump の出力など) は別に廃棄してください。",
    ];
    for (const line of lines) console.log(line);
    if (values.report) await fs.writeFile(values.report, `${lines.join("\n")}\n`, { mode: 0o600 });
    return 0;
  } finally {
    await handle.close();
  }
}
