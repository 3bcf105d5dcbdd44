import { defineConfig } from "vitest/config";

const reportDir = process.env.ICHIMADO_REPORT_DIR;

export default defineConfig({
  test: {
    // CI sums the JSON report; people read the default one.
    reporters: reportDir ? ["default", ["json", { outputFile: `${reportDir}/vitest.json` }]] : ["default"],
    // Two cores: each server test file runs its own database, two at a time.
    maxWorkers: 2,
    projects: [
      { test: { name: "core", include: ["core/src/**/*.test.ts", "cardreader/src/**/*.test.ts"] } },
      {
        test: {
          name: "server",
          include: ["server/src/**/*.test.ts", "tools/src/**/*.test.ts"],
          // Each test file starts its own database (PGlite child or a fresh PostgreSQL database).
          testTimeout: 60_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
