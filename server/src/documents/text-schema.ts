import type { FontRole } from "@ichimado/core/documents/template";
import type { Font, Schema } from "@pdfme/common";
import type { Drawing } from "./font-plan.ts";
import type { DocumentFonts } from "./fonts.ts";
import { fontRunsType } from "./runs-plugin.ts";

/** Text placed on a page (mm from the top left), and the pdfme schema that draws it. */
export interface PlacedText {
  name: string;
  /** 0-based page of the whole PDF */
  page: number;
  x: number;
  y: number;
  width: number;
  height: number;
  role: FontRole;
  size: number;
  align: "left" | "center" | "right";
  value: string;
  /** grows downward and pushes what follows, breaking pages (blank bases only: the guide sheet) */
  expand?: boolean;
  lineHeight?: number;
}

/** A field's schema, drawn in the face(s) planText chose for its value. */
export function schemaOf(t: PlacedText, drawing: Drawing): Schema {
  // Built property by property: object spreads here cost a batch more than drawing its text.
  const position = { x: t.x, y: t.y };
  if (drawing.kind === "runs")
    return {
      name: t.name,
      position,
      width: t.width,
      height: t.height,
      type: fontRunsType,
      faces: drawing.faces,
      fontSize: t.size,
      alignment: t.align,
    };
  const schema: Schema = {
    name: t.name,
    position,
    width: t.width,
    height: t.height,
    type: "text",
    fontName: drawing.face,
    fontSize: t.size,
    alignment: t.align,
    verticalAlignment: t.expand ? "top" : "middle",
    lineHeight: t.lineHeight ?? 1,
    characterSpacing: 0,
    fontColor: "#000000",
    backgroundColor: "",
  };
  // A form's box is fixed: longer text wraps and, if it still does not fit, gets smaller.
  if (t.expand) schema.overflow = "expand";
  else if (!fitsAtSize(t))
    schema.dynamicFontSize = { min: Math.min(5, t.size), max: t.size, fit: "vertical" };
  return schema;
}

/**
 * Text that surely fits its box on one line at its size: no glyph of these fonts is wider than
 * its em, so characters × size bounds the width. pdfme's fitting (which measures the text at size
 * after size) would keep the size anyway; skipping it is a good part of a batch's time.
 */
function fitsAtSize(t: PlacedText): boolean {
  const points = 72 / 25.4;
  if (t.value.includes("\n") || t.size * (t.lineHeight ?? 1) > t.height * points) return false;
  let characters = 0;
  for (const _ of t.value) characters++;
  return characters * t.size <= t.width * points;
}

export function fontOptions(fonts: DocumentFonts): Font {
  return {
    ipamj: { data: fonts.name.parsed, fallback: true, subset: true },
    ipaex: { data: fonts.body.parsed, subset: true },
    ...(fonts.gaiji ? { gaiji: { data: fonts.gaiji.parsed, subset: true } } : {}),
  };
}
