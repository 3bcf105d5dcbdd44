import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { defaultSeed, generateCity } from "@ichimado/tools/city/generate";
import { type FeedFileEncoding, writeFeedFiles } from "@ichimado/tools/feeds/write-feeds";
import { sql } from "kysely";
import { type OwnerDb, withOwner } from "../db/owner.ts";
import { importDelivery } from "./feeds/delivery.ts";
import type { ImportSource } from "./feeds/import.ts";

/**
 * Demo mode: on first start, generates the synthetic city's 24 feed files and imports them through
 * the same path as a real city's delivery; later starts find the data and go on.
 */
export async function ensureDemoCity(
  ownerUrl: string,
  residents: number,
  appRole: string,
  log: (line: string) => void,
): Promise<void> {
  await withOwner(ownerUrl, async (db) => {
    if (!(await hasResidents(db)))
      await generateAndImport(db, { residents, seed: defaultSeed, appRole, source: "demo", log });
  });
}

export async function hasResidents(db: OwnerDb): Promise<boolean> {
  const { rows } = await sql<{ n: number }>`
    select count(*)::int as n from import_run where feed = 'residents' and status = 'succeeded'`.execute(db);
  return (rows[0]?.n ?? 0) > 0;
}

export async function writeCityFeeds(
  dir: string,
  residents: number,
  seed: number,
  encoding: FeedFileEncoding,
  log: (line: string) => void,
): Promise<void> {
  const started = Date.now();
  log(`合成データの市を生成しています (住民 ${residents.toLocaleString("ja-JP")} 人, seed ${seed}) …`);
  const city = generateCity({ residents, seed });
  const written = await writeFeedFiles(city, dir, { encoding });
  const rows = written.reduce((sum, w) => sum + w.rows, 0);
  log(
    `  連携ファイル ${written.length} 本 (${rows.toLocaleString("ja-JP")} 行, ${encoding}) を ${dir} に書きました [${seconds(started)} 秒]`,
  );
}

export async function generateAndImport(
  db: OwnerDb,
  options: {
    residents: number;
    seed: number;
    appRole: string;
    source: ImportSource;
    log: (line: string) => void;
    encoding?: FeedFileEncoding;
  },
): Promise<boolean> {
  const started = Date.now();
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "ichimado-feeds-"));
  try {
    await writeCityFeeds(dir, options.residents, options.seed, options.encoding ?? "cp932", options.log);
    options.log("連携ファイルを取り込んでいます …");
    const outcomes = await importDelivery(db, dir, {
      source: options.source,
      appRole: options.appRole,
      log: options.log,
    });
    const failed = outcomes.filter((o) => o.status !== "succeeded");
    options.log(
      failed.length === 0
        ? `取り込みました [合計 ${seconds(started)} 秒]`
        : `${failed.length} 本の連携ファイルを取り込めませんでした`,
    );
    return failed.length === 0;
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

function seconds(since: number): string {
  return ((Date.now() - since) / 1000).toFixed(1);
}
