import { defaultSeed, generateCity } from "@ichimado/tools/city/generate";
import { type OwnerDb, withOwner } from "../db/owner.ts";
import { loadCity, loadedCity } from "./load-city.ts";

/** Demo mode: generates and loads the synthetic city on first start; later starts find it and go on. */
export async function ensureDemoCity(
  ownerUrl: string,
  residents: number,
  log: (line: string) => void,
): Promise<void> {
  await withOwner(ownerUrl, async (db) => {
    if (!(await loadedCity(db))) await generateAndLoad(db, residents, defaultSeed, log);
  });
}

export async function generateAndLoad(
  db: OwnerDb,
  residents: number,
  seed: number,
  log: (line: string) => void,
): Promise<void> {
  const started = Date.now();
  log(`デモ用の市を生成しています (住民 ${residents.toLocaleString("ja-JP")} 人, seed ${seed}) …`);
  const city = generateCity({ residents, seed });
  log(`  生成 ${seconds(started)} 秒; 取り込み中 …`);
  const loading = Date.now();
  await loadCity(db, city, residents, log);
  log(`デモ用の市を取り込みました: 取り込み ${seconds(loading)} 秒, 合計 ${seconds(started)} 秒`);
}

function seconds(since: number): string {
  return ((Date.now() - since) / 1000).toFixed(1);
}
