import pg from "pg";

const DATE_OID = 1082;
const INT8_OID = 20;
const NUMERIC_OID = 1700;

/**
 * Type parsing for every pool, without touching pg's global parsers: `date` stays an ISO string
 * (as a Date it would shift by a day under TZ=Asia/Tokyo) and counts come back as numbers.
 */
const types = {
  getTypeParser: ((oid: number, format?: "text" | "binary") => {
    if (oid === DATE_OID) return (value: string) => value;
    if (oid === INT8_OID || oid === NUMERIC_OID) return (value: string) => Number(value);
    return pg.types.getTypeParser(oid, format ?? "text");
  }) as typeof pg.types.getTypeParser,
};

export interface PoolOptions {
  url: string;
  max: number;
  /** Role to act as on every connection (the app role that cannot alter the audit log). */
  role?: string;
  applicationName?: string;
}

export function createPool(options: PoolOptions): pg.Pool {
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.max,
    types,
    application_name: options.applicationName ?? "ichimado",
    connectionTimeoutMillis: 10_000,
    idleTimeoutMillis: 30_000,
  });
  if (options.role) {
    const statement = `SET ROLE ${quoteIdent(options.role)}`;
    // pg queues queries per client, so this runs before anything the app sends on the connection.
    pool.on("connect", (client) => {
      client.query(statement).catch(() => client.release(true as unknown as Error));
    });
  }
  // A connection dropped by the server (restart, failover) must not crash the process. The pool's
  // own listener covers idle clients only: one checked out between two queries of a transaction
  // would emit 'error' to nobody, and an unheard 'error' ends a Node process. Its next query fails
  // instead (503), and the pool drops it on release.
  pool.on("error", () => {});
  pool.on("connect", (client) => {
    client.on("error", () => {});
  });
  return pool;
}

function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
