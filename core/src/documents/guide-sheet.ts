import { z } from "zod";
import type { CaseProcedure, ProcedureStatus } from "../cases/schemas.ts";

/**
 * 手続き案内書 (H30): what the visitor takes home — each procedure of the case, what it is, what to
 * bring, where to go and whether it is done, in plain words. This is its content; the server lays
 * it out. The content is also what a printed guide sheet stores, so a reprint is the same sheet.
 */
export const guideItemSchema = z.object({
  name: z.string(),
  /** the person it is for, when it is for one member */
  person: z.string().nullable(),
  what: z.string(),
  bring: z.string(),
  where: z.string(),
  status: z.string(),
});
export type GuideItem = z.infer<typeof guideItemSchema>;

export const guideSheetContentSchema = z.object({
  city: z.string(),
  /** the date printed, in 和暦 */
  date: z.string(),
  visitorName: z.string().nullable(),
  items: z.array(guideItemSchema),
});
export type GuideSheetContent = z.infer<typeof guideSheetContentSchema>;

const closers: Record<string, string> = { "（": "）", "(": ")", "「": "」", "『": "』" };

/** The first sentence of a guidance text: up to the first 。 outside brackets. */
export function firstSentence(text: string): string {
  const open: string[] = [];
  const chars = [...text.trim()];
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i] as string;
    const closer = closers[c];
    if (closer) open.push(closer);
    else if (c === open[open.length - 1]) open.pop();
    else if (c === "。" && open.length === 0) return chars.slice(0, i + 1).join("");
  }
  return chars.join("");
}

/** A procedure's state as the visitor needs it: done, or still to do. */
function visitorStatus(status: ProcedureStatus): string {
  if (status === "received" || status === "reviewed" || status === "completed") return "済み";
  return "これから";
}

/**
 * The sheet's items, in the case's order. Procedures marked 不要 are left out: the visitor has
 * nothing to do for them, and listing them would only confuse.
 */
export function guideItems(
  procedures: readonly Pick<
    CaseProcedure,
    "name" | "personName" | "guidance" | "bring" | "status" | "handling" | "counter"
  >[],
): GuideItem[] {
  return procedures
    .filter((p) => p.status !== "notNeeded")
    .map((p) => ({
      name: p.name,
      person: p.personName,
      what: firstSentence(p.guidance),
      bring: p.bring.length > 0 ? p.bring.join("、") : "特にありません",
      where:
        p.handling === "handledHere"
          ? "ここで受付"
          : `${p.counter.name}${p.counter.place ? `（${p.counter.place}）` : ""}`,
      status: visitorStatus(p.status),
    }));
}
