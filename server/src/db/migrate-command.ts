import type { Config } from "../config.ts";
import { openConfiguredDatabase } from "../platform/runtime.ts";
import { runMigrations } from "./database.ts";

export async function migrateCommand(config: Config): Promise<number> {
  const handle = await openConfiguredDatabase(config, false);
  try {
    const applied = await runMigrations(handle.ownerUrl, config.dbRole);
    console.log(applied.length ? `適用したマイグレーション: ${applied.join(", ")}` : "スキーマは最新です");
    return 0;
  } finally {
    await handle.close();
  }
}
