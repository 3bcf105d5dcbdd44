import { fork } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { type DatabaseHandle, openDatabase } from "../db/database.ts";
import { lowerChildPriority } from "../platform/priority.ts";

const appRole = "ichimado_app";
const child = fileURLToPath(new URL("../testing/import-child.ts", import.meta.url));

/** Imports a delivery folder in a separate process, as the server's import worker does. */
export function importInChild(ownerUrl: string, dir: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const importer = fork(child, [ownerUrl, dir, appRole], {
      execArgv: ["--import", "tsx"],
      stdio: "inherit",
    });
    lowerChildPriority(importer);
    importer.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`import exited ${code}`))));
  });
}

export async function openTarget(
  engine: "embedded" | "postgresql",
): Promise<{ handle: DatabaseHandle; close(): Promise<void> }> {
  if (engine === "embedded") {
    const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "ichimado-bench-db-"));
    const handle = await openDatabase({ databaseUrl: undefined, dataDir, role: appRole, poolSize: 4 });
    return {
      handle,
      async close() {
        await handle.close();
        await fs.rm(dataDir, { recursive: true, force: true });
      },
    };
  }
  const server = process.env.DATABASE_URL as string;
  const name = `ichimado_bench_${randomBytes(4).toString("hex")}`;
  await admin(server, `create database ${name}`);
  const url = new URL(server);
  url.pathname = `/${name}`;
  const handle = await openDatabase({
    databaseUrl: url.toString(),
    dataDir: "memory:",
    role: appRole,
    poolSize: 4,
  });
  return {
    handle,
    async close() {
      await handle.close();
      await admin(server, `drop database if exists ${name} with (force)`);
    },
  };
}

async function admin(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
