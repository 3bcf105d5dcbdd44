import { defaultIdentityDocuments, type IdentityDocumentKind } from "@ichimado/core/cases/identity";
import { type Catalog, type CatalogContent, catalogContentSchema } from "@ichimado/core/catalog/catalog-file";
import { defaultProcedures, defaultQuestions } from "@ichimado/core/catalog/default-catalog";
import type { Kysely, Transaction } from "kysely";
import { sql } from "kysely";
import type { Db } from "../db/database.ts";
import type { Database } from "../db/schema.ts";

/**
 * The procedure catalog (versioned, whole) and the identity-document list. A new database starts
 * from the defaults in core; a city's edits are never overwritten.
 */
export async function seedCatalog(db: Kysely<Database>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const version = await trx.selectFrom("catalog_version").select("version").limit(1).execute();
    if (version.length === 0) {
      const content: CatalogContent = { procedures: defaultProcedures, questions: defaultQuestions };
      await trx
        .insertInto("catalog_version")
        .values({ version: 1, catalog: JSON.stringify(content), note: "初期カタログ" })
        .execute();
    }
    const documents = await trx.selectFrom("identity_document_kind").select("key").limit(1).execute();
    if (documents.length === 0) {
      await trx
        .insertInto("identity_document_kind")
        .values(defaultIdentityDocuments.map((d, i) => ({ ...d, position: i })))
        .execute();
    }
  });
}

// Parsing a few hundred definitions costs milliseconds; a version never changes once written, so the
// parsed catalog is kept per version and only the number is read per request (cheap, and right
// across several server instances).
const parsed = new Map<number, Catalog>();

export async function loadCatalog(db: Db, version?: number): Promise<Catalog> {
  const latest =
    version ??
    (
      await db
        .selectFrom("catalog_version")
        .select((eb) => eb.fn.max("version").as("version"))
        .executeTakeFirstOrThrow()
    ).version;
  if (latest === null || latest === undefined) throw new Error("the procedure catalog has not been seeded");
  const cached = parsed.get(latest);
  if (cached) return cached;
  const row = await db
    .selectFrom("catalog_version")
    .select(["version", "catalog"])
    .where("version", "=", latest)
    .executeTakeFirstOrThrow();
  const catalog = { version: row.version, ...catalogContentSchema.parse(row.catalog) };
  parsed.set(row.version, catalog);
  return catalog;
}

// Any constant will do; it only has to be the same for every writer of the catalog.
const catalogLockId = 4_611_020_101;

/** Orders concurrent editors: take it before reading the version a change is based on. */
export async function lockCatalog(trx: Transaction<Database>): Promise<void> {
  await sql`select pg_advisory_xact_lock(${catalogLockId})`.execute(trx);
}

/** Writes a new version after the latest, under the caller's lockCatalog. */
export async function saveCatalog(
  trx: Transaction<Database>,
  content: CatalogContent,
  staffId: number,
  note: string,
): Promise<number> {
  const { version } = await trx
    .selectFrom("catalog_version")
    .select((eb) => eb.fn.max("version").as("version"))
    .executeTakeFirstOrThrow();
  const next = (version ?? 0) + 1;
  await trx
    .insertInto("catalog_version")
    .values({ version: next, catalog: JSON.stringify(content), note, created_by: staffId })
    .execute();
  return next;
}

export async function loadIdentityDocuments(db: Db): Promise<IdentityDocumentKind[]> {
  return db
    .selectFrom("identity_document_kind")
    .select(["key", "name", "tier"])
    .where("active", "=", true)
    .orderBy("position")
    .execute();
}
