import type { Kysely } from "kysely";
import type { Database } from "../db/schema.ts";

/** Generates and loads the synthetic demo city on first start (wired to the generator when it lands). */
export async function ensureDemoCity(
  _db: Kysely<Database>,
  _residents: number,
  _log: (line: string) => void,
): Promise<void> {}
