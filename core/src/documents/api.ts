import { z } from "zod";
import { templateFieldSchema } from "./template.ts";

/** Request and answer shapes of the document routes, shared by server and web. */

const personIdSchema = z.string().regex(/^\d{10}$/, "宛名番号は10桁の数字です");
const staffAt = z.object({ staffName: z.string(), counterName: z.string(), at: z.string() });

export const basePdfSavedSchema = z.object({
  id: z.number(),
  pages: z.array(z.object({ width: z.number(), height: z.number() })),
});

export const templateVersionSchema = z.object({
  key: z.string(),
  version: z.number(),
  name: z.string(),
  basePdfId: z.number(),
  fields: z.array(templateFieldSchema),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  created: z.object({ staffName: z.string(), at: z.string() }),
});
export type TemplateVersion = z.infer<typeof templateVersionSchema>;

export const templateVersionListSchema = z.object({ templates: z.array(templateVersionSchema) });

/** The templates in force today, for choosing what to print. */
export const printableTemplateListSchema = z.object({
  templates: z.array(z.object({ key: z.string(), version: z.number(), name: z.string() })),
});

export const templateSavedSchema = z.object({ key: z.string(), version: z.number() });

/** A template as the designer holds it, saved or not, to preview with made-up data. */
export const templateDraftSchema = z.object({
  basePdfId: z.number().int().positive(),
  fields: z.array(templateFieldSchema).max(300),
});

/** print even though a name holds a character no font can draw (the clerk was told which) */
const acknowledge = z.boolean().default(false);

export const printRequestSchema = z
  .object({
    documents: z
      .array(
        z.object({
          templateKey: z.string().min(1).max(61),
          /** the procedure the form is for: gives the person, the 住民異動届 and its answers */
          procedureId: z.number().int().positive().nullable().default(null),
          /** the person the form is about, when not the procedure's */
          personId: personIdSchema.nullable().default(null),
        }),
      )
      .max(30, "一度に印刷できるのは30件までです"),
    /** leaflets (案内チラシ) to attach after the forms, by key: each one's newest version */
    leaflets: z.array(z.string().min(1).max(61)).max(20).default([]),
    acknowledgeMissingGlyphs: acknowledge,
  })
  .refine((r) => r.documents.length + r.leaflets.length > 0, {
    message: "印刷する様式か案内チラシを選んでください",
    path: ["documents"],
  });
export type PrintRequest = z.infer<typeof printRequestSchema>;

export const reprintRequestSchema = z
  .object({ acknowledgeMissingGlyphs: acknowledge })
  .default({ acknowledgeMissingGlyphs: false });

export const guideSheetQuerySchema = z.object({
  acknowledgeMissingGlyphs: z
    .enum(["true", "false"])
    .default("false")
    .transform((v) => v === "true"),
});

export const leafletListSchema = z.object({
  leaflets: z.array(
    z.object({
      key: z.string(),
      version: z.number(),
      name: z.string(),
      pages: z.number(),
      created: z.object({ staffName: z.string(), at: z.string() }),
    }),
  ),
});
export const leafletSavedSchema = z.object({ key: z.string(), version: z.number(), pages: z.number() });

export const printedDocumentSchema = z.object({
  id: z.number(),
  /** documents printed together share a job */
  job: z.string(),
  kind: z.enum(["form", "guideSheet", "certificateRequestForm"]),
  templateKey: z.string().nullable(),
  templateVersion: z.number().nullable(),
  name: z.string(),
  procedureName: z.string().nullable(),
  persons: z.array(z.object({ id: z.string(), name: z.string() })),
  reprintOf: z.number().nullable(),
  printed: staffAt,
});
export type PrintedDocument = z.infer<typeof printedDocumentSchema>;

export const printHistorySchema = z.object({ documents: z.array(printedDocumentSchema) });
