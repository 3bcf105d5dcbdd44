import { mm2pt, type Schema } from "@pdfme/common";
import {
  degrees,
  drawLinesOfText,
  type PDFFont,
  type PDFHexString,
  PDFName,
  type PDFOperator,
  type PDFPage,
  rgb,
  setCharacterSpacing,
} from "@pdfme/pdf-lib";
import { convertForPdfLayoutProps, hex2PrintingColor } from "@pdfme/schemas/utils";
import type { Font as FontkitFont } from "fontkit";

/**
 * A field whose text surely fits its box on one line, drawn with the same operators pdfme's text
 * plugin would write (@pdfme/schemas 6.1.13, text/pdfRender.ts), without its line splitting: pdfme
 * cuts every value into words with Intl.Segmenter and measures each word by laying it out with
 * fontkit, which was about a third of a form's time in a batch. For a one-line value pdfme's lines
 * are the value without trailing spaces, so only the positions remain, computed here with pdfme's
 * formulas in pdfme's order (floating point included). form-batch.test.ts compares the two.
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
  // Line breaks make several lines; tabs and the like pdf-lib's drawText rewrites (cleanText).
  if (value.trim() === "" || /[\r\n\f\v\t\b\u0085\u2028\u2029]/.test(value)) return false;
  let characters = 0;
  for (const _ of value) characters++;
  // No glyph of the document fonts is wider than its em: characters × size bounds every line
  // pdfme's splitter could make, measured against pdfme's own box width (its mm→pt ratio).
  return characters * (schema.fontSize as number) <= mm2pt(schema.width);
}

/** The widths of whole strings per font and size, as pdfme's widthOfTextAtSize (character spacing 0) sums them. */
class TextWidths {
  private readonly widths = new Map<FontkitFont, Map<string, number>>();

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

const black = hex2PrintingColor("#000000") ?? rgb(0, 0, 0);

/**
 * Draws one-line fields for one PDF. A batch repeats its values (a household's names and the date
 * on every form), so a field's operators for a value are made once and pushed onto every page that
 * prints it; for that, each font has one fixed name in every page's resources (pdf-lib's drawText
 * adds it under a new random name at each call; the names are only keys, nothing printed).
 */
export class OneLineWriter {
  private readonly widths = new TextWidths();
  private readonly drawn = new Map<OneLineText, { pageHeight: number; operators: PDFOperator[] }>();
  private readonly fontsOnPage = new WeakMap<PDFPage, Set<PDFFont>>();

  /** `schema` is one object per field and value (form-batch.ts keeps them), which keys the operators. */
  draw(page: PDFPage, schema: OneLineText, value: string, font: PDFFont, fontkitFont: FontkitFont): void {
    const key = PDFName.of(`${font.name}-ichimado`);
    let fonts = this.fontsOnPage.get(page);
    if (!fonts) {
      fonts = new Set();
      this.fontsOnPage.set(page, fonts);
    }
    if (!fonts.has(font)) {
      page.node.setFontDictionary(key, font.ref);
      fonts.add(font);
    }
    const pageHeight = page.getHeight();
    let drawn = this.drawn.get(schema);
    if (drawn?.pageHeight !== pageHeight) {
      drawn = { pageHeight, operators: this.operators(pageHeight, schema, value, font, key, fontkitFont) };
      this.drawn.set(schema, drawn);
    }
    page.pushOperators(...drawn.operators);
  }

  private operators(
    pageHeight: number,
    schema: OneLineText,
    value: string,
    font: PDFFont,
    key: PDFName,
    fontkitFont: FontkitFont,
  ): PDFOperator[] {
    const { width, height, rotate, position } = convertForPdfLayoutProps({
      schema,
      pageHeight,
      applyRotateTranslate: false,
    });
    const size = schema.fontSize;
    const line = value.trimEnd();
    const { ascent, descent: fontDescent, bbox, unitsPerEm } = fontkitFont;
    const scale = 1e3 / unitsPerEm;
    let lineHeight = (ascent || bbox.maxY) * scale - (fontDescent || bbox.minY) * scale;
    lineHeight -= Math.abs(fontDescent * scale) || 0;
    const firstLineTextHeight = (lineHeight / 1e3) * size;
    const descent = (fontDescent / unitsPerEm) * size;
    const yOffset = (height - 0 - firstLineTextHeight + descent) / 2 + firstLineTextHeight;
    const textWidth = schema.alignment === "left" ? 0 : this.widths.of(line, fontkitFont, size);
    let x = position.x;
    if (schema.alignment === "center") x += (width - textWidth) / 2;
    else if (schema.alignment === "right") x += width - textWidth;
    const y = position.y + height - yOffset - 0;
    // What pdfme's pushOperators(setCharacterSpacing(0)) and drawText(line, { x, y, rotate, size,
    // color, lineHeight, font }) push.
    return [
      setCharacterSpacing(0),
      ...drawLinesOfText([font.encodeText(line)], {
        color: black,
        font: key,
        size,
        rotate,
        xSkew: degrees(0),
        ySkew: degrees(0),
        x,
        y,
        lineHeight: size,
      }),
    ];
  }
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
