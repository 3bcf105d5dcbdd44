/**
 * Which characters of the register the screens draw with IPAmj明朝 rather than the PC's own font.
 *
 * A counter PC's Japanese font holds the common kanji but not the MJ characters a register keeps:
 * ideographs outside the BMP (𠮷), compatibility ideographs (﨑, 塚 U+FA10), extension A, and the
 * Moji_Joho IVS sequences (葛+U+E0102). A browser draws a base character and its variation
 * selector with the font it picked for the base, so for an IVS to show, its base must come from
 * IPAmj明朝 too: those bases join the web font's `unicode-range`. Everything else stays in the
 * PC's font, so the screens do not turn into 明朝 where nothing needs it.
 */

const variationSelectors = { from: 0xe0100, to: 0xe01ef } as const;

/** Blocks a PC font usually lacks; any of them used in the register goes into the web font. */
const rareBlocks: readonly { from: number; to: number }[] = [
  { from: 0x3400, to: 0x4dbf }, // CJK Unified Ideographs Extension A
  { from: 0xf900, to: 0xfaff }, // CJK Compatibility Ideographs
  { from: 0x20000, to: 0x3ffff }, // Supplementary and Tertiary Ideographic Planes
  variationSelectors,
];

const inBlock = (cp: number, block: { from: number; to: number }) => cp >= block.from && cp <= block.to;

export const isVariationSelector = (cp: number): boolean => inBlock(cp, variationSelectors);

/**
 * The code points the register web font must hold, from the texts of the register: every
 * character of a rare block, and each base of an IVS sequence with its selector.
 */
export function registerFontCodePoints(texts: Iterable<string>): Set<number> {
  const found = new Set<number>();
  for (const text of texts) {
    let previous: number | undefined;
    for (const ch of text) {
      const cp = ch.codePointAt(0) as number;
      if (isVariationSelector(cp)) {
        found.add(cp);
        if (previous !== undefined) found.add(previous);
      } else if (rareBlocks.some((b) => inBlock(cp, b))) {
        found.add(cp);
      }
      previous = cp;
    }
  }
  return found;
}

const hex = (cp: number) => cp.toString(16).toUpperCase();

/** A CSS `unicode-range` value for the code points, consecutive ones joined into ranges. */
export function unicodeRange(codePoints: Iterable<number>): string {
  const sorted = [...new Set(codePoints)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    const start = sorted[i] as number;
    let end = start;
    while (i + 1 < sorted.length && sorted[i + 1] === end + 1) end = sorted[++i] as number;
    parts.push(start === end ? `U+${hex(start)}` : `U+${hex(start)}-${hex(end)}`);
    i++;
  }
  return parts.join(", ");
}

/** The code points as the text a font subsetter is given. */
export function subsetText(codePoints: Iterable<number>): string {
  return String.fromCodePoint(...[...codePoints].sort((a, b) => a - b));
}
