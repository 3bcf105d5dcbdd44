import { randomBytes } from "node:crypto";
import pg from "pg";
import { type DatabaseHandle, openDatabase } from "../db/database.ts";

const testAppRole = "ichimado_app";

export interface TestDatabase extends DatabaseHandle {
  /** Connection string of the owner (superuser) for tests that tamper with tables directly. */
  ownerUrl: string;
  engine: "pglite" | "postgresql";
}

/**
 * A fresh, migrated database for one test file: PGlite in memory by default, or a new
 * `ichimado_test_<random>` database on the server named by DATABASE_URL (dropped on close).
 * CI runs the suite once each way.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const handle = await openDatabase({
      databaseUrl: undefined,
      dataDir: "memory:",
      role: testAppRole,
      poolSize: 8,
    });
    return { ...handle, engine: "pglite" };
  }
  const name = `ichimado_test_${randomBytes(6).toString("hex")}`;
  await adminQuery(serverUrl, `create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const handle = await openDatabase({
    databaseUrl: url.toString(),
    dataDir: "memory:",
    role: testAppRole,
    poolSize: 8,
  });
  return {
    ...handle,
    engine: "postgresql",
    async close() {
      await handle.close();
      await adminQuery(serverUrl, `drop database if exists ${name} with (force)`);
    },
  };
}

/** One statement on the server as its owner, outside any test database (create/drop database). */
export async function adminQuery(serverUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
