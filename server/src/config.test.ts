import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./config.ts";

const run = promisify(execFile);

describe("configuration", () => {
  it("names the variable and the reason for a bad value", () => {
    expect(() => loadConfig({ ICHIMADO_MODE: "demo", PORT: "eighty" })).toThrow(ConfigError);
    expect(() => loadConfig({ ICHIMADO_MODE: "demo", PORT: "eighty" })).toThrow(/PORT/);
    expect(() => loadConfig({ ICHIMADO_MODE: "demo", DATABASE_URL: "mysql://x" })).toThrow(/DATABASE_URL/);
  });

  it("has no default secret outside demo mode", () => {
    expect(() => loadConfig({})).toThrow(/ICHIMADO_AUDIT_KEY/);
    expect(() => loadConfig({ ICHIMADO_AUDIT_KEY: "too-short" })).toThrow(/32文字以上/);
    const ok = loadConfig({ ICHIMADO_AUDIT_KEY: "k".repeat(32) });
    expect(ok.mode).toBe("production");
    expect(loadConfig({ ICHIMADO_MODE: "demo" }).auditKey).toBeUndefined();
  });

  it("stops the server process with exit code 2 and the reason", async () => {
    const failure = await run("node", ["--import", "tsx", "server/src/main.ts"], {
      env: { ...process.env, ICHIMADO_MODE: "production", ICHIMADO_AUDIT_KEY: "", SESSION_IDLE_MINUTES: "0" },
    }).catch((e: { code: number; stderr: string }) => e);
    expect("code" in failure && failure.code).toBe(2);
    expect((failure as { stderr: string }).stderr).toMatch(/SESSION_IDLE_MINUTES/);
  });
});
