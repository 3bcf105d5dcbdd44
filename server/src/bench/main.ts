/**
 * Benchmarks: `npm run bench -- <name> [options]`. Each prints a Markdown table meant for
 * docs/BENCHMARKS.md, with the command that produced it.
 */
const benches: Record<string, () => Promise<{ run(args: string[]): Promise<void> }>> = {
  catalog: () => import("./catalog-bench.ts"),
  import: () => import("./import-bench.ts"),
  load: () => import("./load-bench.ts"),
  pdf: () => import("./pdf-bench.ts"),
  search: () => import("./search-bench.ts"),
};

const [name, ...args] = process.argv.slice(2);
const load = name ? benches[name] : undefined;
if (!load) {
  console.error(`使い方: npm run bench -- <${Object.keys(benches).join("|")}> [options]`);
  process.exitCode = 2;
} else {
  await (await load()).run(args);
}

export {};
