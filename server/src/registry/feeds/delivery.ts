import fs from "node:fs/promises";
import path from "node:path";
import type { FeedEncoding } from "@ichimado/core/feeds/columns";
import { type FeedLayout, feedLayouts } from "@ichimado/core/feeds/layouts";
import type { OwnerDb } from "../../db/owner.ts";
import { type ImportOutcome, type ImportSource, importFeed } from "./import.ts";

/**
 * Feeds other feeds refer to come first: gaiji (to read names), the address master (to check town
 * codes), then the 宛名 feeds, then everything keyed by 宛名番号.
 */
const firstFeeds = ["gaiji", "addressMaster", "residents", "nonResidents", "corporations"];
const importOrder: readonly FeedLayout[] = [
  ...firstFeeds.map((id) => feedLayouts.find((l) => l.id === id) as FeedLayout),
  ...feedLayouts.filter((l) => !firstFeeds.includes(l.id)),
];

/** `jumin.csv` is a full delivery of 住民基本台帳, `jumin.diff.csv` a differential one. */
function feedOfFile(fileName: string): { layout: FeedLayout; differential: boolean } | undefined {
  const base = path.basename(fileName).toLowerCase();
  for (const layout of feedLayouts) {
    const stem = layout.fileName.replace(/\.csv$/, "");
    if (base === `${stem}.csv`) return { layout, differential: false };
    if (base === `${stem}.diff.csv`) return { layout, differential: true };
  }
  return undefined;
}

export interface DeliveryFile {
  file: string;
  layout: FeedLayout;
  differential: boolean;
}

/** The feed files in a folder, in import order (full deliveries of a feed before its differentials). */
async function deliveryFiles(dir: string): Promise<{ files: DeliveryFile[]; unknown: string[] }> {
  const names = (await fs.readdir(dir)).filter((n) => n.toLowerCase().endsWith(".csv")).sort();
  const files: DeliveryFile[] = [];
  const unknown: string[] = [];
  for (const name of names) {
    const feed = feedOfFile(name);
    if (feed) files.push({ file: path.join(dir, name), ...feed });
    else unknown.push(name);
  }
  const rank = (f: DeliveryFile) => importOrder.indexOf(f.layout) * 2 + (f.differential ? 1 : 0);
  files.sort((a, b) => rank(a) - rank(b));
  return { files, unknown };
}

export async function importDelivery(
  db: OwnerDb,
  dir: string,
  options: { source: ImportSource; appRole: string; encoding?: FeedEncoding; log?: (line: string) => void },
): Promise<ImportOutcome[]> {
  const { files, unknown } = await deliveryFiles(dir);
  for (const name of unknown) options.log?.(`  読み飛ばし (どの連携ファイルにも当たらない名前): ${name}`);
  const outcomes: ImportOutcome[] = [];
  for (const { file, layout, differential } of files) {
    const started = Date.now();
    const outcome = await importFeed(
      db,
      {
        feedId: layout.id,
        fileName: path.basename(file),
        bytes: await fs.readFile(file),
        differential,
        source: options.source,
        ...(options.encoding ? { encoding: options.encoding } : {}),
      },
      options.appRole,
    );
    options.log?.(
      `  ${layout.name} (${path.basename(file)}): ${outcome.message} [${((Date.now() - started) / 1000).toFixed(1)} 秒]`,
    );
    outcomes.push(outcome);
  }
  return outcomes;
}
