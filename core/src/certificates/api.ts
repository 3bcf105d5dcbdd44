import { z } from "zod";
import {
  certificateTypeSchema,
  feeExemptionSchema,
  purposeSchema,
  requesterKinds,
  requestLineSchema,
} from "./schemas.ts";

/** Request and answer shapes of the certificate routes, shared by server and web. */

export const certificateSettingsSchema = z.object({
  types: z.array(certificateTypeSchema),
  purposes: z.array(purposeSchema),
  exemptions: z.array(feeExemptionSchema),
});

/**
 * The settings as administrators edit them, with the version the editor loaded: a save on any
 * other version is refused (409) rather than overwrite someone else's change.
 */
export const certificateSettingsInputSchema = certificateSettingsSchema.extend({
  expectedVersion: z.number().int().min(0),
});
export type CertificateSettingsInput = z.infer<typeof certificateSettingsInputSchema>;

/** The current settings for their editor: version 0 with no `updated` means the initial settings. */
export const certificateSettingsViewSchema = certificateSettingsSchema.extend({
  version: z.number().int().min(0),
  updated: z.object({ staffName: z.string(), at: z.string() }).nullable(),
});
export type CertificateSettingsView = z.infer<typeof certificateSettingsViewSchema>;

export const requesterSchema = z
  .object({
    kind: z.enum(requesterKinds),
    delegation: z
      .object({ present: z.boolean(), names: z.array(z.string().max(31)).max(20).default([]) })
      .strict()
      .nullable()
      .default(null),
    reason: z.string().max(500).default(""),
  })
  .strict();

/** A request as the intake screen holds it: who asks, and a line per certificate and person. */
export const certificateQuoteRequestSchema = z
  .object({
    requester: requesterSchema,
    lines: z
      .array(requestLineSchema)
      .min(1, "証明書を1件以上選んでください")
      .max(30, "一度に請求できるのは30件までです"),
    /** 発行上の指示 to the issuing clerk (I34); not printed on the visitor's form */
    instructions: z.string().max(1000, "発行上の指示は1000文字以内にしてください").default(""),
  })
  .strict();
export type CertificateQuoteRequest = z.infer<typeof certificateQuoteRequestSchema>;

const problem = z.object({
  index: z.number(),
  field: z.string(),
  message: z.string(),
  severity: z.enum(["block", "warning"]),
});

export const certificateQuoteSchema = z.object({
  lines: z.array(
    z.object({
      index: z.number(),
      certificateKey: z.string(),
      name: z.string(),
      personId: z.string(),
      quantity: z.number(),
      units: z.number(),
      amount: z.number(),
      exemption: z.object({ key: z.string(), name: z.string(), legalBasis: z.string() }).nullable(),
      breakdown: z.string(),
    }),
  ),
  total: z.number(),
  /** fee problems and who-may-request problems together, by line */
  problems: z.array(problem),
  /** true when nothing blocks: the request may be accepted as it stands */
  acceptable: z.boolean(),
});
export type CertificateQuote = z.infer<typeof certificateQuoteSchema>;

/** A request accepted into a case, with the fees as quoted then. */
export const certificateRequestListSchema = z.object({
  requests: z.array(
    z.object({
      id: z.number(),
      requester: requesterSchema,
      lines: z.array(requestLineSchema),
      fees: certificateQuoteSchema.shape.lines,
      total: z.number(),
      instructions: z.string(),
      created: z.object({ staffName: z.string(), counterName: z.string(), at: z.string() }),
    }),
  ),
});
export type CertificateRequestList = z.infer<typeof certificateRequestListSchema>;
