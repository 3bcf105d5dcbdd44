import { z } from "zod";

/** A 町字 of the address master, for address input. */
export const townSchema = z.object({
  code: z.string(),
  name: z.string(),
  nameKana: z.string(),
  postalCode: z.string(),
});
export type Town = z.infer<typeof townSchema>;
