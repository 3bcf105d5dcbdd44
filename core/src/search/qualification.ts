import { feedLayouts } from "../feeds/layouts.ts";
import type { ProgrammeKey } from "../programmes/programmes.ts";

/**
 * The numbers on the cards and certificates residents bring (被保険者番号, 受給者番号, 基礎年金番号,
 * 登録番号 …): the enrollment feeds' text columns named …Number, with the programmes they belong to.
 * Taken from the feed layouts, so a new feed's number is searchable without a second list.
 */
export interface QualificationNumberField {
  field: string;
  /** The column header, as staff know the number. */
  header: string;
  programmes: readonly ProgrammeKey[];
}

export const qualificationNumberFields: readonly QualificationNumberField[] = feedLayouts.flatMap(
  (layout) => {
    const target = layout.target;
    if (target.kind !== "enrollments") return [];
    return layout.columns
      .filter((c) => c.type === "text" && c.field.endsWith("Number"))
      .map((c) => ({ field: c.field, header: c.header, programmes: target.programmes }));
  },
);

/** Per number field, the programmes of it the role may see (資格情報の参照制限); fields with none left out. */
export function searchableNumberFields(
  visible: ReadonlySet<string>,
): { field: string; programmes: ProgrammeKey[] }[] {
  return qualificationNumberFields.flatMap((f) => {
    const programmes = f.programmes.filter((p) => visible.has(p));
    return programmes.length > 0 ? [{ field: f.field, programmes }] : [];
  });
}
