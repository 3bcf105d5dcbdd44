import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const module = fileURLToPath(new URL("./priority.ts", import.meta.url));

/** The nice value of every thread of a child that lowered its priority, read from /proc. */
function childThreadNices(call: string): number[] {
  const script = `
    import fs from "node:fs";
    import { lowerPriority } from ${JSON.stringify(module)};
    ${call}
    // Work that starts the garbage collector's and the thread pool's threads.
    const kept = []; for (let i = 0; i < 200000; i++) kept.push({ i, s: String(i) });
    await new Promise((r) => fs.readFile(${JSON.stringify(module)}, r));
    const nices = fs.readdirSync("/proc/self/task").map((t) =>
      Number(fs.readFileSync("/proc/self/task/" + t + "/stat", "utf8").split(") ")[1].split(" ")[16]));
    console.log(JSON.stringify({ nices, kept: kept.length }));`;
  const out = execFileSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], {
    encoding: "utf8",
  });
  return (JSON.parse(out) as { nices: number[] }).nices;
}

describe.runIf(process.platform === "linux")("an import process's priority", () => {
  it("is lowered for every thread, not only the main one", () => {
    const nices = childThreadNices("lowerPriority();");
    expect(nices.length).toBeGreaterThan(1);
    expect(new Set(nices)).toEqual(new Set([19]));
    // What os.setPriority alone does: the other threads stay at 0.
    expect(childThreadNices("(await import('node:os')).default.setPriority(19);")).toContain(0);
  });
});
