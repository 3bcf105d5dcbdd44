import { type ChildProcess, fork } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

const childEntry = new URL("./embedded-child.ts", import.meta.url).pathname;

/**
 * Starts PGlite on `dataDir` (or in memory) in a child process and returns a postgres:// URL for it.
 * A lock file keeps two servers from opening the same data folder, which would corrupt it.
 */
export async function startEmbeddedDatabase(dataDir: string | "memory:"): Promise<EmbeddedDatabase> {
  let lockFile: string | undefined;
  if (dataDir !== "memory:") {
    fs.mkdirSync(dataDir, { recursive: true });
    lockFile = path.join(dataDir, "..", `${path.basename(dataDir)}.lock`);
    await takeLock(lockFile);
  }
  const child = fork(childEntry, [dataDir], {
    execArgv: ["--import", "tsx"],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  // The child is what writes the folder: a server killed with SIGKILL leaves it closing the
  // database for a moment, and a restarted server must not open the folder until it has gone.
  if (lockFile && child.pid) fs.writeFileSync(lockFile, `${process.pid} ${child.pid}`);
  try {
    const port = await waitForPort(child);
    return {
      url: `postgres://postgres@127.0.0.1:${port}/postgres`,
      stop: () => stopChild(child, lockFile),
    };
  } catch (error) {
    child.kill("SIGKILL");
    if (lockFile) fs.rmSync(lockFile, { force: true });
    throw error;
  }
}

async function takeLock(lockFile: string, waitMs = 30_000): Promise<void> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    try {
      fs.writeFileSync(lockFile, String(process.pid), { flag: "wx" });
      return;
    } catch {
      const holders = fs.readFileSync(lockFile, "utf8").split(/\s+/).map(Number).filter(Boolean);
      const alive = holders.find(isAlive);
      if (alive === undefined) {
        fs.writeFileSync(lockFile, String(process.pid));
        return;
      }
      if (Date.now() > deadline) {
        throw new Error(`データフォルダは別のプロセス (pid ${alive}) が使用中です: ${lockFile}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function waitForPort(child: ChildProcess): Promise<number> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error("組み込みデータベースの起動がタイムアウトしました")),
      120_000,
    );
    child.once("message", (msg: unknown) => {
      clearTimeout(timer);
      const port = (msg as { port?: unknown }).port;
      if (typeof port === "number") resolve(port);
      else reject(new Error("組み込みデータベースから不正な応答がありました"));
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`組み込みデータベースが終了しました (code ${code})`));
    });
  });
}

function stopChild(child: ChildProcess, lockFile: string | undefined): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      if (lockFile) fs.rmSync(lockFile, { force: true });
      resolve();
    };
    if (child.exitCode !== null || child.signalCode !== null) return done();
    const killer = setTimeout(() => child.kill("SIGKILL"), 30_000);
    child.once("exit", () => {
      clearTimeout(killer);
      done();
    });
    child.kill("SIGTERM");
  });
}
