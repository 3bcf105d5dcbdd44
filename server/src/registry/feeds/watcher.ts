import fs from "node:fs/promises";
import path from "node:path";
import { deliveryRank, feedOfFile } from "./delivery.ts";
import type { FeedImportService } from "./service.ts";

const systemActor = { staffId: null, loginId: "system:dropFolder", counterId: null, clientIp: null };

/**
 * Watches the drop folder the core systems deliver to. A file is taken only once its size and
 * modification time have stayed the same between two looks (so a half-copied file is never read),
 * moved to processing/, imported, then kept in done/ or failed/ with a time stamp. Polling, not
 * fs.watch: deliveries usually land on a network share, where change events are unreliable.
 */
export class DropFolderWatcher {
  private timer: NodeJS.Timeout | undefined;
  private readonly seen = new Map<string, string>();
  private busy = false;

  constructor(
    private readonly dir: string,
    private readonly pollMs: number,
    private readonly service: FeedImportService,
    private readonly log: (line: string) => void,
  ) {}

  async start(): Promise<void> {
    await this.makeFolders();
    this.timer = setInterval(() => void this.check(), this.pollMs);
    this.timer.unref();
  }

  private async makeFolders(): Promise<void> {
    for (const sub of ["inbox", "processing", "done", "failed"])
      await fs.mkdir(path.join(this.dir, sub), { recursive: true });
  }

  private failing: string | null = null;

  /**
   * A look as the timer takes it: a folder that went away (a share unmounted, a folder deleted) is
   * said once in the log and looked at again next time; it must never stop the server.
   */
  async check(): Promise<void> {
    try {
      await this.poll();
      if (this.failing) this.log("連携フォルダ: 再び読めるようになりました");
      this.failing = null;
    } catch (error) {
      const message = (error as Error).message;
      if (this.failing !== message) this.log(`連携フォルダ: 読めません (次の確認で再試行します): ${message}`);
      this.failing = message;
    }
  }

  stop(): void {
    clearInterval(this.timer);
  }

  /** One look at the inbox; exported for tests, which do not want to wait for the timer. */
  async poll(): Promise<number> {
    if (this.busy) return 0;
    this.busy = true;
    try {
      // Folders removed while running (or a share mounted over them) are made again.
      await this.makeFolders();
      const inbox = path.join(this.dir, "inbox");
      const ready: { name: string; feed: NonNullable<ReturnType<typeof feedOfFile>> }[] = [];
      for (const name of await fs.readdir(inbox)) {
        const stat = await fs.stat(path.join(inbox, name)).catch(() => undefined);
        if (!stat?.isFile()) continue;
        const signature = `${stat.size}:${stat.mtimeMs}`;
        if (this.seen.get(name) !== signature) {
          this.seen.set(name, signature);
          continue;
        }
        this.seen.delete(name);
        const feed = feedOfFile(name);
        if (feed) ready.push({ name, feed });
        else {
          this.log(`連携フォルダ: 連携ファイルとして認識できない名前のため failed/ に移しました: ${name}`);
          await fs.rename(path.join(inbox, name), path.join(this.dir, "failed", `${stamp()}-${name}`));
        }
      }
      ready.sort((a, b) => deliveryRank(a.feed) - deliveryRank(b.feed));
      for (const { name, feed } of ready) {
        const processing = path.join(this.dir, "processing", `${stamp()}-${name}`);
        await fs.rename(path.join(inbox, name), processing);
        await this.service.enqueue({
          file: processing,
          request: {
            feedId: feed.layout.id,
            fileName: name,
            differential: feed.differential,
            source: "dropFolder",
          },
          actor: systemActor,
          finished: async (reply) => {
            const ok = reply.ok && reply.outcome.status === "succeeded";
            await fs.rename(
              processing,
              path.join(this.dir, ok ? "done" : "failed", path.basename(processing)),
            );
            this.log(
              `連携フォルダ: ${feed.layout.name} (${name}) ${reply.ok ? reply.outcome.message : reply.error}`,
            );
          },
        });
      }
      return ready.length;
    } finally {
      this.busy = false;
    }
  }
}

function stamp(): string {
  return new Date().toISOString().replace(/[-:]/g, "").replace(/\..*$/, "");
}
