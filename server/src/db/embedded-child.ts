/**
 * The embedded PostgreSQL (PGlite) in its own process, served over the PostgreSQL wire protocol.
 * PGlite runs every query on the thread that owns it; in the server process a long query would
 * stall every request, so it lives here and the server talks to it through `pg` like any server.
 *
 * argv: <dataDir | "memory:"> ; replies to the parent over IPC with { port } once listening.
 */
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { separateSessions } from "./embedded-sessions.ts";

const target = process.argv[2] ?? "memory:";
const maxConnections = Number(process.argv[3] ?? "32");

const db = await PGlite.create(target === "memory:" ? undefined : target, {
  extensions: { pg_trgm },
});
const server = new PGLiteSocketServer({ db, port: 0, host: "127.0.0.1", maxConnections });
const { rows } = await db.query<{ owner: string }>("select session_user as owner");
separateSessions(server, db, rows[0]?.owner ?? "postgres");
await server.start();
const port = Number(server.getServerConn().split(":").pop());

let closing = false;
async function shutdown(code: number): Promise<void> {
  if (closing) return;
  closing = true;
  try {
    await server.stop();
    await db.close();
  } finally {
    process.exit(code);
  }
}

// The parent owns this process: when it goes away (even by SIGKILL) the IPC channel closes.
process.on("disconnect", () => void shutdown(0));
process.on("SIGTERM", () => void shutdown(0));
process.on("SIGINT", () => void shutdown(0));
process.send?.({ port });
