import type { FontRole } from "@ichimado/core/documents/template";
import { HttpError } from "../platform/errors.ts";
import { describeCluster, planText } from "./font-plan.ts";
import type { DocumentFonts } from "./fonts.ts";

/**
 * Before anything prints: every string a document holds is checked against the fonts that will
 * draw it. A character no font has would print as an empty box, or an IVS the font lacks as the
 * plain character — a wrong name on an official form. The clerk is told who and which character,
 * and prints anyway only by saying so (acknowledgeMissingGlyphs).
 */
export interface CheckedText {
  /** whose text it is, as staff know them ("山田　太郎") */
  who: string;
  /** the document and the field ("住民異動届・氏名") */
  where: string;
  role: FontRole;
  value: string;
}

export function missingGlyphs(texts: readonly CheckedText[], fonts: DocumentFonts): string[] {
  const problems: string[] = [];
  for (const t of texts) {
    if (!t.value) continue;
    const { missing } = planText(t.value, t.role, fonts);
    for (const cluster of new Set(missing)) {
      problems.push(`${t.who ? `${t.who} さん` : "（対象者なし）"}の${t.where}: ${describeCluster(cluster)}`);
    }
  }
  return problems;
}

export function refuseMissingGlyphs(problems: readonly string[]): void {
  if (problems.length === 0) return;
  const more = problems.length > 1 ? ` ほか${problems.length - 1}件` : "";
  throw new HttpError(
    422,
    "VALIDATION",
    `印字できない文字があります: ${problems[0]}${more}。外字フォントを登録するか、空白の枠のまま印刷してよいか確認してください`,
    problems.map((message) => ({ path: "acknowledgeMissingGlyphs", message })),
  );
}
