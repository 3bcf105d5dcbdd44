import fs from "node:fs/promises";
import path from "node:path";
import type { FeedEncoding } from "@ichimado/core/feeds/columns";
import { type FeedLayout, feedLayouts } from "@ichimado/core/feeds/layouts";
import type { OwnerDb } from "../../db/owner.ts";
import { type ImportOutcome, type ImportSource, importFeed, prepareFeed } from "./import.ts";

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
export function feedOfFile(fileName: string): { layout: FeedLayout; differential: boolean } | undefined {
  const base = path.basename(fileName).toLowerCase();
  for (const layout of feedLayouts) {
    const stem = layout.fileName.replace(/\.csv$/, "");
    if (base === `${stem}.csv`) return { layout, differential: false };
    if (base === `${stem}.diff.csv`) return { layout, differential: true };
  }
  return undefined;
}

/** Sort key: referenced feeds first; a feed's full delivery before its differential ones. */
export function deliveryRank(file: { layout: FeedLayout; differential: boolean }): number {
  return importOrder.indexOf(file.layout) * 2 + (file.differential ? 1 : 0);
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
  files.sort((a, b) => deliveryRank(a) - deliveryRank(b));
  return { files, unknown };
}

export async function importDelivery(
  db: OwnerDb,
  dir: string,
  options: {
    source: ImportSource;
    appRole: string;
    encoding?: FeedEncoding;
    fontFile?: string | undefined;
    log?: (line: string) => void;
  },
): Promise<ImportOutcome[]> {
  const { files, unknown } = await deliveryFiles(dir);
  for (const name of unknown) options.log?.(`  読み飛ばし (どの連携ファイルにも当たらない名前): ${name}`);
  const outcomes: ImportOutcome[] = [];
  const read = async (file: DeliveryFile) => {
    const request = {
      feedId: file.layout.id,
      fileName: path.basename(file.file),
      bytes: await fs.readFile(file.file),
      differential: file.differential,
      source: options.source,
      ...(options.encoding ? { encoding: options.encoding } : {}),
    };
    return { ...request, prepared: await prepareFeed(db, request) };
  };
  // Each file is read while the one before it loads; the 外字 feed first, as the others are read
  // through its map.
  let next: ReturnType<typeof read> | undefined;
  for (const [i, { file, layout }] of files.entries()) {
    const started = Date.now();
    const request = await (next ?? read(files[i] as DeliveryFile));
    const following = files[i + 1];
    next = following && layout.target.kind !== "gaiji" ? read(following) : undefined;
    // Its failure, if any, is met when its turn comes (or not at all if this one throws).
    next?.catch(() => undefined);
    const outcome = await importFeed(db, request, options.appRole, { fontFile: options.fontFile });
    options.log?.(
      `  ${layout.name} (${path.basename(file)}): ${outcome.message} [${((Date.now() - started) / 1000).toFixed(1)} 秒]`,
    );
    outcomes.push(outcome);
  }
  return outcomes;
}
