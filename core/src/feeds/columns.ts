import { z } from "zod";

/**
 * The kinds of value a feed column holds. Each knows how to read the text a core system wrote and
 * says in Japanese what was wrong; the import reports that with file, line and column.
 */
export const columnTypes = [
  "text",
  "kana",
  "date",
  "int",
  "personId",
  "residentCode",
  "corporateNumber",
  "code",
  "codePoints",
] as const;
export type ColumnType = (typeof columnTypes)[number];

export const columnTypeLabels: Record<ColumnType, string> = {
  text: "文字列",
  kana: "カナ",
  date: "日付 (YYYYMMDD / YYYY-MM-DD / YYYY/MM/DD)",
  int: "整数",
  personId: "宛名番号 (10桁, 検査数字付き)",
  residentCode: "住民票コード (11桁, 検査数字付き)",
  corporateNumber: "法人番号 (13桁, 検査数字付き)",
  code: "コード (一覧の値)",
  codePoints: "Unicode コードポイント (16進, 異体字セレクタは _ で続ける: 845B_E0102)",
};

export interface FeedColumn {
  /** Field name in the import (stable; the city maps its vendor's header to it). */
  field: string;
  /** Default header in the file, Japanese, as the data dictionary shows it. */
  header: string;
  type: ColumnType;
  required: boolean;
  maxLength?: number;
  /** For `code`: the codes a file may hold and what each means. */
  codes?: Readonly<Record<string, string>>;
  description: string;
}

/** One import row after validation: field → normalised value (dates ISO, ints numbers). */
export type FeedValue = string | number | null;
export type FeedRow = Record<string, FeedValue>;

export const feedEncodingSchema = z.enum(["utf-8", "cp932", "auto"]);
export type FeedEncoding = z.infer<typeof feedEncodingSchema>;

/** 処理区分 of a differential delivery. */
export const changeKinds = { "1": "add", "2": "update", "3": "delete" } as const;
export type ChangeKind = (typeof changeKinds)[keyof typeof changeKinds];
