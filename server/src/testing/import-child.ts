/**
 * A separate process that imports a delivery folder, so a test can SIGKILL it mid-import.
 * Usage: import-child.ts <owner url> <folder> <app role>
 */
import { withOwner } from "../db/owner.ts";
import { lowerPriority } from "../platform/priority.ts";
import { importDelivery } from "../registry/feeds/delivery.ts";

// Imports yield the CPU to the server and the database: the counter must not feel a load.
lowerPriority();

const [url, dir, appRole] = process.argv.slice(2);
if (!url || !dir || !appRole) throw new Error("usage: import-child.ts <owner url> <folder> <app role>");
await withOwner(url, (db) => importDelivery(db, dir, { source: "cli", appRole }));
