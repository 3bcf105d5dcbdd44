import type { TemplateField } from "./template.ts";

/**
 * Moving and sizing a field in the template designer: positions snap to half millimetres (finer
 * than a pen can fill in) and a field never leaves its page, so what the designer shows is what
 * the server accepts (`fieldPlacementProblems`).
 */
export interface PageSize {
  width: number;
  height: number;
}

const step = 0.5;
const smallest = 2;

export const snapMm = (v: number): number => Math.round(v / step) * step;

const clamp = (v: number, low: number, high: number) => Math.min(Math.max(v, low), Math.max(low, high));

/** The field moved by (dx, dy) mm, kept whole on the page. */
export function moveField(field: TemplateField, dx: number, dy: number, page: PageSize): TemplateField {
  return {
    ...field,
    x: clamp(snapMm(field.x + dx), 0, snapDown(page.width - field.width)),
    y: clamp(snapMm(field.y + dy), 0, snapDown(page.height - field.height)),
  };
}

/** The field grown by (dw, dh) mm from its top left corner, at least 2 mm, up to the page's edge. */
export function resizeField(field: TemplateField, dw: number, dh: number, page: PageSize): TemplateField {
  return {
    ...field,
    width: clamp(snapMm(field.width + dw), smallest, snapDown(page.width - field.x)),
    height: clamp(snapMm(field.height + dh), smallest, snapDown(page.height - field.y)),
  };
}

const snapDown = (v: number) => Math.floor(v / step) * step;

/** A new field on the page, with a name not yet taken (`field1`, `field2`, …). */
export function newField(fields: readonly TemplateField[], page: number, size: PageSize): TemplateField {
  const taken = new Set(fields.map((f) => f.name));
  let n = fields.length + 1;
  while (taken.has(`field${n}`)) n++;
  const width = Math.min(60, size.width);
  const height = Math.min(8, size.height);
  return {
    name: `field${n}`,
    label: "",
    page,
    x: snapDown(Math.min(20, size.width - width)),
    y: snapDown(Math.min(20, size.height - height)),
    width,
    height,
    font: "body",
    size: 11,
    align: "left",
    source: "person.name",
    text: "",
  };
}

/** Points (1/72 inch, as PDF measures pages) to millimetres, to a hundredth. */
export const pointsToMm = (pt: number): number => Math.round(((pt * 25.4) / 72) * 100) / 100;
