import { parseArgs } from "node:util";
import { defaultSeed } from "@ichimado/tools/city/generate";
import { ConfigError, loadConfig } from "../config.ts";
import { withOwner } from "../db/owner.ts";
import { openConfiguredDatabase } from "../platform/runtime.ts";
import { generateAndImport, hasResidents, writeCityFeeds } from "./demo-city.ts";

/**
 * `generate-city [--residents N] [--seed S] [--encoding cp932|utf-8] [--out DIR] [--replace]`:
 * writes the synthetic city's 24 feed files to DIR, or (without --out) imports them.
 */
export async function generateCityCommand(args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      residents: { type: "string" },
      seed: { type: "string" },
      encoding: { type: "string" },
      out: { type: "string" },
      replace: { type: "boolean" },
    },
    strict: true,
  });
  const config = loadConfig(env);
  const residents = values.residents === undefined ? config.demoResidents : Number(values.residents);
  const seed = Number(values.seed ?? defaultSeed);
  const encoding = values.encoding ?? "cp932";
  if (!Number.isInteger(residents) || residents < 1 || residents > 2_000_000) {
    throw new ConfigError("--residents は 1 から 2,000,000 までの整数で指定してください");
  }
  if (!Number.isInteger(seed) || seed < 0 || seed > 2 ** 31)
    throw new ConfigError("--seed は 0 以上の整数で指定してください");
  if (encoding !== "cp932" && encoding !== "utf-8")
    throw new ConfigError("--encoding は cp932 か utf-8 で指定してください");
  const log = (line: string) => console.log(line);
  if (values.out) {
    await writeCityFeeds(values.out, residents, seed, encoding, log);
    return 0;
  }
  const handle = await openConfiguredDatabase(config);
  try {
    return await withOwner(handle.ownerUrl, async (db) => {
      if ((await hasResidents(db)) && !values.replace) {
        console.error(
          "住民基本台帳は取り込み済みです。合成データで置き換えるには --replace を付けてください",
        );
        return 1;
      }
      const ok = await generateAndImport(db, {
        residents,
        seed,
        encoding,
        appRole: config.dbRole,
        source: "cli",
        log,
      });
      return ok ? 0 : 1;
    });
  } finally {
    await handle.close();
  }
}
