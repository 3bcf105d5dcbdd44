import { parseArgs } from "node:util";
import { defaultSeed } from "@ichimado/tools/city/generate";
import { sql } from "kysely";
import { ConfigError, loadConfig } from "../config.ts";
import { withOwner } from "../db/owner.ts";
import { openConfiguredDatabase } from "../platform/runtime.ts";
import { generateAndLoad } from "./demo-city.ts";
import { loadedCity } from "./load-city.ts";

const registerTables = [
  "gaiji",
  "registry_memo",
  "arrears",
  "issuance_ban",
  "support_measure",
  "enrollment",
  "residence_change",
  "person",
  "household",
  "address_town",
  "city_dataset",
];

/** `generate-city [--residents N] [--seed S] [--replace]`: makes the synthetic city and loads it. */
export async function generateCityCommand(args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { residents: { type: "string" }, seed: { type: "string" }, replace: { type: "boolean" } },
    strict: true,
  });
  const config = loadConfig(env);
  const residents = values.residents === undefined ? config.demoResidents : Number(values.residents);
  const seed = Number(values.seed ?? defaultSeed);
  if (!Number.isInteger(residents) || residents < 1 || residents > 2_000_000) {
    throw new ConfigError("--residents は 1 から 2,000,000 までの整数で指定してください");
  }
  if (!Number.isInteger(seed) || seed < 0 || seed > 2 ** 31)
    throw new ConfigError("--seed は 0 以上の整数で指定してください");
  const handle = await openConfiguredDatabase(config);
  try {
    return await withOwner(handle.ownerUrl, async (db) => {
      const loaded = await loadedCity(db);
      if (loaded && !values.replace) {
        console.error(
          `市のデータは取り込み済みです (住民 ${loaded.residents.toLocaleString("ja-JP")} 人, seed ${loaded.seed})。置き換えるには --replace を付けてください`,
        );
        return 1;
      }
      if (loaded) await sql`truncate ${sql.join(registerTables.map((t) => sql.table(t)))}`.execute(db);
      await generateAndLoad(db, residents, seed, (line) => console.log(line));
      return 0;
    });
  } finally {
    await handle.close();
  }
}
