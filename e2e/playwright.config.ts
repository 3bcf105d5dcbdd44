import { defineConfig, type ReporterDescription } from "@playwright/test";
import { e2eEnvironment } from "./support/environment.ts";

// A port per run, so two suites on one machine (a CI run and a developer's) cannot meet.
// Set once in the runner; its workers inherit the environment and so the same port.
// Chromium refuses its "unsafe" ports (ERR_UNSAFE_PORT); 3659 is the one in this range.
const picked = 3100 + (process.pid % 800);
process.env.E2E_PORT ??= String(picked === 3659 ? 3660 : picked);
const port = Number(process.env.E2E_PORT);
const baseURL = `http://127.0.0.1:${port}`;
// cardreader.spec.ts starts the simulated card-reader bridge here; the server's CSP must name it.
process.env.E2E_CARD_BRIDGE_PORT ??= String(port + 40000);
const environment = e2eEnvironment();

const reporter: ReporterDescription[] = [["list"]];
if (process.env.ICHIMADO_REPORT_DIR) {
  reporter.push(["json", { outputFile: `${process.env.ICHIMADO_REPORT_DIR}/playwright.json` }]);
}

const serverEnv: Record<string, string> = {
  PORT: String(port),
  HOST: "127.0.0.1",
  ICHIMADO_DATA_DIR: environment.dataDir,
  DEMO_RESIDENTS: "2000",
  LOG_LEVEL: "warn",
  CARD_BRIDGE_URL: `http://127.0.0.1:${process.env.E2E_CARD_BRIDGE_PORT}`,
};
if (environment.databaseUrl) serverEnv.DATABASE_URL = environment.databaseUrl;

export default defineConfig({
  testDir: ".",
  testMatch: "**/*.spec.ts",
  workers: 1,
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  // One retry in CI, where a lost run costs a whole landing; a test that passes only on retry is
  // still reported (Playwright's "flaky", counted apart by .ci/run) so it gets mended, not hidden.
  retries: process.env.CI ? 1 : 0,
  reporter,
  globalTeardown: "./global-teardown.ts",
  use: {
    baseURL,
    locale: "ja-JP",
    timezoneId: "Asia/Tokyo",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects: [{ name: "chromium", use: { browserName: "chromium" } }],
  webServer: {
    command: "node --import tsx server/src/main.ts --demo",
    cwd: "..",
    env: serverEnv,
    url: `${baseURL}/healthz`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
  },
});
