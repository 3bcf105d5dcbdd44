import fs from "node:fs/promises";
import path from "node:path";
import type { Config } from "../config.ts";

/**
 * The folders outside the database that hold copies of personal data: the feed drop folder (what
 * the core systems delivered, kept under done/ and failed/, and uploads) and the RPA folder (jobs
 * written for robots and their answers). The folders themselves stay, as the core systems and
 * robots write into them by path.
 */
export function personalDataFolders(config: Config): string[] {
  const feeds = ["inbox", "processing", "done", "failed", "uploads"].map((sub) =>
    path.join(config.feeds.dir, sub),
  );
  const rpa = config.rpaFolder
    ? ["outbox", "results"].map((sub) => path.join(config.rpaFolder?.dir ?? "", sub))
    : [];
  return [...feeds, ...rpa];
}

/** Deletes every file below each folder (sub-folders emptied and removed); returns the count per folder. */
export async function eraseFolderFiles(folders: readonly string[]): Promise<Record<string, number>> {
  const erased: Record<string, number> = {};
  for (const folder of folders) {
    erased[folder] = await emptyFolder(folder);
  }
  return erased;
}

async function emptyFolder(folder: string): Promise<number> {
  let entries: import("node:fs").Dirent[];
  try {
    entries = await fs.readdir(folder, { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return 0;
    throw error;
  }
  let count = 0;
  for (const entry of entries) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) {
      count += await emptyFolder(full);
      await fs.rmdir(full);
    } else {
      await fs.rm(full, { force: true });
      count++;
    }
  }
  return count;
}
