/**
 * Runs one import in its own process. Parsing and validating hundreds of thousands of rows is CPU
 * work that would otherwise stall the server's event loop (and every counter request with it); in a
 * child it cannot, and a crash or kill here leaves the live data as it was.
 */
import fs from "node:fs/promises";
import { withOwner } from "../../db/owner.ts";
import { lowerPriority } from "../../platform/priority.ts";
import { type ImportOutcome, type ImportRequest, importFeed } from "./import.ts";

export interface WorkerJob {
  ownerUrl: string;
  appRole: string;
  fontFile: string | undefined;
  file: string;
  request: Omit<ImportRequest, "bytes">;
}

export type WorkerReply =
  | { ok: true; outcome: Omit<ImportOutcome, "problems"> & { problemCount: number } }
  | { ok: false; error: string };

// Imports yield the CPU to the server and the database: the counter must not feel a load.
lowerPriority();

process.once("message", async (job: WorkerJob) => {
  let reply: WorkerReply;
  try {
    const bytes = await fs.readFile(job.file);
    const outcome = await withOwner(job.ownerUrl, (db) =>
      importFeed(db, { ...job.request, bytes }, job.appRole, { fontFile: job.fontFile }),
    );
    const { problems, ...summary } = outcome;
    reply = { ok: true, outcome: { ...summary, problemCount: problems.length } };
  } catch (error) {
    reply = { ok: false, error: (error as Error).message };
  }
  process.send?.(reply, () => process.exit(0));
});
