import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { foldKana } from "@ichimado/core/search/kana";
import { generateCity } from "@ichimado/tools/city/generate";
import { writeFeedFiles } from "@ichimado/tools/feeds/write-feeds";
import { sql } from "kysely";
import type { DatabaseHandle } from "../db/database.ts";
import { withOwner } from "../db/owner.ts";
import { importInChild, openTarget } from "./setup.ts";
import { type LatencySummary, summarise } from "./stats.ts";

/**
 * Full import of a generated city (default 200,000 residents with their enrollments), on the
 * embedded database and on PostgreSQL (DATABASE_URL), and the latency of a name search started
 * at a fixed rate (`--rate`, per second) while a second full import runs in its worker process,
 * against the same searches with nothing else running (`--idle-seconds`, 30 by default).
 */
export async function run(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      residents: { type: "string", default: "200000" },
      engines: { type: "string", default: "embedded,postgresql" },
      rate: { type: "string", default: "50" },
      "idle-seconds": { type: "string", default: "30" },
    },
  });
  const residents = Number(values.residents);
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "ichimado-bench-feeds-"));
  try {
    const started = Date.now();
    const { rows, prefixes } = await writeCity(residents, dir);
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
        await benchEngine(engine as "embedded" | "postgresql", dir, prefixes, {
          rate: Number(values.rate),
          idleSeconds: Number(values["idle-seconds"]),
        }),
      );
    }
    console.log(
      "| engine | full import (s) | second import (s) | search p50 idle | p99 idle | p50 during import | p99 during import | max during import | p99 ratio | searches during import |",
    );
    console.log("|---|---|---|---|---|---|---|---|---|---|");
    for (const line of results) console.log(line);
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

/** Writes the feed files; the city itself is left to the collector before anything is timed. */
async function writeCity(residents: number, dir: string): Promise<{ rows: number; prefixes: string[] }> {
  const city = generateCity({ residents });
  const written = await writeFeedFiles(city, dir, { encoding: "cp932" });
  return {
    rows: written.reduce((n, w) => n + w.rows, 0),
    prefixes: [...new Set(city.persons.map((p) => foldKana(p.nameKana).slice(0, 3)))],
  };
}

async function benchEngine(
  engine: "embedded" | "postgresql",
  dir: string,
  prefixes: string[],
  { rate, idleSeconds }: { rate: number; idleSeconds: number },
): Promise<string> {
  const target = await openTarget(engine);
  try {
    const first = Date.now();
    await importInChild(target.handle.ownerUrl, dir);
    const importSeconds = (Date.now() - first) / 1000;
    console.error(`${engine}: first full import ${importSeconds.toFixed(1)} s`);
    // The idle baseline is the settled database, not its first minutes after a load: write out
    // the load (a checkpoint) and let vacuum set the visibility map, as the nightly jobs would.
    await settle(target.handle.ownerUrl);
    const idle = await searchAtRate(target.handle, prefixes, rate, idleSeconds * 1000);
    const started = Date.now();
    const during = importInChild(target.handle.ownerUrl, dir);
    // The second import's length is only known when it ends: search until then.
    let importing = true;
    void during.finally(() => {
      importing = false;
    });
    const busy = await searchAtRate(target.handle, prefixes, rate, () => importing);
    await during;
    const secondSeconds = (Date.now() - started) / 1000;
    const ratio = busy.p99 / idle.p99;
    return `| ${engine} | ${importSeconds.toFixed(1)} | ${secondSeconds.toFixed(1)} | ${ms(idle.p50)} | ${ms(idle.p99)} | ${ms(busy.p50)} | ${ms(busy.p99)} | ${ms(busy.max)} | ${ratio.toFixed(2)}× | ${busy.count} |`;
  } finally {
    await target.close();
  }
}

async function settle(ownerUrl: string): Promise<void> {
  await withOwner(ownerUrl, async (db) => {
    await sql`vacuum analyze`.execute(db);
    await sql`checkpoint`.execute(db);
  });
}

/**
 * The search the counter runs most (a reading prefix, first 50 by reading, as the app role),
 * started at a fixed rate whatever the answers take, as staff at many counters do: each latency
 * runs from the moment the search was due, so a statement that holds the database for a second
 * counts against every search due in that second, not just the one that happened to be running
 * (a loop that waits for each answer before asking again would count it once).
 */
async function searchAtRate(
  handle: DatabaseHandle,
  prefixes: string[],
  perSecond: number,
  until: number | (() => boolean),
): Promise<LatencySummary> {
  const latencies: number[] = [];
  const pending = new Set<Promise<void>>();
  const start = performance.now();
  const interval = 1000 / perSecond;
  const going = () => (typeof until === "number" ? performance.now() - start < until : until());
  for (let i = 0; going(); i++) {
    const due = start + i * interval;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const prefix = prefixes[(i * 7919) % prefixes.length] ?? "ヤマ";
    const search = sql`select id, name, name_kana, birth_date, status from person
      where search_kana like ${`${prefix}%`} order by search_kana, id limit 50`
      .execute(handle.db)
      .then(() => {
        latencies.push(performance.now() - due);
      })
      .finally(() => pending.delete(search));
    pending.add(search);
  }
  await Promise.all(pending);
  return summarise(latencies);
}
const secs = (since: number) => ((Date.now() - since) / 1000).toFixed(1);
const ms = (v: number) => `${v.toFixed(1)} ms`;
