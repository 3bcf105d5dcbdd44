import { defaultIdentityDocuments, type IdentityDocumentKind } from "@ichimado/core/cases/identity";
import { defaultProcedures } from "@ichimado/core/catalog/default-catalog";
import { type ProcedureDefinition, procedureDefinitionSchema } from "@ichimado/core/catalog/procedures";
import type { Kysely } from "kysely";
import type { Db } from "../db/database.ts";
import type { Database } from "../db/schema.ts";

/**
 * The procedure catalog and the identity-document list, as stored. A new database starts from the
 * defaults in core; a city's edits (catalog administration) are never overwritten.
 */
export async function seedCatalog(db: Kysely<Database>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const procedures = await trx.selectFrom("procedure_definition").select("key").limit(1).execute();
    if (procedures.length === 0) {
      await trx
        .insertInto("procedure_definition")
        .values(defaultProcedures.map((d, i) => ({ key: d.key, definition: JSON.stringify(d), position: i })))
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

/** Every stored definition, in catalog order; a row that no longer parses is a configuration error. */
export async function loadProcedures(db: Db): Promise<ProcedureDefinition[]> {
  const rows = await db
    .selectFrom("procedure_definition")
    .select(["key", "definition"])
    .orderBy("position")
    .orderBy("key")
    .execute();
  return rows.map((r) => procedureDefinitionSchema.parse(r.definition));
}

export async function loadIdentityDocuments(db: Db): Promise<IdentityDocumentKind[]> {
  return db
    .selectFrom("identity_document_kind")
    .select(["key", "name", "tier"])
    .where("active", "=", true)
    .orderBy("position")
    .execute();
}
