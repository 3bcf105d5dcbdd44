import { fork } from "node:child_process";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { generateCity } from "@ichimado/tools/city/generate";
import { writeFeedFiles } from "@ichimado/tools/feeds/write-feeds";
import { sql } from "kysely";
import { afterAll, beforeAll, expect, it } from "vitest";
import { withOwner } from "../../db/owner.ts";
import { createTestDatabase, type TestDatabase } from "../../testing/test-database.ts";
import { importDelivery } from "./delivery.ts";
import { importFeed } from "./import.ts";

const appRole = "ichimado_app";
const child = fileURLToPath(new URL("../../testing/import-child.ts", import.meta.url));
let t: TestDatabase;
let small: string;
let big: string;

beforeAll(async () => {
  t = await createTestDatabase();
  small = await fs.mkdtemp(path.join(os.tmpdir(), "ichimado-kill-a-"));
  big = await fs.mkdtemp(path.join(os.tmpdir(), "ichimado-kill-b-"));
  await writeFeedFiles(generateCity({ residents: 800, seed: 1 }), small, { encoding: "utf-8" });
  await withOwner(t.ownerUrl, (db) => importDelivery(db, small, { source: "cli", appRole }));
  // The next delivery: only the big 住民基本台帳 file (a different city, so every row differs).
  const city = generateCity({ residents: 40_000, seed: 2 });
  const all = await fs.mkdtemp(path.join(os.tmpdir(), "ichimado-kill-c-"));
  await writeFeedFiles(city, all, { encoding: "utf-8" });
  await fs.copyFile(path.join(all, "jumin.csv"), path.join(big, "jumin.csv"));
  await fs.rm(all, { recursive: true, force: true });
});
afterAll(async () => {
  await t?.close();
  await Promise.all([small, big].map((d) => fs.rm(d, { recursive: true, force: true })));
});

const snapshot = async () =>
  (
    await sql<{ n: number; names: string }>`
      select count(*)::int as n, md5(string_agg(id || name, ',' order by id)) as names from person where kind = 'resident'`.execute(
      t.db,
    )
  ).rows[0];

it("leaves the previous data intact and readable when the import process is killed mid-way", async () => {
  const before = await snapshot();
  const importer = fork(child, [t.ownerUrl, big, appRole], {
    execArgv: ["--import", "tsx"],
    stdio: "ignore",
  });
  const exited = new Promise<NodeJS.Signals | null>((resolve) =>
    importer.on("exit", (_code, signal) => resolve(signal)),
  );
  // Wait until the new rows are being written beside the live ones, then kill without warning. The
  // child starts tsx and reads the file first: on a loaded two-core machine that took over 30 s.
  const deadline = Date.now() + 100_000;
  let staging = false;
  while (!staging && Date.now() < deadline) {
    const { rows } = await sql<{ n: number }>`
      select count(*)::int as n from pg_tables where tablename like 'feed_stage_%'`.execute(t.db);
    staging = (rows[0]?.n ?? 0) > 0;
    if (!staging) await new Promise((r) => setTimeout(r, 50));
  }
  expect(staging).toBe(true);
  importer.kill("SIGKILL");
  expect(await exited).toBe("SIGKILL");

  expect(await snapshot()).toEqual(before);
  const running = await t.db
    .selectFrom("import_run")
    .select(["id"])
    .where("status", "=", "running")
    .execute();
  expect(running).toHaveLength(1);

  // The next import clears up after the dead one: its run is closed, its stage tables dropped.
  const outcome = await withOwner(t.ownerUrl, (db) =>
    importFeed(
      db,
      {
        feedId: "gaiji",
        fileName: "gaiji.csv",
        differential: false,
        source: "cli",
        bytes: Buffer.from("外字コード,Unicode\r\n"),
      },
      appRole,
    ),
  );
  expect(outcome.status).toBe("succeeded");
  const dead = await t.db
    .selectFrom("import_run")
    .select(["status"])
    .where("id", "=", running[0]?.id ?? 0)
    .executeTakeFirst();
  expect(dead?.status).toBe("interrupted");
  const { rows } = await sql<{
    n: number;
  }>`select count(*)::int as n from pg_tables where tablename like 'feed_stage_%'`.execute(t.db);
  expect(rows[0]?.n).toBe(0);
  expect(await snapshot()).toEqual(before);
}, 180_000);
