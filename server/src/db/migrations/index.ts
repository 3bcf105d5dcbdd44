import { foundation } from "./0001_foundation.ts";
import type { AppMigration } from "./types.ts";

/** In order; names are stored in schema_migration and must never change once released. */
export const migrations: Record<string, AppMigration> = {
  "0001_foundation": foundation,
};
