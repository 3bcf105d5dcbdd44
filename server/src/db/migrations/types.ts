import type { Kysely } from "kysely";

/** Migrations must not depend on today's table types: they describe the schema as it was then. */
// biome-ignore lint/suspicious/noExplicitAny: Kysely's documented type for migrations
export type MigrationDb = Kysely<any>;

export interface AppMigration {
  up(db: MigrationDb, appRole: string): Promise<void>;
}
