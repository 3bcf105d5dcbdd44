import { type CertificateSettingsView, certificateSettingsSchema } from "@ichimado/core/certificates/api";
import {
  type CertificateSettings,
  defaultCertificateSettings,
  describeSettingsChanges,
  type SettingsIssue,
} from "@ichimado/core/certificates/settings";
import { sql } from "kysely";
import type { AuditActor } from "../audit/writer.ts";
import { loadCatalog } from "../catalog/store.ts";
import type { Db } from "../db/database.ts";
import type { AppContext } from "../platform/context.ts";
import { HttpError } from "../platform/errors.ts";

interface CurrentSettings {
  version: number;
  settings: CertificateSettings;
}

const initial: CurrentSettings = { version: 0, settings: defaultCertificateSettings };

// A version never changes once written, so its parsed settings are kept per database; only the
// newest version number is read per call (one index lookup). Asking the database rather than
// trusting an in-process flag keeps this right after a save here and after a save by another
// server instance alike.
const parsed = new WeakMap<Db, CurrentSettings>();

/** The settings in force: the newest saved version, or the defaults (version 0) before any save. */
export async function currentCertificateSettings(db: Db): Promise<CurrentSettings> {
  const { version } = await db
    .selectFrom("certificate_settings")
    .select((eb) => eb.fn.max("version").as("version"))
    .executeTakeFirstOrThrow();
  if (version === null || version === undefined) return initial;
  const cached = parsed.get(db);
  if (cached?.version === version) return cached;
  const row = await db
    .selectFrom("certificate_settings")
    .select("settings")
    .where("version", "=", version)
    .executeTakeFirstOrThrow();
  const current = { version, settings: certificateSettingsSchema.parse(row.settings) };
  parsed.set(db, current);
  return current;
}

/**
 * The settings that were in force at a moment: the newest version saved by then, or the defaults.
 * A request's 証明書交付請求書 names its certificates, 記載事項 and purposes as they were when it was
 * accepted, even after an administrator renamed or removed one.
 */
export async function certificateSettingsAt(db: Db, at: Date): Promise<CurrentSettings> {
  const row = await db
    .selectFrom("certificate_settings")
    .select(["version", "settings"])
    .where("created_at", "<=", at)
    .orderBy("version", "desc")
    .limit(1)
    .executeTakeFirst();
  if (!row) return initial;
  return { version: row.version, settings: certificateSettingsSchema.parse(row.settings) };
}

/** The settings in force with who saved them and when, for their editor. */
export async function certificateSettingsView(db: Db): Promise<CertificateSettingsView> {
  const current = await currentCertificateSettings(db);
  const saved =
    current.version === 0
      ? undefined
      : await db
          .selectFrom("certificate_settings as c")
          .leftJoin("staff_user as s", "s.id", "c.created_by")
          .select(["c.created_at", "s.name"])
          .where("c.version", "=", current.version)
          .executeTakeFirst();
  return {
    ...current.settings,
    version: current.version,
    updated: saved ? { staffName: saved.name ?? "（不明）", at: saved.created_at.toISOString() } : null,
  };
}

/**
 * Types naming a procedure the current catalog does not have: an accepted request would add
 * nothing to the case, silently. Core checks the key's form; only here is the catalog known.
 */
export async function unknownProcedures(db: Db, settings: CertificateSettings): Promise<SettingsIssue[]> {
  const catalog = await loadCatalog(db);
  const known = new Set(catalog.procedures.map((p) => p.key));
  return settings.types.flatMap((t, i) =>
    t.procedureKey === null || known.has(t.procedureKey)
      ? []
      : [
          {
            path: `types.${i}.procedureKey`,
            message: `証明書の種類「${t.name}」のカタログの手続き ${t.procedureKey} は手続きカタログにありません。カタログの手続きか「なし」を選んでください`,
          },
        ],
  );
}

// Any constant will do; it only has to be the same for every writer of the settings.
const settingsLockId = 4_611_020_214;

/**
 * Saves checked settings as the next version, if the version the editor loaded is still the newest
 * (else 409, nothing saved), with an audit row naming the version and what changed, all in one
 * transaction. Two editors saving at once queue on the lock, so the second one is told, not lost.
 */
export async function saveCertificateSettings(
  ctx: AppContext,
  actor: AuditActor & { staffId: number },
  expectedVersion: number,
  settings: CertificateSettings,
): Promise<CertificateSettingsView> {
  return ctx.db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(${settingsLockId})`.execute(trx);
    const current = await currentCertificateSettings(trx);
    if (current.version !== expectedVersion)
      throw new HttpError(
        409,
        "CONFLICT",
        `証明書の設定は他の職員が更新しました（版 ${current.version}）。最新の版を読み込み直してから変更してください`,
      );
    const version = current.version + 1;
    const { created_at } = await trx
      .insertInto("certificate_settings")
      .values({ version, settings: JSON.stringify(settings), created_by: actor.staffId })
      .returning("created_at")
      .executeTakeFirstOrThrow();
    const staff = await trx
      .selectFrom("staff_user")
      .select("name")
      .where("id", "=", actor.staffId)
      .executeTakeFirstOrThrow();
    const changes = describeSettingsChanges(current.settings, settings);
    await ctx.audit.write(trx, actor, {
      action: "settings.change",
      target: "certificates:settings",
      detail: {
        version,
        baseVersion: current.version,
        changes: changes.slice(0, 30),
        changed: changes.length,
      },
      outcome: "success",
    });
    // The version saved here, even if another save follows before the answer is sent.
    return { ...settings, version, updated: { staffName: staff.name, at: created_at.toISOString() } };
  });
}
