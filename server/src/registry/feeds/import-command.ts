import { parseArgs } from "node:util";
import { feedEncodingSchema } from "@ichimado/core/feeds/columns";
import { type Config, ConfigError } from "../../config.ts";
import { withOwner } from "../../db/owner.ts";
import { openConfiguredDatabase } from "../../platform/runtime.ts";
import { gaijiFontFile } from "../gaiji/font-file.ts";
import { importDelivery } from "./delivery.ts";

const shownProblems = 20;

/** `import-feeds DIR [--encoding …]`: imports a delivery folder; exits 1 if any file was not loaded. */
export async function importFeedsCommand(args: string[], config: Config): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { encoding: { type: "string" } },
    allowPositionals: true,
    strict: true,
  });
  const dir = positionals[0];
  if (!dir)
    throw new ConfigError("取り込むフォルダを指定してください: npm run cli -- import-feeds <フォルダ>");
  const encoding = feedEncodingSchema.safeParse(values.encoding ?? "auto");
  if (!encoding.success) throw new ConfigError("--encoding は auto, utf-8, cp932 のいずれかです");
  const handle = await openConfiguredDatabase(config);
  try {
    const outcomes = await withOwner(handle.ownerUrl, (db) =>
      importDelivery(db, dir, {
        source: "cli",
        appRole: config.dbRole,
        encoding: encoding.data,
        fontFile: gaijiFontFile(config),
        log: (line) => console.log(line),
      }),
    );
    for (const outcome of outcomes) {
      for (const p of outcome.problems.slice(0, shownProblems)) {
        console.log(`    ${p.line ?? "-"}行目 ${p.column ?? ""}: ${p.reason}`);
      }
      if (outcome.problems.length > shownProblems)
        console.log(`    … ほか ${outcome.problems.length - shownProblems} 件`);
    }
    if (outcomes.length === 0)
      console.error("連携ファイルが見つかりません (ファイル名は docs/DATA-DICTIONARY.md を参照)");
    return outcomes.length > 0 && outcomes.every((o) => o.status === "succeeded") ? 0 : 1;
  } finally {
    await handle.close();
  }
}
