import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { formatWareki } from "@ichimado/core/common/wareki";
import type { PersonSearchQuery } from "@ichimado/core/search/schemas";
import { personSearchQuerySchema } from "@ichimado/core/search/schemas";
import { generateCity } from "@ichimado/tools/city/generate";
import { writeFeedFiles } from "@ichimado/tools/feeds/write-feeds";
import { buildApp } from "../app.ts";
import { hashPassword } from "../auth/service.ts";
import { loadConfig } from "../config.ts";
import { createContext } from "../platform/runtime.ts";
import { planSearch } from "../search/criteria.ts";

/** The bench's queries name no qualification number, so no programme needs to be visible. */
const noProgrammes: ReadonlySet<string> = new Set();

import { searchPersons } from "../search/queries.ts";
import { seedOrganisation } from "../staff/seed.ts";
import { importInChild, openTarget } from "./setup.ts";
import { summarise } from "./stats.ts";

const auditKey = "bench-audit-key-0123456789abcdef0123456789";
const warmup = 20;

/**
 * Writes the city's feed files and returns the queries of each kind. The city itself (hundreds of
 * megabytes of objects) is dropped when this returns: left in the heap of the process that also
 * runs the server, it made every major garbage collection a pause in the measured requests.
 */
async function writeCity(
  residents: number,
  dir: string,
  rounds: number,
): Promise<Record<string, Record<string, string>[]>> {
  const city = generateCity({ residents });
  await writeFeedFiles(city, dir, { encoding: "utf-8" });
  const people = city.persons.filter((p) => p.kind === "resident" && p.birthDate && p.address);
  const pick = (i: number) => people[(i * 104_729) % people.length] as (typeof people)[number];
  const towns = new Map(city.towns.map((t) => [t.code, t.name]));
  // What counters type most: a family reading, a full kanji name, a reading with a birth date in 和暦, an address.
  const kinds: Record<string, (i: number) => Record<string, string>> = {
    "kana family name": (i) => ({ name: pick(i).nameKana.split("　")[0] ?? "" }),
    "kanji full name": (i) => ({ name: pick(i).name }),
    "kana + 和暦 birth date": (i) => ({
      name: pick(i).nameKana.split("　")[0] ?? "",
      birthDate: formatWareki(pick(i).birthDate ?? "", "short"),
    }),
    "address part": (i) => ({
      address: `${towns.get(pick(i).address?.townCode ?? "") ?? ""}${(pick(i).address?.lot ?? "").replace(/番.*$/, "")}`,
    }),
  };
  return Object.fromEntries(
    // The warm-up's queries (other people) come after the measured ones.
    Object.entries(kinds).map(([kind, make]) => [
      kind,
      Array.from({ length: rounds + warmup }, (_, i) => make(i)),
    ]),
  );
}

/**
 * The search API over HTTP (session, permission check, query, masking, audit row) against the bare
 * SQL of the same search, per kind of query, on a city of `--residents` people.
 */
export async function run(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      residents: { type: "string", default: "200000" },
      engines: { type: "string", default: "embedded,postgresql" },
      rounds: { type: "string", default: "300" },
    },
  });
  const residents = Number(values.residents);
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "ichimado-bench-search-"));
  const rounds = Number(values.rounds);
  const queries = await writeCity(residents, dir, rounds);
  console.log(
    `# search benchmark: ${residents.toLocaleString("en")} residents, ${values.rounds} queries of each kind\n`,
  );
  console.log("| engine | query | API p50 | API p99 | SQL p50 | SQL p99 | p99 ratio API/SQL |");
  console.log("|---|---|---|---|---|---|---|");
  try {
    for (const engine of values.engines.split(",")) {
      if (engine === "postgresql" && !process.env.DATABASE_URL) continue;
      const target = await openTarget(engine as "embedded" | "postgresql");
      try {
        const importStarted = Date.now();
        await importInChild(target.handle.ownerUrl, dir);
        // What was loaded, so a result can be read against the size it claims.
        const { count } = await target.handle.db
          .selectFrom("person")
          .select((eb) => eb.fn.countAll<number>().as("count"))
          .where("kind", "=", "resident")
          .where("status", "=", "active")
          .executeTakeFirstOrThrow();
        if (Number(count) < residents * 0.8)
          throw new Error(`only ${count} active residents were imported: see the import runs`);
        console.error(
          `${engine}: ${Number(count).toLocaleString("en")} active residents imported in ${((Date.now() - importStarted) / 1000).toFixed(0)} s`,
        );
        const config = loadConfig({
          ICHIMADO_MODE: "test",
          ICHIMADO_AUDIT_KEY: auditKey,
          LOG_LEVEL: "silent",
          FEED_POLL_SECONDS: "0",
        });
        await seedOrganisation(target.handle.db);
        const { id } = await target.handle.db
          .insertInto("staff_user")
          .values({
            login_id: "bench",
            name: "ベンチ",
            password_hash: await hashPassword("bench-password-1"),
            valid_from: "2020-04-01",
            must_change_password: false,
          })
          .returning("id")
          .executeTakeFirstOrThrow();
        await target.handle.db
          .insertInto("staff_assignment")
          .values({ staff_id: id, counter_id: "shimin", role_id: "residentClerk" })
          .execute();
        const app = await buildApp(createContext(config, target.handle, auditKey), { logger: false });
        await app.listen({ host: "127.0.0.1", port: 0 });
        const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
        const headers = { "content-type": "application/json", "x-requested-with": "ichimado" };
        const login = await fetch(`${base}/api/v1/auth/login`, {
          method: "POST",
          headers,
          body: JSON.stringify({ loginId: "bench", password: "bench-password-1" }),
        });
        const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
        await fetch(`${base}/api/v1/auth/counter`, {
          method: "POST",
          headers: { ...headers, cookie },
          body: JSON.stringify({ counterId: "shimin" }),
        });
        // Warm-up, not measured: each pool connection's first statements (catalog caches,
        // first plans) cost several milliseconds once, which a running server has long paid.
        for (const list of Object.values(queries))
          for (const query of list.slice(rounds)) {
            const res = await fetch(`${base}/api/v1/search/persons?${new URLSearchParams(query)}`, {
              headers: { cookie },
            });
            await res.arrayBuffer();
            await searchPersons(
              target.handle.db,
              planSearch(personSearchQuerySchema.parse(query) as PersonSearchQuery, noProgrammes),
            );
          }
        for (const [kind, list] of Object.entries(queries)) {
          const api: number[] = [];
          const bare: number[] = [];
          for (const query of list.slice(0, rounds)) {
            let t = performance.now();
            const res = await fetch(`${base}/api/v1/search/persons?${new URLSearchParams(query)}`, {
              headers: { cookie },
            });
            if (res.status !== 200) throw new Error(`search ${res.status}: ${await res.text()}`);
            await res.arrayBuffer();
            api.push(performance.now() - t);
            const plan = planSearch(personSearchQuerySchema.parse(query) as PersonSearchQuery, noProgrammes);
            t = performance.now();
            await searchPersons(target.handle.db, plan);
            bare.push(performance.now() - t);
          }
          const a = summarise(api);
          const b = summarise(bare);
          console.log(
            `| ${engine} | ${kind} | ${a.p50.toFixed(1)} ms | ${a.p99.toFixed(1)} ms | ${b.p50.toFixed(1)} ms | ${b.p99.toFixed(1)} ms | ${(a.p99 / b.p99).toFixed(2)}× |`,
          );
        }
        await app.close();
      } finally {
        await target.close();
      }
    }
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}
