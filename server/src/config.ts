import path from "node:path";
import { type RpaScenario, rpaScenarioSchema, rpaScenarios } from "@ichimado/core/rpa/scenarios";
import { z } from "zod";

/**
 * Environment → validated configuration. The process refuses to start on a bad value, with the
 * variable's name and the reason, so an operator never runs on a silent default.
 */
const boolean = z
  .enum(["true", "false", "1", "0", "yes", "no"])
  .transform((v) => v === "true" || v === "1" || v === "yes");

const envSchema = z.object({
  ICHIMADO_MODE: z.enum(["demo", "production", "test"]).default("production"),
  HOST: z.string().min(1).default("127.0.0.1"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "postgres:// で始まる接続文字列を指定してください")
    .optional(),
  ICHIMADO_DATA_DIR: z.string().min(1).default("./data"),
  ICHIMADO_AUDIT_KEY: z.string().min(32, "32文字以上の秘密鍵を指定してください").optional(),
  ICHIMADO_DB_ROLE: z
    .string()
    .regex(/^[a-z_][a-z0-9_]{0,62}$/, "英小文字・数字・_ で指定してください")
    .default("ichimado_app"),
  SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(30),
  SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).max(72).default(12),
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
  // per staff member; a clerk searches a few times a minute, a script scraping the register hundreds
  SEARCH_RATE_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(120),
  // per client address and login ID, on top of the account lockout
  LOGIN_RATE_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(30),
  LOCKOUT_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(15),
  COOKIE_SECURE: z.enum(["auto", "true", "false"]).default("auto"),
  TRUST_PROXY: boolean.default(false),
  DB_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(20),
  DEMO_RESIDENTS: z.coerce.number().int().min(0).max(5_000_000).default(172_000),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  WEB_DIST: z.string().optional(),
  FEED_DIR: z.string().min(1).optional(),
  FEED_POLL_SECONDS: z.coerce.number().int().min(0).max(86_400).default(30),
  FEED_UPLOAD_MAX_MB: z.coerce.number().int().min(1).max(4_096).default(300),
  RPA_FOLDER: z.string().min(1).optional(),
  RPA_FOLDER_SCENARIOS: z.string().default(""),
  RPA_FOLDER_POLL_SECONDS: z.coerce.number().int().min(1).max(3_600).default(10),
  GAIJI_FONT: z.string().min(1).optional(),
  DOCUMENT_NAME_FONT: z.string().min(1).default("/usr/share/fonts/truetype/ipamj/ipamjm.ttf"),
  DOCUMENT_BODY_FONT: z.string().min(1).default("/usr/share/fonts/opentype/ipaexfont-mincho/ipaexm.ttf"),
  CARD_BRIDGE_URL: z
    .string()
    .refine(
      (v) => v === "" || URL.canParse(v),
      "http://127.0.0.1:47101 のようなURLを指定してください (空で無効)",
    )
    .default("http://127.0.0.1:47101"),
});

export type Env = z.infer<typeof envSchema>;

export interface Config {
  mode: Env["ICHIMADO_MODE"];
  host: string;
  port: number;
  databaseUrl: string | undefined;
  dataDir: string;
  /** Secret for the audit chain's HMAC; undefined only in demo/test mode, where it is kept in the data dir. */
  auditKey: string | undefined;
  dbRole: string;
  session: { idleMs: number; absoluteMs: number; cookieSecure: "auto" | boolean };
  login: { maxFailures: number; lockoutMs: number; ratePerMinute: number };
  search: { ratePerMinute: number };
  trustProxy: boolean;
  dbPoolSize: number;
  demoResidents: number;
  logLevel: Env["LOG_LEVEL"];
  webDist: string;
  feeds: {
    /** Drop folder: core systems put files in inbox/; done/ and failed/ keep what was processed. */
    dir: string;
    /** How often the inbox is looked at; 0 turns the watcher off. */
    pollMs: number;
    uploadMaxBytes: number;
  };
  /**
   * RPA for robots that read files: jobs of the listed scenarios are written to `dir/outbox/<scenario>/`
   * and their results read from `dir/results/`. Off unless RPA_FOLDER is set.
   */
  rpaFolder: { dir: string; scenarios: RpaScenario[]; pollMs: number } | undefined;
  /** The font names are drawn with (an uploaded one, GAIJI_FONT, or IPAmj明朝 from Debian). */
  gaiji: { uploadedFont: string; configuredFont: string | undefined; systemFont: string };
  /**
   * Fonts printed documents embed: names and addresses in IPAmj明朝 (Moji_Joho IVS), body text in
   * IPAex明朝 (Debian fonts-ipamj-mincho, fonts-ipaexfont). The gaiji font above is the fallback
   * for the city's private-use codes. Checked when a document is printed, not at start-up, so a
   * server that prints nothing does not need them.
   */
  documents: { nameFont: string; bodyFont: string };
  /** The counter PCs' card-reader bridge (cardreader/README.md) as an origin; undefined turns it off. */
  cardBridgeOrigin: string | undefined;
}

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new ConfigError(`設定値が不正です (environment is invalid):\n${lines.join("\n")}`);
  }
  const e = parsed.data;
  if (e.ICHIMADO_MODE === "production" && !e.ICHIMADO_AUDIT_KEY) {
    throw new ConfigError(
      "ICHIMADO_AUDIT_KEY が未設定です。本番モードでは監査証跡の改ざん検知用の秘密鍵 (32文字以上) が必要です",
    );
  }
  const folderScenarios = e.RPA_FOLDER_SCENARIOS.split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const unknownScenario = folderScenarios.find((s) => !rpaScenarioSchema.safeParse(s).success);
  if (unknownScenario)
    throw new ConfigError(
      `RPA_FOLDER_SCENARIOS のシナリオ ${unknownScenario} はありません (使えるもの: ${rpaScenarios.join(", ")})`,
    );
  return {
    mode: e.ICHIMADO_MODE,
    host: e.HOST,
    port: e.PORT,
    databaseUrl: e.DATABASE_URL,
    dataDir: path.resolve(e.ICHIMADO_DATA_DIR),
    auditKey: e.ICHIMADO_AUDIT_KEY,
    dbRole: e.ICHIMADO_DB_ROLE,
    session: {
      idleMs: e.SESSION_IDLE_MINUTES * 60_000,
      absoluteMs: e.SESSION_ABSOLUTE_HOURS * 3_600_000,
      cookieSecure: e.COOKIE_SECURE === "auto" ? "auto" : e.COOKIE_SECURE === "true",
    },
    login: {
      maxFailures: e.LOGIN_MAX_FAILURES,
      lockoutMs: e.LOCKOUT_MINUTES * 60_000,
      ratePerMinute: e.LOGIN_RATE_PER_MINUTE,
    },
    search: { ratePerMinute: e.SEARCH_RATE_PER_MINUTE },
    trustProxy: e.TRUST_PROXY,
    dbPoolSize: e.DB_POOL_SIZE,
    demoResidents: e.DEMO_RESIDENTS,
    logLevel: e.LOG_LEVEL,
    webDist: path.resolve(e.WEB_DIST ?? new URL("../../web/dist", import.meta.url).pathname),
    feeds: {
      dir: path.resolve(e.FEED_DIR ?? path.join(e.ICHIMADO_DATA_DIR, "feeds")),
      pollMs: e.FEED_POLL_SECONDS * 1000,
      uploadMaxBytes: e.FEED_UPLOAD_MAX_MB * 1024 * 1024,
    },
    rpaFolder: e.RPA_FOLDER
      ? {
          dir: path.resolve(e.RPA_FOLDER),
          scenarios:
            folderScenarios.length > 0
              ? folderScenarios.map((s) => rpaScenarioSchema.parse(s))
              : [...rpaScenarios],
          pollMs: e.RPA_FOLDER_POLL_SECONDS * 1000,
        }
      : undefined,
    gaiji: {
      uploadedFont: path.resolve(e.ICHIMADO_DATA_DIR, "gaiji", "font"),
      configuredFont: e.GAIJI_FONT ? path.resolve(e.GAIJI_FONT) : undefined,
      systemFont: "/usr/share/fonts/truetype/ipamj/ipamjm.ttf",
    },
    documents: {
      nameFont: path.resolve(e.DOCUMENT_NAME_FONT),
      bodyFont: path.resolve(e.DOCUMENT_BODY_FONT),
    },
    cardBridgeOrigin: e.CARD_BRIDGE_URL ? new URL(e.CARD_BRIDGE_URL).origin : undefined,
  };
}
