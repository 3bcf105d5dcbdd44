import { z } from "zod";

/**
 * A form template (帳票様式): the city's own paper form as a base PDF, stored once and referred to
 * by id, plus named fields placed over it. Each field says where it is (mm from the page's top
 * left, as pdfme measures), which font draws it and where its text comes from. Templates are
 * versioned: a printed document names the version it used, so a reprint draws the same fields.
 */

/** Where a field's text comes from. `answer:<questionKey>` reads a navigation answer. */
export const documentSourceKeys = [
  "person.name",
  "person.nameKana",
  "person.birthDate.wareki",
  "person.birthDate.western",
  "person.sex",
  "person.address",
  "person.householdHead",
  "person.relationship",
  "case.id",
  "case.residenceChangeType",
  "case.occurredOn.wareki",
  "case.occurredOn.western",
  "case.movingMembers",
  "case.newAddress",
  "case.oldAddress",
  "case.procedureName",
  "visitor.name",
  "visitor.nameKana",
  "visitor.birthDate.wareki",
  "visitor.address",
  "visitor.phone",
  "visitor.relation",
  "today.wareki",
  "today.western",
  "fixed",
] as const;
export type DocumentSourceKey = (typeof documentSourceKeys)[number];

export const documentSourceLabels: Record<DocumentSourceKey, string> = {
  "person.name": "対象者の氏名",
  "person.nameKana": "対象者の氏名カナ",
  "person.birthDate.wareki": "対象者の生年月日 (和暦)",
  "person.birthDate.western": "対象者の生年月日 (西暦)",
  "person.sex": "対象者の性別",
  "person.address": "対象者の住所",
  "person.householdHead": "対象者の世帯主",
  "person.relationship": "対象者の続柄",
  "case.id": "対応番号",
  "case.residenceChangeType": "届出の種類",
  "case.occurredOn.wareki": "異動日 (和暦)",
  "case.occurredOn.western": "異動日 (西暦)",
  "case.movingMembers": "異動する人",
  "case.newAddress": "新住所",
  "case.oldAddress": "旧住所",
  "case.procedureName": "手続き名",
  "visitor.name": "来庁者の氏名",
  "visitor.nameKana": "来庁者の氏名カナ",
  "visitor.birthDate.wareki": "来庁者の生年月日 (和暦)",
  "visitor.address": "来庁者の住所",
  "visitor.phone": "来庁者の電話番号",
  "visitor.relation": "来庁者と対象者の関係",
  "today.wareki": "今日の日付 (和暦)",
  "today.western": "今日の日付 (西暦)",
  fixed: "固定文字",
};

const answerSourcePattern = /^answer:[a-z][a-zA-Z0-9]{1,40}$/;
export const documentSourceSchema = z.union([
  z.enum(documentSourceKeys),
  z.string().regex(answerSourcePattern, "データの種類が正しくありません"),
]);
export type DocumentSource = z.infer<typeof documentSourceSchema>;

const isSourceKey = (s: string): s is DocumentSourceKey =>
  (documentSourceKeys as readonly string[]).includes(s);

/** What staff call a source: its label, or the question key of an answer. */
export function sourceLabel(source: DocumentSource): string {
  if (isSourceKey(source)) return documentSourceLabels[source];
  return `回答 (${answerKeyOf(source) ?? source})`;
}

/** The question key of an `answer:` source, else null. */
export function answerKeyOf(source: DocumentSource): string | null {
  return source.startsWith("answer:") ? source.slice("answer:".length) : null;
}

/** Names draw in IPAmj明朝 (every MJ glyph and its IVS); body text in IPAex明朝. */
export const fontRoles = ["name", "body"] as const;
export const fontRoleSchema = z.enum(fontRoles);
export type FontRole = z.infer<typeof fontRoleSchema>;

const mm = z.number().min(0).max(1000);

export const templateFieldSchema = z
  .object({
    name: z
      .string()
      .regex(/^[a-zA-Z][a-zA-Z0-9_]{0,39}$/, "項目名は英字で始まる英数字・_ (40文字以内) で入力してください"),
    /** what staff call the field ("氏名欄"), used in messages */
    label: z.string().trim().max(40).default(""),
    page: z.number().int().min(1).max(50),
    x: mm,
    y: mm,
    width: mm.refine((v) => v > 0, "幅は0より大きくしてください"),
    height: mm.refine((v) => v > 0, "高さは0より大きくしてください"),
    font: fontRoleSchema,
    /** points */
    size: z.number().min(4).max(96),
    align: z.enum(["left", "center", "right"]).default("left"),
    source: documentSourceSchema,
    /** the text of a `fixed` field */
    text: z.string().max(500).default(""),
  })
  .strict();
export type TemplateField = z.infer<typeof templateFieldSchema>;

const isoDate = z.iso.date("日付は YYYY-MM-DD で入力してください");
export const templateKeySchema = z
  .string()
  .regex(/^[a-z][a-z0-9-]{1,60}$/, "様式キーは英小文字・数字・ハイフンで入力してください");

export const templateSaveSchema = z
  .object({
    key: templateKeySchema,
    name: z.string().trim().min(1, "様式名を入力してください").max(80),
    basePdfId: z.number().int().positive(),
    fields: z.array(templateFieldSchema).max(300, "項目は300までです"),
    validFrom: isoDate,
    validTo: isoDate.nullable().default(null),
    /** the version the editor loaded (null for a new template): a save on top of another is refused */
    baseVersion: z.number().int().positive().nullable().default(null),
  })
  .superRefine((t, issue) => {
    const seen = new Set<string>();
    t.fields.forEach((f, i) => {
      if (seen.has(f.name))
        issue.addIssue({
          code: "custom",
          path: ["fields", i, "name"],
          message: `項目名 ${f.name} が重複しています`,
        });
      seen.add(f.name);
    });
    if (t.validTo !== null && t.validTo < t.validFrom)
      issue.addIssue({ code: "custom", path: ["validTo"], message: "有効期限は開始日以降にしてください" });
  });
export type TemplateSave = z.infer<typeof templateSaveSchema>;

/** Field problems against the base PDF's pages (sizes in mm): off the page, or on a page it lacks. */
export function fieldPlacementProblems(
  fields: readonly TemplateField[],
  pages: readonly { width: number; height: number }[],
): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = [];
  fields.forEach((f, i) => {
    const page = pages[f.page - 1];
    const what = f.label || f.name;
    if (!page) {
      problems.push({
        path: `fields.${i}.page`,
        message: `${what}: 元のPDFに ${f.page} ページ目がありません`,
      });
    } else if (f.x + f.width > page.width + 0.5 || f.y + f.height > page.height + 0.5) {
      problems.push({ path: `fields.${i}`, message: `${what}: 用紙の外にはみ出しています` });
    }
  });
  return problems;
}
