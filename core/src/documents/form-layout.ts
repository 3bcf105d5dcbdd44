import type { FormBox } from "./default-forms.ts";
import type { DocumentSource, FontRole } from "./template.ts";

/** The grid the initial forms are drawn on: A4 with a 15 mm left margin, 180 mm wide. */
const left = 15;
export const full = 180;
export const half = full / 2;
export const third = full / 3;

/** A row of boxes of the given widths (mm), starting at the left margin. */
export function row(
  y: number,
  height: number,
  cells: readonly (Omit<FormBox, "x" | "y" | "height"> & {})[],
): FormBox[] {
  let x = left;
  return cells.map((cell) => {
    const box = { ...cell, x, y, height };
    x += cell.width;
    return box;
  });
}

export const f = (name: string, source: DocumentSource, font: FontRole = "body", size?: number) => ({
  name,
  source,
  font,
  ...(size ? { size } : {}),
});
