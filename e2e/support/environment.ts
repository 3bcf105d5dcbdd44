import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

/**
 * The e2e server's own data: a fresh data folder and, when DATABASE_URL names a PostgreSQL server,
 * a fresh `ichimado_e2e_<random>` database on it. Made synchronously while the config loads, because
 * Playwright starts the webServer before any globalSetup runs. Workers inherit the environment, so
 * only the first load (in the runner process) creates anything.
 */
export interface E2eEnvironment {
  dataDir: string;
  databaseUrl: string | undefined;
}

const dataDirVar = "ICHIMADO_E2E_DATA_DIR";
const databaseVar = "ICHIMADO_E2E_DATABASE_URL";

export function e2eEnvironment(): E2eEnvironment {
  const existing = process.env[dataDirVar];
  if (existing) return { dataDir: existing, databaseUrl: process.env[databaseVar] || undefined };
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "ichimado-e2e-"));
  process.env[dataDirVar] = dataDir;
  // Global teardown does not run when the webServer fails to start, and may find the folder still in
  // use: clean up (again) on exit.
  process.once("exit", removeE2eEnvironment);
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) return { dataDir, databaseUrl: undefined };
  const name = `ichimado_e2e_${randomBytes(6).toString("hex")}`;
  adminQuery(serverUrl, `create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  process.env[databaseVar] = url.toString();
  return { dataDir, databaseUrl: url.toString() };
}

/** Drops what e2eEnvironment created; called from the global teardown and again (a no-op) at exit. */
export function removeE2eEnvironment(): void {
  const serverUrl = process.env.DATABASE_URL;
  const databaseUrl = process.env[databaseVar];
  if (serverUrl && databaseUrl) {
    const name = new URL(databaseUrl).pathname.slice(1);
    adminQuery(serverUrl, `drop database if exists ${name} with (force)`);
  }
  delete process.env[databaseVar];
  const dataDir = process.env[dataDirVar];
  if (!dataDir) return;
  try {
    rmSync(dataDir, { recursive: true, force: true, maxRetries: 5 });
    delete process.env[dataDirVar];
  } catch (error) {
    // Playwright stops the webServer only after the global teardown, so the server may still be
    // writing there (ENOTEMPTY): the exit handler tries again once it is gone. Tests have passed
    // or failed by now; a folder left in /tmp must not turn the run red.
    console.warn(`e2e: ${dataDir} not removed yet (${(error as NodeJS.ErrnoException).code ?? error})`);
  }
}

/** One statement through `pg` in a child process, so it can run while the config loads. */
function adminQuery(serverUrl: string, statement: string): void {
  execFileSync(process.execPath, ["--import", "tsx", "admin-query.ts", serverUrl, statement], {
    cwd: import.meta.dirname,
    stdio: ["ignore", "inherit", "inherit"],
  });
}
