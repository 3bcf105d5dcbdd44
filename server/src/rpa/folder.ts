import fs from "node:fs/promises";
import path from "node:path";
import type { ClaimedJob } from "@ichimado/core/rpa/jobs";
import type { RpaScenario } from "@ichimado/core/rpa/scenarios";
import { toCsv } from "@ichimado/tools/feeds/write-feeds";
import type { AppContext } from "../platform/context.ts";
import { HttpError } from "../platform/errors.ts";
import { handOver, report } from "./hand-over.ts";

/**
 * The robot name file-based jobs are leased to (in the job list and the audit log); no API token
 * can be named so (token names start with a letter or digit), so no pulling robot can act as it.
 */
const folderRobot = "@folder";
const actor = { staffId: null, loginId: `api:${folderRobot}`, counterId: null, clientIp: null };
/** A file robot may take a working day over a job before it is written out again. */
const leaseSeconds = 24 * 3600;

/**
 * RPA for robots that read files (many counter robots watch a folder): jobs of the chosen
 * scenarios are leased to the folder and written to `outbox/<scenario>/<id>.json` and `<id>.csv`;
 * the robot answers with `results/<id>.done`, `<id>.failed` (tried again later) or `<id>.refused`
 * (stopped for staff), the text of the file being the message. The files hold personal data: the
 * folders are made readable by the server's user only, and a job's files go once it is answered.
 */
export class RpaFolder {
  private timer: NodeJS.Timeout | undefined;
  private busy = false;
  private failing: string | null = null;

  constructor(
    private readonly ctx: AppContext,
    private readonly dir: string,
    private readonly scenarios: readonly RpaScenario[],
    private readonly pollMs: number,
    private readonly log: (line: string) => void,
  ) {}

  start(): void {
    this.timer = setInterval(() => void this.check(), this.pollMs);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
  }

  /** A look as the timer takes it: a folder that cannot be read is logged once and never stops the server. */
  async check(): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    try {
      await this.poll();
      if (this.failing) this.log("RPAフォルダ: 再び使えるようになりました");
      this.failing = null;
    } catch (error) {
      const message = (error as Error).message;
      if (this.failing !== message) this.log(`RPAフォルダ: 使えません (次の確認で再試行します): ${message}`);
      this.failing = message;
    } finally {
      this.busy = false;
    }
  }

  /** Results read, then new jobs written out; exported for tests, which do not wait for the timer. */
  async poll(): Promise<{ answered: number; written: number }> {
    await fs.mkdir(path.join(this.dir, "results"), { recursive: true, mode: 0o700 });
    const answered = await this.readResults();
    const jobs = await handOver(this.ctx, actor, folderRobot, {
      scenarios: [...this.scenarios],
      leaseSeconds,
      max: 100,
    });
    for (const job of jobs) await this.writeJob(job);
    return { answered, written: jobs.length };
  }

  private async writeJob(job: ClaimedJob): Promise<void> {
    const folder = path.join(this.dir, "outbox", job.scenario);
    await fs.mkdir(folder, { recursive: true, mode: 0o700 });
    const record = { id: job.id, scenario: job.scenario, attempt: job.attempt, ...job.payload };
    // Written aside and renamed, so a robot never reads half a file.
    for (const [ext, text] of [
      ["json", `${JSON.stringify(record, null, 2)}\n`],
      ["csv", csvOf(record)],
    ] as const) {
      const file = path.join(folder, `${job.id}.${ext}`);
      await fs.writeFile(`${file}.tmp`, text, { mode: 0o600 });
      await fs.rename(`${file}.tmp`, file);
    }
  }

  private async readResults(): Promise<number> {
    const folder = path.join(this.dir, "results");
    let answered = 0;
    for (const name of await fs.readdir(folder)) {
      const match = /^(\d{1,15})\.(done|failed|refused)$/.exec(name);
      if (!match) continue;
      const id = Number(match[1]);
      const kind = match[2] as "done" | "failed" | "refused";
      const file = path.join(folder, name);
      const message = (await fs.readFile(file, "utf8")).trim().slice(0, 1000);
      try {
        await report(
          this.ctx,
          actor,
          folderRobot,
          id,
          kind === "done"
            ? { done: true }
            : {
                done: false,
                message: message || "ロボットが失敗を報告しました (理由の記載なし)",
                retryable: kind === "failed",
              },
        );
        answered++;
      } catch (error) {
        // A result for a job the folder no longer holds (finished, or handed on): kept aside with why.
        if (!(error instanceof HttpError)) throw error;
        await fs.mkdir(path.join(folder, "rejected"), { recursive: true, mode: 0o700 });
        await fs.writeFile(path.join(folder, "rejected", `${name}.reason.txt`), `${error.message}\n`);
        await fs.rename(file, path.join(folder, "rejected", name));
        continue;
      }
      await fs.rm(file);
      await this.removeJobFiles(id);
    }
    return answered;
  }

  private async removeJobFiles(id: number): Promise<void> {
    const outbox = path.join(this.dir, "outbox");
    for (const scenario of await fs.readdir(outbox).catch(() => []))
      for (const ext of ["json", "csv"])
        await fs.rm(path.join(outbox, scenario, `${id}.${ext}`), { force: true });
  }
}

/** One header row and one data row, UTF-8 with a BOM (what spreadsheet-based robots open directly). */
function csvOf(record: Record<string, unknown>): string {
  const flat = flatten(record);
  return `\uFEFF${toCsv([Object.keys(flat), Object.values(flat)])}`;
}

/** `{ person: { name } }` → `person.name`; lists of records numbered (`persons.0.name`); lists of values joined with 「・」. */
function flatten(value: unknown, prefix = ""): Record<string, string> {
  if (value === null || value === undefined) return { [prefix]: "" };
  if (Array.isArray(value)) {
    if (value.every((v) => typeof v !== "object" || v === null)) return { [prefix]: value.join("・") };
    return Object.assign({}, ...value.map((v, i) => flatten(v, `${prefix}.${i}`)));
  }
  if (typeof value === "object")
    return Object.assign(
      {},
      ...Object.entries(value).map(([k, v]) => flatten(v, prefix ? `${prefix}.${k}` : k)),
    );
  return { [prefix]: String(value) };
}
