import { z } from "zod";
import { catalogContentSchema, catalogFileSchema } from "./catalog-file.ts";
import { procedureDefinitionSchema } from "./procedures.ts";
import { questionDefinitionSchema } from "./questions.ts";

/** Catalog administration (P49): every save names the version it was based on. */
const baseVersion = z.number().int().positive();
const note = z.string().trim().max(200, "変更理由は200文字以内で入力してください").default("");

/** `create` says the key is new: the server refuses it when taken, and an update of a missing key. */
const create = z.boolean().default(false);

export const procedureSaveSchema = z.object({
  baseVersion,
  note,
  create,
  definition: procedureDefinitionSchema,
});
export type ProcedureSave = z.infer<typeof procedureSaveSchema>;
export const questionSaveSchema = z.object({
  baseVersion,
  note,
  create,
  definition: questionDefinitionSchema,
});
export type QuestionSave = z.infer<typeof questionSaveSchema>;

export const catalogViewSchema = catalogContentSchema.extend({
  version: z.number(),
  note: z.string(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
  counters: z.array(z.object({ id: z.string(), name: z.string() })),
  roles: z.array(z.object({ id: z.string(), name: z.string() })),
});
export type CatalogView = z.infer<typeof catalogViewSchema>;

export const catalogVersionListSchema = z.object({
  versions: z.array(
    z.object({
      version: z.number(),
      note: z.string(),
      createdAt: z.string(),
      createdBy: z.string().nullable(),
      procedures: z.number(),
      questions: z.number(),
    }),
  ),
});

/** An import names the version it replaces, like every other write. */
export const catalogImportSchema = catalogFileSchema.extend({ baseVersion });

export const catalogSavedSchema = z.object({ version: z.number() });
