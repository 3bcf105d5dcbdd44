import fs from "node:fs/promises";

/**
 * Which characters and variation sequences a font can draw, read from its cmap: formats 4 and 12
 * (code point → glyph) and 14 (base + variation selector). Enough to tell staff, at import time,
 * that a name will show as tofu or as the wrong glyph on the counter screens and forms.
 */
export class FontCoverage {
  private constructor(
    private readonly codePoints: Set<number>,
    /** "base:selector" pairs the font maps, by default glyph or its own. */
    private readonly sequences: Set<string>,
    readonly name: string,
  ) {}

  static async load(file: string): Promise<FontCoverage> {
    const data = new DataView((await fs.readFile(file)).buffer.slice(0));
    return FontCoverage.parse(data, file);
  }

  static parse(data: DataView, name: string): FontCoverage {
    const codePoints = new Set<number>();
    const sequences = new Set<string>();
    const cmap = tableOffset(data, "cmap");
    if (cmap === undefined)
      throw new Error(`${name}: cmap テーブルがありません (フォントファイルではない可能性があります)`);
    const count = data.getUint16(cmap + 2);
    for (let i = 0; i < count; i++) {
      const sub = cmap + data.getUint32(cmap + 4 + i * 8 + 4);
      const format = data.getUint16(sub);
      if (format === 4) readFormat4(data, sub, codePoints);
      else if (format === 12) readFormat12(data, sub, codePoints);
      else if (format === 14) readFormat14(data, sub, sequences);
    }
    return new FontCoverage(codePoints, sequences, name);
  }

  /** The characters of `text` this font cannot draw: missing code points, or unknown base+selector pairs. */
  missing(text: string): string[] {
    const out: string[] = [];
    const chars = [...text];
    for (let i = 0; i < chars.length; i++) {
      const c = chars[i] as string;
      const cp = c.codePointAt(0) ?? 0;
      if (isSelector(cp)) continue;
      const next = chars[i + 1]?.codePointAt(0);
      if (next !== undefined && isSelector(next)) {
        if (!this.sequences.has(`${cp}:${next}`)) out.push(`${c}${chars[i + 1]}`);
      } else if (cp > 0x7f && !this.codePoints.has(cp)) {
        out.push(c);
      }
    }
    return out;
  }
}

function isSelector(cp: number): boolean {
  return (cp >= 0xe0100 && cp <= 0xe01ef) || (cp >= 0xfe00 && cp <= 0xfe0f);
}

function tableOffset(data: DataView, tag: string): number | undefined {
  const tables = data.getUint16(4);
  for (let i = 0; i < tables; i++) {
    const at = 12 + i * 16;
    const name = String.fromCharCode(
      data.getUint8(at),
      data.getUint8(at + 1),
      data.getUint8(at + 2),
      data.getUint8(at + 3),
    );
    if (name === tag) return data.getUint32(at + 8);
  }
  return undefined;
}

function readFormat4(data: DataView, sub: number, out: Set<number>): void {
  const segments = data.getUint16(sub + 6) / 2;
  const ends = sub + 14;
  const starts = ends + segments * 2 + 2;
  const deltas = starts + segments * 2;
  const ranges = deltas + segments * 2;
  for (let s = 0; s < segments; s++) {
    const end = data.getUint16(ends + s * 2);
    const start = data.getUint16(starts + s * 2);
    const delta = data.getUint16(deltas + s * 2);
    const rangeAt = ranges + s * 2;
    const range = data.getUint16(rangeAt);
    for (let c = start; c <= end && c !== 0xffff; c++) {
      let glyph: number;
      if (range === 0) glyph = (c + delta) & 0xffff;
      else {
        const g = data.getUint16(rangeAt + range + (c - start) * 2);
        glyph = g === 0 ? 0 : (g + delta) & 0xffff;
      }
      if (glyph !== 0) out.add(c);
    }
  }
}

function readFormat12(data: DataView, sub: number, out: Set<number>): void {
  const groups = data.getUint32(sub + 12);
  for (let g = 0; g < groups; g++) {
    const at = sub + 16 + g * 12;
    const start = data.getUint32(at);
    const end = data.getUint32(at + 4);
    for (let c = start; c <= end; c++) out.add(c);
  }
}

function uint24(data: DataView, at: number): number {
  return (data.getUint8(at) << 16) | (data.getUint8(at + 1) << 8) | data.getUint8(at + 2);
}

function readFormat14(data: DataView, sub: number, out: Set<string>): void {
  const records = data.getUint32(sub + 6);
  for (let r = 0; r < records; r++) {
    const at = sub + 10 + r * 11;
    const selector = uint24(data, at);
    const defaults = data.getUint32(at + 3);
    const nonDefaults = data.getUint32(at + 7);
    if (defaults) {
      const ranges = data.getUint32(sub + defaults);
      for (let i = 0; i < ranges; i++) {
        const start = uint24(data, sub + defaults + 4 + i * 4);
        const extra = data.getUint8(sub + defaults + 4 + i * 4 + 3);
        for (let c = start; c <= start + extra; c++) out.add(`${c}:${selector}`);
      }
    }
    if (nonDefaults) {
      const mappings = data.getUint32(sub + nonDefaults);
      for (let i = 0; i < mappings; i++)
        out.add(`${uint24(data, sub + nonDefaults + 4 + i * 5)}:${selector}`);
    }
  }
}
