import { z } from "zod";
import { counterSummarySchema } from "../auth/schemas.ts";

/**
 * 定型文 (memoTemplate, O46): phrases staff insert into a text and then edit. A template is shared
 * (every counter) or belongs to one counter, and serves one kind of text.
 */

export const memoTemplateTextMax = 200;

export const memoTemplateUses = ["caseMemo", "certificateInstructions"] as const;
export const memoTemplateUseSchema = z.enum(memoTemplateUses, "定型文の用途を選んでください");
export type MemoTemplateUse = z.infer<typeof memoTemplateUseSchema>;
export const memoTemplateUseLabels: Record<MemoTemplateUse, string> = {
  caseMemo: "対応のメモ",
  certificateInstructions: "証明書の発行上の指示",
};

/** What an administrator writes, for a new template and for an edit alike. */
export const memoTemplateInputSchema = z
  .object({
    use: memoTemplateUseSchema,
    /** null: shared by every counter */
    counterId: z.string("窓口を選んでください").min(1, "窓口を選んでください").max(40).nullable(),
    text: z
      .string("定型文を入力してください")
      .trim()
      .min(1, "定型文を入力してください")
      .max(memoTemplateTextMax, `定型文は${memoTemplateTextMax}文字以内にしてください`),
    /** smaller first; equal ones keep the order they were made in */
    sortOrder: z
      .number("並び順は整数で入力してください")
      .int("並び順は整数で入力してください")
      .min(0, "並び順は0以上にしてください")
      .max(9999, "並び順は9999以下にしてください"),
  })
  .strict();
export type MemoTemplateInput = z.infer<typeof memoTemplateInputSchema>;

export const memoTemplateQuerySchema = z.object({ use: memoTemplateUseSchema });

/** What staff are offered: the text, and whether it is this counter's own. */
export const memoTemplateViewSchema = z.object({
  id: z.number().int(),
  text: z.string(),
  shared: z.boolean(),
});
export type MemoTemplateView = z.infer<typeof memoTemplateViewSchema>;
export const memoTemplateListSchema = z.object({ templates: z.array(memoTemplateViewSchema) });

export const adminMemoTemplateSchema = z.object({
  id: z.number().int(),
  use: memoTemplateUseSchema,
  counterId: z.string().nullable(),
  text: z.string(),
  sortOrder: z.number().int(),
  updatedBy: z.string().nullable(),
  updatedAt: z.string(),
});
export type AdminMemoTemplate = z.infer<typeof adminMemoTemplateSchema>;
export const adminMemoTemplateListSchema = z.object({
  templates: z.array(adminMemoTemplateSchema),
  /** every counter, for choosing one and naming it */
  counters: z.array(counterSummarySchema),
});
export type AdminMemoTemplateList = z.infer<typeof adminMemoTemplateListSchema>;

export const memoTemplateSavedSchema = z.object({ id: z.number().int() });

/**
 * The shared phrases a new installation starts with; a city edits or deletes them like its own.
 * The 発行上の指示 ones are those the certificate request offered before templates existed.
 */
export const defaultMemoTemplates: readonly { use: MemoTemplateUse; text: string }[] = [
  { use: "caseMemo", text: "本人確認済み" },
  { use: "caseMemo", text: "代理人による来庁（委任状確認済み）" },
  { use: "caseMemo", text: "後日、書類を持参予定" },
  { use: "caseMemo", text: "電話で折り返し連絡希望" },
  { use: "caseMemo", text: "他課へ案内済み" },
  { use: "certificateInstructions", text: "本人確認済み" },
  { use: "certificateInstructions", text: "至急（窓口でお待ちです）" },
  { use: "certificateInstructions", text: "郵送で交付" },
  { use: "certificateInstructions", text: "発行前に税務課へ確認" },
  { use: "certificateInstructions", text: "委任状の原本を確認済み" },
];
