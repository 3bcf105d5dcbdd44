import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { Kysely } from "kysely";
import { AuditWriter } from "../audit/writer.ts";
import { AuthService } from "../auth/service.ts";
import type { Config } from "../config.ts";
import { type DatabaseHandle, openDatabase } from "../db/database.ts";
import type { Database } from "../db/schema.ts";
import { FeedImportService } from "../registry/feeds/service.ts";
import { gaijiFontFile } from "../registry/gaiji/font-file.ts";
import type { AppContext } from "./context.ts";

/**
 * The audit chain's key: from ICHIMADO_AUDIT_KEY in production (config refuses to start without
 * it); in demo and test mode, made once and kept beside the data so a restart verifies the same chain.
 */
export function resolveAuditKey(config: Config): string {
  if (config.auditKey) return config.auditKey;
  if (config.mode === "production") throw new Error("ICHIMADO_AUDIT_KEY is required in production");
  const file = path.join(config.dataDir, "audit.key");
  if (fs.existsSync(file)) return fs.readFileSync(file, "utf8").trim();
  fs.mkdirSync(config.dataDir, { recursive: true });
  const key = randomBytes(32).toString("hex");
  fs.writeFileSync(file, key, { mode: 0o600 });
  return key;
}

export function openConfiguredDatabase(config: Config, migrate = true): Promise<DatabaseHandle> {
  return openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: path.join(config.dataDir, "pgdata"),
    role: config.dbRole,
    poolSize: config.dbPoolSize,
    migrate,
  });
}

export function createContext(
  config: Config,
  database: { db: Kysely<Database>; ownerUrl: string },
  auditKey: string,
): AppContext {
  const { db, ownerUrl } = database;
  const audit = new AuditWriter(auditKey);
  return {
    config,
    db,
    audit,
    auditKey,
    feeds: new FeedImportService({
      ownerUrl,
      appRole: config.dbRole,
      db,
      audit,
      fontFile: () => gaijiFontFile(config),
    }),
    auth: new AuthService(db, audit, {
      idleMs: config.session.idleMs,
      absoluteMs: config.session.absoluteMs,
      maxFailures: config.login.maxFailures,
      lockoutMs: config.login.lockoutMs,
    }),
  };
}
