import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { foldKana } from "@ichimado/core/search/kana";
import { generateCity } from "@ichimado/tools/city/generate";
import { writeFeedFiles } from "@ichimado/tools/feeds/write-feeds";
import { sql } from "kysely";
import type { DatabaseHandle } from "../db/database.ts";
import { importInChild, openTarget } from "./setup.ts";
import { type LatencySummary, summarise } from "./stats.ts";

/**
 * Full import of a generated city (default 200,000 residents with their enrollments), on the
 * embedded database and on PostgreSQL (DATABASE_URL), and the latency of a name search run
 * continuously from the server's side while a second full import runs in its worker process,
 * against the same search with nothing else running.
 */
export async function run(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      residents: { type: "string", default: "200000" },
      engines: { type: "string", default: "embedded,postgresql" },
      searches: { type: "string", default: "2000" },
    },
  });
  const residents = Number(values.residents);
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "ichimado-bench-feeds-"));
  try {
    const started = Date.now();
    const city = generateCity({ residents });
    const written = await writeFeedFiles(city, dir, { encoding: "cp932" });
    const rows = written.reduce((n, w) => n + w.rows, 0);
    const prefixes = [...new Set(city.persons.map((p) => foldKana(p.nameKana).slice(0, 3)))];
    console.log(
      `# import benchmark: ${residents.toLocaleString("en")} residents, ${rows.toLocaleString("en")} feed rows in 24 CP932 files (${secs(started)} s to generate)\n`,
    );
    const results: string[] = [];
    for (const engine of values.engines.split(",")) {
      if (engine === "postgresql" && !process.env.DATABASE_URL) {
        console.log("(postgresql skipped: DATABASE_URL is not set)");
        continue;
      }
      results.push(
        await benchEngine(engine as "embedded" | "postgresql", dir, prefixes, Number(values.searches)),
      );
    }
    console.log(
      "| engine | full import (s) | search p50 idle | p99 idle | p50 during import | p99 during import | p99 ratio | searches during import |",
    );
    console.log("|---|---|---|---|---|---|---|---|");
    for (const line of results) console.log(line);
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

async function benchEngine(
  engine: "embedded" | "postgresql",
  dir: string,
  prefixes: string[],
  searches: number,
): Promise<string> {
  const target = await openTarget(engine);
  try {
    const first = Date.now();
    await importInChild(target.handle.ownerUrl, dir);
    const importSeconds = (Date.now() - first) / 1000;
    console.error(`${engine}: first full import ${importSeconds.toFixed(1)} s`);
    const idle = await searchLoop(target.handle, prefixes, () => false, searches);
    let importing = true;
    const during = importInChild(target.handle.ownerUrl, dir).finally(() => {
      importing = false;
    });
    const busy = await searchLoop(target.handle, prefixes, () => importing, Number.POSITIVE_INFINITY);
    await during;
    const ratio = busy.p99 / idle.p99;
    return `| ${engine} | ${importSeconds.toFixed(1)} | ${ms(idle.p50)} | ${ms(idle.p99)} | ${ms(busy.p50)} | ${ms(busy.p99)} | ${ratio.toFixed(2)}× | ${busy.count} |`;
  } finally {
    await target.close();
  }
}

/** The search the counter runs most: a reading prefix, first 50 by reading, as the app role. */
async function searchLoop(
  handle: DatabaseHandle,
  prefixes: string[],
  keepGoing: () => boolean,
  max: number,
): Promise<LatencySummary> {
  const latencies: number[] = [];
  let i = 0;
  while ((max === Number.POSITIVE_INFINITY ? keepGoing() : true) && latencies.length < max) {
    const prefix = prefixes[(i++ * 7919) % prefixes.length] ?? "ヤマ";
    const t = performance.now();
    await sql`select id, name, name_kana, birth_date, status from person
      where search_kana like ${`${prefix}%`} order by search_kana, id limit 50`.execute(handle.db);
    latencies.push(performance.now() - t);
  }
  return summarise(latencies);
}

const secs = (since: number) => ((Date.now() - since) / 1000).toFixed(1);
const ms = (v: number) => `${v.toFixed(1)} ms`;
