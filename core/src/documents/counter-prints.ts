import { z } from "zod";
import { shownAddressSchema } from "../search/schemas.ts";
import { periodDays } from "../statistics/period.ts";
import { printedDocumentSchema } from "./api.ts";

/**
 * 帳票の印刷 outside a single case (G26–G29): the counter's print history, and blank forms and
 * leaflets printed with no case data. Shared by the server's routes and the screen.
 */

/** The longest period the counter's history covers at once: a month, so a page stays small. */
export const maxPrintHistoryDays = 31;
/** The most documents one answer lists, newest first; older ones need a shorter period. */
export const printHistoryLimit = 200;

const isoDate = (label: string) =>
  z.iso.date({ error: `${label}は YYYY-MM-DD の形の日付で指定してください` }).optional();

/** Either end left out is today (Japan time), so the plain request is 「今日の印刷」. */
export const counterPrintsQuerySchema = z
  .object({
    from: isoDate("期間の初日").meta({ description: "期間の初日 (日本時間、この日を含む)。省略時は今日" }),
    to: isoDate("期間の末日").meta({ description: "期間の末日 (日本時間、この日を含む)。省略時は今日" }),
  })
  .superRefine((q, issue) => {
    if (!q.from || !q.to) return;
    const days = periodDays(q.from, q.to);
    if (days < 1) {
      issue.addIssue({
        code: "custom",
        path: ["to"],
        message: "期間の末日は初日と同じ日か後の日にしてください",
      });
    } else if (days > maxPrintHistoryDays) {
      issue.addIssue({
        code: "custom",
        path: ["to"],
        message: `期間は${maxPrintHistoryDays}日以内にしてください (指定は${days}日間です)`,
      });
    }
  });
export type CounterPrintsQuery = z.infer<typeof counterPrintsQuerySchema>;

/** A person on a printed document as the case screen shows them: the address through the masking policy. */
const printedPersonSchema = z.object({
  id: z.string(),
  name: z.string(),
  supportMeasure: z.boolean(),
  address: shownAddressSchema,
});

export const counterPrintSchema = printedDocumentSchema.extend({
  caseId: z.number(),
  persons: z.array(printedPersonSchema),
});
export type CounterPrint = z.infer<typeof counterPrintSchema>;

export const counterPrintsSchema = z.object({
  /** the period actually listed (the defaults filled in) */
  from: z.string(),
  to: z.string(),
  counterName: z.string(),
  documents: z.array(counterPrintSchema),
  /** more were printed in the period than listed */
  truncated: z.boolean(),
});
export type CounterPrints = z.infer<typeof counterPrintsSchema>;

const keys = (what: string) =>
  z.array(z.string().min(1).max(61)).max(20, `一度に印刷できる${what}は20件までです`).default([]);

/** 様式・リーフレット: blank forms (no case data) and leaflets, printed together as one PDF, in this order. */
export const blankPrintRequestSchema = z
  .object({ templates: keys("様式"), leaflets: keys("リーフレット") })
  .refine((r) => r.templates.length + r.leaflets.length > 0, {
    message: "印刷する様式かリーフレットを選んでください",
    path: ["templates"],
  });
export type BlankPrintRequest = z.infer<typeof blankPrintRequestSchema>;

/** The leaflets a clerk may print (the newest version of each). */
export const printableLeafletListSchema = z.object({
  leaflets: z.array(z.object({ key: z.string(), name: z.string(), pages: z.number() })),
});
