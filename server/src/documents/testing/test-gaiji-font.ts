import opentype from "opentype.js";

/**
 * A tiny font standing in for a city's gaiji font: one glyph at one private-use code point, a shape
 * no real character has (a flag with a square beside its pole), so a match cannot be luck.
 */
export function testGaijiFont(codePoint: number): Uint8Array {
  const flag = new opentype.Path();
  flag.moveTo(100, -100);
  flag.lineTo(220, -100);
  flag.lineTo(220, 420);
  flag.lineTo(860, 600);
  flag.lineTo(220, 780);
  flag.lineTo(100, 780);
  flag.close();
  flag.moveTo(520, -100);
  flag.lineTo(820, -100);
  flag.lineTo(820, 200);
  flag.lineTo(520, 200);
  flag.close();
  const notdef = new opentype.Glyph({
    name: ".notdef",
    unicode: 0,
    advanceWidth: 1000,
    path: new opentype.Path(),
  });
  const glyph = new opentype.Glyph({
    name: `uni${codePoint.toString(16).toUpperCase()}`,
    unicode: codePoint,
    advanceWidth: 1000,
    path: flag,
  });
  const font = new opentype.Font({
    familyName: "IchimadoTestGaiji",
    styleName: "Regular",
    unitsPerEm: 1000,
    ascender: 880,
    descender: -120,
    glyphs: [notdef, glyph],
  });
  return new Uint8Array(font.toArrayBuffer());
}
