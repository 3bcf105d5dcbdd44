import * as fontkit from "fontkit";

/**
 * Fonts parsed once per process instead of in every print. pdfme parses each font it is given in
 * every generate() call, twice (to measure text, then in pdf-lib to embed it), after copying the
 * file: for IPAmj明朝 (46 MB) that was most of a print's time (a single form: 490 ms, of which
 * the font parsing and the first glyph lookups took most; see docs/BENCHMARKS.md). Here each font
 * is parsed once; pdfme and pdf-lib are handed a short token instead of the file, and a fontkit
 * format registered below recognises the token and answers with the parsed font. fontkit fonts are
 * read-only once parsed (each embedding makes its own subset), so one serves every print.
 */
const magic = Buffer.from("ICHIMADO-PARSED-FONT:", "ascii");
const parsed = new Map<number, fontkit.Font>();
let nextId = 1;

function idOf(bytes: Uint8Array): number | null {
  if (bytes.length !== magic.length + 4) return null;
  for (let i = 0; i < magic.length; i++) if (bytes[i] !== magic[i]) return null;
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(magic.length);
}

class ParsedFontFormat {
  static probe(buffer: Uint8Array): boolean {
    const id = idOf(buffer);
    return id !== null && parsed.has(id);
  }

  // A constructor that returns another object: fontkit's `new format(stream)` gets the parsed font.
  constructor(stream: { buffer: Uint8Array }) {
    const font = parsed.get(idOf(stream.buffer) ?? 0);
    if (!font) throw new Error("parsed font token without a font");
    // biome-ignore lint/correctness/noConstructorReturn: the point of this format
    return font as unknown as ParsedFontFormat;
  }
}
// Checked after fontkit's own formats, none of which take the token (it starts with no font's tag).
// (fontkit exports registerFormat; its type declarations leave it out.)
(fontkit as unknown as { registerFormat(format: unknown): void }).registerFormat(ParsedFontFormat);

/** Parses a font file and returns the token that stands for it wherever pdfme takes font data. */
export function parsedFontToken(bytes: Uint8Array): Buffer<ArrayBuffer> {
  const font = fontkit.create(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  if (!("layout" in font)) throw new Error("a font collection is not a document font");
  const id = nextId++;
  parsed.set(id, font);
  const token = Buffer.alloc(magic.length + 4);
  magic.copy(token);
  token.writeUInt32BE(id, magic.length);
  return token;
}

/** The parsed font a token stands for (the batch renderer measures with it, as pdfme does). */
export function parsedFont(token: Uint8Array): fontkit.Font {
  const font = parsed.get(idOf(token) ?? 0);
  if (!font) throw new Error("parsed font token without a font");
  return font;
}

/** Lets a font go (a replaced gaiji font). */
export function forgetParsedFont(token: Uint8Array): void {
  const id = idOf(token);
  if (id !== null) parsed.delete(id);
}
