import { createHash, randomBytes } from "node:crypto";
import type { ApiScope } from "@ichimado/core/auth/permissions";
import { sql } from "kysely";
import type { Db } from "../db/database.ts";
import type { OwnerDb } from "../db/owner.ts";

/** A robot or another system, as an API token names it. */
export interface ApiClient {
  id: number;
  name: string;
  scopes: readonly string[];
}

const prefix = "ichimado_";
const hashOf = (token: string) => createHash("sha256").update(token).digest("hex");

/**
 * Issues a token: 32 random bytes, shown once; only its hash is kept. The name says who holds it
 * in the audit log (`api:<name>`).
 */
export async function createApiToken(
  db: OwnerDb,
  input: { name: string; scopes: readonly ApiScope[]; createdBy: number | null },
): Promise<string> {
  const token = `${prefix}${randomBytes(32).toString("base64url")}`;
  await db
    .insertInto("api_token")
    .values({
      name: input.name,
      token_hash: hashOf(token),
      scopes: sql`${sql.val([...input.scopes])}::text[]`,
      created_by: input.createdBy,
    })
    .execute();
  return token;
}

export async function revokeApiToken(db: OwnerDb, name: string): Promise<boolean> {
  const result = await db
    .updateTable("api_token")
    .set({ revoked_at: new Date() })
    .where("name", "=", name)
    .where("revoked_at", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** The client behind an `Authorization: Bearer` header, or null for a missing, unknown or revoked token. */
export async function resolveApiToken(db: Db, header: string | undefined): Promise<ApiClient | null> {
  const token = /^Bearer\s+(\S+)$/i.exec(header ?? "")?.[1];
  if (!token?.startsWith(prefix) || token.length > 200) return null;
  const row = await db
    .updateTable("api_token")
    .set({ last_used_at: new Date() })
    .where("token_hash", "=", hashOf(token))
    .where("revoked_at", "is", null)
    .returning(["id", "name", "scopes"])
    .executeTakeFirst();
  return row ? { id: row.id, name: row.name, scopes: row.scopes } : null;
}
