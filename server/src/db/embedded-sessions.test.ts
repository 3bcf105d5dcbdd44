import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DatabaseHandle, openDatabase } from "./database.ts";

// Always the embedded database: this is about how its one session is shared among connections.
let handle: DatabaseHandle;
let owner: pg.Client;

beforeAll(async () => {
  handle = await openDatabase({
    databaseUrl: undefined,
    dataDir: "memory:",
    role: "ichimado_app",
    poolSize: 6,
  });
  owner = new pg.Client({ connectionString: handle.ownerUrl });
  await owner.connect();
  await owner.query("create table session_probe (n int)");
});
afterAll(async () => {
  await owner?.end();
  await handle?.close();
});

const whoAmI = async (query: (text: string, values: unknown[]) => Promise<pg.QueryResult>, i: number) => {
  const { rows } = await query("select current_user as role, $1::int as i", [i]);
  return `${rows[0].role}:${rows[0].i}`;
};

describe("the embedded database's shared session", () => {
  it("keeps the app's role and the owner's apart, even when the app opens connections mid-way", async () => {
    const ownerQuery = (text: string, values: unknown[]) => owner.query(text, values);
    const appQuery = (text: string, values: unknown[]) => handle.pool.query(text, values);
    // New app connections (each sends SET ROLE on connect) while the owner's statements run.
    const held = await Promise.all([handle.pool.connect(), handle.pool.connect(), handle.pool.connect()]);
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, i) => (i % 2 ? whoAmI(ownerQuery, i) : whoAmI(appQuery, i))),
    );
    for (const client of held) client.release();
    expect(answers).toEqual(
      Array.from({ length: 40 }, (_, i) => (i % 2 ? `postgres:${i}` : `ichimado_app:${i}`)),
    );
    // The owner may create tables; the app role may not, whoever ran last.
    await expect(handle.pool.query("create table app_made (n int)")).rejects.toThrow(/permission denied/);
    await owner.query("create table owner_made (n int)");
  });

  it("runs each connection's parameterised statement whole, with transactions running beside them", async () => {
    const clients = await Promise.all(Array.from({ length: 5 }, () => handle.pool.connect()));
    try {
      await Promise.all(
        clients.map(async (client, c) => {
          for (let i = 0; i < 20; i++) {
            if (i % 5 === 0) {
              await client.query("begin");
              const { rows } = await client.query("select $1::int + $2::int as sum", [c, i]);
              await client.query("commit");
              expect(rows[0].sum).toBe(c + i);
            } else {
              const { rows } = await client.query("select $1::text || '-' || $2::text as v", [c, i]);
              expect(rows[0].v).toBe(`${c}-${i}`);
            }
          }
        }),
      );
    } finally {
      for (const client of clients) client.release();
    }
  });

  it("lets an owner's transaction write while app connections read", async () => {
    await owner.query("grant select on session_probe to ichimado_app");
    const writing = (async () => {
      await owner.query("begin");
      for (let n = 0; n < 10; n++) await owner.query("insert into session_probe values ($1)", [n]);
      await owner.query("commit");
    })();
    const reads = await Promise.all(
      Array.from({ length: 10 }, () => handle.pool.query("select count(*)::int as n from session_probe")),
    );
    await writing;
    // Reads see the table before or after the transaction, never half of it.
    for (const r of reads) expect([0, 10]).toContain(r.rows[0].n);
    const { rows } = await handle.pool.query("select current_user as role");
    expect(rows[0].role).toBe("ichimado_app");
  });
});
