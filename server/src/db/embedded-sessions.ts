import type { PGlite } from "@electric-sql/pglite";
import type { PGLiteSocketServer } from "@electric-sql/pglite-socket";

/**
 * PGlite is one backend session that pglite-socket shares among all connections, one protocol
 * message at a time. Two things go wrong with that as it ships (0.2.17), and both are put right
 * here by replacing its queue's scheduler:
 *
 * - A connection's extended-protocol request (Parse, Bind, Describe, Execute … Sync) could be
 *   interleaved with another connection's messages, which dropped its unnamed statement ("unnamed
 *   prepared statement does not exist"). A request now runs to its Sync (or a simple Query runs to
 *   its end) before another connection is served, as a transaction already did.
 * - `SET ROLE` on one connection applied to all: the server's restricted app role and the import's
 *   owner role overwrote each other whenever a pool opened a connection during an import, so an
 *   import failed on permissions and counter queries ran as the owner. Each connection now acts as
 *   the user it connected as: when the scheduler turns to another connection it sets that role
 *   (the session's own user, the owner, resets it).
 *
 * The queue's fields and the item shape are pglite-socket's internals (pinned version).
 */
interface QueueItem {
  handlerId: number;
  message: Uint8Array;
  onData(data: Uint8Array): void;
  resolve(bytes: number): void;
  reject(error: unknown): void;
}

interface QueryQueue {
  queue: QueueItem[];
  processing: boolean;
  lastHandlerId: number | null;
  enqueue(handlerId: number, message: Uint8Array, onData: (d: Uint8Array) => void): Promise<number>;
  processQueue(): Promise<void>;
  clearQueueForHandler(handlerId: number): void;
}

/** Frontend messages that leave an extended-protocol request open until its Sync. */
const openingTypes = new Set(["P", "B", "D", "E", "C", "H"]);
const protocolV3 = 0x0003_0000;

export function separateSessions(server: PGLiteSocketServer, db: PGlite, ownerUser: string): void {
  const queue = (server as unknown as { queryQueue: QueryQueue }).queryQueue;
  const users = new Map<number, string>();
  let activeRole: string | undefined;
  // The connection whose request is open (mid extended protocol): only its messages run.
  let openFor: number | null = null;

  const enqueue = queue.enqueue.bind(queue);
  queue.enqueue = (handlerId, message, onData) => {
    const user = startupUser(message);
    if (user !== undefined) users.set(handlerId, user);
    return enqueue(handlerId, message, onData);
  };

  const clear = queue.clearQueueForHandler.bind(queue);
  queue.clearQueueForHandler = (handlerId) => {
    clear(handlerId);
    users.delete(handlerId);
    if (openFor === handlerId) {
      openFor = null;
      void queue.processQueue();
    }
  };

  async function actAs(handlerId: number): Promise<void> {
    const user = users.get(handlerId) ?? ownerUser;
    if (user === activeRole) return;
    await db.exec(user === ownerUser ? "reset role" : `set role ${quoteIdent(user)}`);
    activeRole = user;
  }

  function next(): QueueItem | undefined {
    const owner = openFor ?? (db.isInTransaction() ? queue.lastHandlerId : null);
    if (owner === null) return queue.queue.shift();
    const at = queue.queue.findIndex((item) => item.handlerId === owner);
    return at === -1 ? undefined : queue.queue.splice(at, 1)[0];
  }

  queue.processQueue = async () => {
    if (queue.processing) return;
    queue.processing = true;
    try {
      for (let item = next(); item; item = next()) {
        const current = item;
        let bytes = 0;
        try {
          // Between requests, outside any transaction: the role of whoever is served next.
          if (openFor === null && !db.isInTransaction()) await actAs(current.handlerId);
          await db.runExclusive(() =>
            db.execProtocolRawStream(current.message, {
              onRawData: (data) => {
                bytes += data.length;
                current.onData(data);
              },
            }),
          );
        } catch (error) {
          openFor = null;
          current.reject(error);
          continue;
        }
        const type = String.fromCharCode(current.message[0] ?? 0);
        // A client that sets a role itself leaves the session in a role this scheduler did not choose.
        if (type !== "\0" && /\brole\b/i.test(Buffer.from(current.message.subarray(5)).toString("latin1")))
          activeRole = undefined;
        openFor = openingTypes.has(type) ? current.handlerId : null;
        queue.lastHandlerId = current.handlerId;
        current.resolve(bytes);
      }
    } finally {
      queue.processing = false;
    }
  };
}

/** The `user` parameter of a StartupMessage (length, protocol 3.0, then name/value pairs). */
function startupUser(message: Uint8Array): string | undefined {
  if (message.length < 8) return undefined;
  const view = new DataView(message.buffer, message.byteOffset, message.byteLength);
  if (view.getInt32(4) !== protocolV3) return undefined;
  const fields = Buffer.from(message.subarray(8)).toString("utf8").split("\0");
  for (let i = 0; i + 1 < fields.length; i += 2) if (fields[i] === "user") return fields[i + 1];
  return undefined;
}

function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
