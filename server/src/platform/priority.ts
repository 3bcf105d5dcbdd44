import fs from "node:fs";
import os from "node:os";

/**
 * Puts this whole process at the lowest CPU priority (nice 19). `os.setPriority` alone changes only
 * the calling thread on Linux: V8's garbage-collection and compiler threads, started before it,
 * kept nice 0 and competed with the counter's requests while an import parsed hundreds of
 * megabytes (measured: searches during an import slowed as much with the import niced as without).
 * Every thread already running is reniced by its id; threads started later inherit from the main
 * thread. Elsewhere than Linux only the process's own priority is set.
 */
export function lowerPriority(priority = 19): void {
  os.setPriority(priority);
  let threads: string[];
  try {
    threads = fs.readdirSync("/proc/self/task");
  } catch {
    return;
  }
  for (const tid of threads) {
    try {
      os.setPriority(Number(tid), priority);
    } catch {
      // A thread that ended between the listing and now.
    }
  }
}

/**
 * Lowers a child process's priority from the parent as soon as it exists, so that the threads its
 * runtime starts while loading (and the TypeScript compile of its modules) inherit it; the child
 * calls `lowerPriority` as well for any thread started before this.
 */
export function lowerChildPriority(child: { pid?: number | undefined }, priority = 19): void {
  if (child.pid === undefined) return;
  try {
    os.setPriority(child.pid, priority);
  } catch {
    // Already gone: its exit is handled where it was started.
  }
}
