import { fork } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { AuditActor, AuditWriter } from "../../audit/writer.ts";
import type { Db } from "../../db/database.ts";
import { withOwner } from "../../db/owner.ts";
import { lowerChildPriority } from "../../platform/priority.ts";
import { type ImportRequest, queueRun } from "./import.ts";
import type { WorkerJob, WorkerReply } from "./worker.ts";

const workerPath = fileURLToPath(new URL("./worker.ts", import.meta.url));

export interface ImportJob {
  file: string;
  request: Omit<ImportRequest, "bytes" | "runId">;
  actor: AuditActor;
  /** Called when the run has ended (e.g. to move a dropped file to done/ or failed/). */
  finished?: (reply: WorkerReply) => Promise<void>;
}

/**
 * Queues imports and runs them one at a time, each in a worker process. Records the run as queued
 * at once (so an upload can answer with its id) and audits who imported what, and how it ended.
 */
export class FeedImportService {
  private queue: Promise<void> = Promise.resolve();
  private pending = 0;

  constructor(
    private readonly options: {
      ownerUrl: string;
      appRole: string;
      db: Db;
      audit: AuditWriter;
      /** Read per job, so a newly uploaded font applies to the next import. */
      fontFile: () => string | undefined;
    },
  ) {}

  get queued(): number {
    return this.pending;
  }

  async enqueue(job: ImportJob): Promise<number> {
    const runId = await withOwner(this.options.ownerUrl, (db) => queueRun(db, job.request));
    this.pending++;
    this.queue = this.queue.then(() => this.run(job, runId)).finally(() => this.pending--);
    return runId;
  }

  /** Resolves when everything queued so far has finished (tests, shutdown). */
  async idle(): Promise<void> {
    await this.queue;
  }

  private async run(job: ImportJob, runId: number): Promise<void> {
    const reply = await this.runWorker({
      ownerUrl: this.options.ownerUrl,
      appRole: this.options.appRole,
      fontFile: this.options.fontFile(),
      file: job.file,
      request: { ...job.request, runId },
    });
    const status = reply.ok ? reply.outcome.status : "failed";
    await this.options.audit
      .write(this.options.db, job.actor, {
        action: "data.import",
        target: `import_run:${runId}`,
        detail: {
          feed: job.request.feedId,
          file: job.request.fileName,
          mode: job.request.differential ? "differential" : "full",
          source: job.request.source,
          status,
          ...(reply.ok
            ? { rowsLoaded: reply.outcome.rowsLoaded, rowsRejected: reply.outcome.rowsRejected }
            : { error: reply.error }),
        },
        outcome: status === "succeeded" ? "success" : "failure",
      })
      .catch(() => undefined);
    await job.finished?.(reply).catch(() => undefined);
  }

  private runWorker(job: WorkerJob): Promise<WorkerReply> {
    return new Promise((resolve) => {
      const child = fork(workerPath, [], {
        execArgv: ["--import", "tsx"],
        stdio: ["ignore", "inherit", "inherit", "ipc"],
      });
      lowerChildPriority(child);
      let reply: WorkerReply | undefined;
      child.once("message", (message: WorkerReply) => {
        reply = message;
      });
      child.once("exit", (code, signal) => {
        resolve(
          reply ?? {
            ok: false,
            error: `取込処理が異常終了しました (${signal ?? `exit ${code}`})。データは変更されていません`,
          },
        );
      });
      child.send(job);
    });
  }
}
