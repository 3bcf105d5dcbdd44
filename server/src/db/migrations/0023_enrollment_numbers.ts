import { sql } from "kysely";
import type { AppMigration } from "./types.ts";

/**
 * 宛名検索 by a qualification number (被保険者番号, 受給者番号 …) looks into each enrollment's
 * attributes with `@>`; a GIN index over them (jsonb_path_ops: containment only, smaller) keeps that
 * an index lookup at the city's hundreds of thousands of enrollments. Created on the partitioned
 * table, so every feed's partition, present and future, has it.
 */
export const enrollmentNumbers: AppMigration = {
  async up(db) {
    await sql`create index enrollment_attributes on enrollment using gin (attributes jsonb_path_ops)`.execute(
      db,
    );
  },
};
