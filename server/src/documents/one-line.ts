import { mm2pt, type Schema } from "@pdfme/common";
import { type PDFFont, type PDFHexString, type PDFPage, setCharacterSpacing } from "@pdfme/pdf-lib";
import { convertForPdfLayoutProps, hex2PrintingColor } from "@pdfme/schemas/utils";
import type { Font as FontkitFont } from "fontkit";

/**
 * A field whose text surely fits its box on one line, drawn with the same operators pdfme's text
 * plugin would write (@pdfme/schemas 6.1.13, text/pdfRender.ts), without its line splitting: pdfme
 * cuts every value into words with Intl.Segmenter and measures each word by laying it out with
 * fontkit, which was about a third of a form's time in a batch. For a one-line value pdfme's lines
 * are the value without trailing spaces, so only the positions remain, computed here with pdfme's
 * formulas in pdfme's order (floating point included). render.test.ts compares the two.
 */
export interface OneLineText extends Schema {
  fontName: string;
  fontSize: number;
  alignment: "left" | "center" | "right";
}

/** The schema shapes schemaOf writes for a fixed box at its size (not expanding, not fitted). */
export function drawableOnOneLine(schema: Schema, value: string): schema is OneLineText {
  if (schema.type !== "text" || schema.dynamicFontSize || schema.overflow) return false;
  if (schema.verticalAlignment !== "middle" || schema.lineHeight !== 1 || schema.characterSpacing !== 0)
    return false;
  if (value.trim() === "" || /[\r\n\f\v]/.test(value)) return false;
  let characters = 0;
  for (const _ of value) characters++;
  // No glyph of the document fonts is wider than its em: characters × size bounds every line
  // pdfme's splitter could make, measured against pdfme's own box width (its mm→pt ratio).
  return characters * (schema.fontSize as number) <= mm2pt(schema.width);
}

/** Widths of whole strings per font and size: a batch prints the same names and dates again and again. */
export class TextWidths {
  private readonly widths = new Map<FontkitFont, Map<string, number>>();

  /** pdfme's widthOfTextAtSize (character spacing 0), same sum in the same order. */
  of(text: string, font: FontkitFont, size: number): number {
    let byText = this.widths.get(font);
    if (!byText) {
      byText = new Map();
      this.widths.set(font, byText);
    }
    const key = `${size}\u0000${text}`;
    let width = byText.get(key);
    if (width === undefined) {
      const scale = 1e3 / font.unitsPerEm;
      width = font.layout(text).glyphs.reduce((sum, g) => sum + g.advanceWidth * scale, 0) * (size / 1e3);
      byText.set(key, width);
    }
    return width;
  }
}

const black = hex2PrintingColor("#000000");

export function drawOneLine(args: {
  page: PDFPage;
  schema: OneLineText;
  value: string;
  font: PDFFont;
  fontkitFont: FontkitFont;
  widths: TextWidths;
}): void {
  const { page, schema, font, fontkitFont } = args;
  const pageHeight = page.getHeight();
  const { width, height, rotate, position } = convertForPdfLayoutProps({
    schema,
    pageHeight,
    applyRotateTranslate: false,
  });
  const size = schema.fontSize;
  const line = args.value.trimEnd();
  const { ascent, descent: fontDescent, bbox, unitsPerEm } = fontkitFont;
  const scale = 1e3 / unitsPerEm;
  let lineHeight = (ascent || bbox.maxY) * scale - (fontDescent || bbox.minY) * scale;
  lineHeight -= Math.abs(fontDescent * scale) || 0;
  const firstLineTextHeight = (lineHeight / 1e3) * size;
  const descent = (fontDescent / unitsPerEm) * size;
  const yOffset = (height - 0 - firstLineTextHeight + descent) / 2 + firstLineTextHeight;
  const textWidth = schema.alignment === "left" ? 0 : args.widths.of(line, fontkitFont, size);
  let x = position.x;
  if (schema.alignment === "center") x += (width - textWidth) / 2;
  else if (schema.alignment === "right") x += width - textWidth;
  const y = position.y + height - yOffset - 0;
  page.pushOperators(setCharacterSpacing(0));
  page.drawText(line, { x, y, rotate, size, color: black, lineHeight: size, font });
}

const memoised = new WeakSet<PDFFont>();

/**
 * Encodes each distinct string once per embedded font: pdf-lib lays the text out with fontkit on
 * every drawText, and a batch repeats the same values. The subset gives a glyph the same id every
 * time it is included, so the cached encoding is exactly what a second layout would return.
 */
export function memoiseEncoding(font: PDFFont): PDFFont {
  if (memoised.has(font)) return font;
  memoised.add(font);
  const encode = font.encodeText.bind(font);
  const encoded = new Map<string, PDFHexString>();
  font.encodeText = (text: string) => {
    let hex = encoded.get(text);
    if (!hex) {
      hex = encode(text);
      encoded.set(text, hex);
    }
    return hex;
  };
  return font;
}
