import { z } from "zod";
import { programmeKeySchema } from "../programmes/programmes.ts";
import { procedureScopeSchema } from "./procedures.ts";

/** A catalog entry as the reception screen lists it (to add a procedure by hand). */
export const catalogEntrySchema = z.object({
  key: z.string(),
  name: z.string(),
  programme: programmeKeySchema,
  programmeLabel: z.string(),
  scope: procedureScopeSchema,
  counterName: z.string(),
  /** the rule in plain Japanese, or null when the procedure is only added by hand */
  ruleText: z.string().nullable(),
});
export type CatalogEntry = z.infer<typeof catalogEntrySchema>;
