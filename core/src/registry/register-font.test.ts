import { describe, expect, it } from "vitest";
import { registerFontCodePoints, subsetText, unicodeRange } from "./register-font.ts";

describe("registerFontCodePoints", () => {
  it("takes the characters a PC font lacks and leaves common kanji and kana to it", () => {
    const found = registerFontCodePoints(["𠮷田　花子", "山﨑　太郎", "塚本", "㐂田", "出雲市今市町1-2"]);
    expect([...found].sort((a, b) => a - b)).toEqual([0x3402, 0xfa11, 0x20bb7]);
  });

  it("takes an IVS sequence's base with its selector, so the browser draws both from one font", () => {
    const found = registerFontCodePoints(["葛\u{E0102}城　一郎", "辻\u{E0102}"]);
    expect(found).toEqual(new Set([0x845b, 0xe0102, 0x8fbb]));
    // 城 follows the sequence but is not part of it.
    expect(found.has(0x57ce)).toBe(false);
  });

  it("keeps the compatibility ideograph 塚 U+FA10 as written (never normalised to U+585A)", () => {
    expect(registerFontCodePoints(["\uFA10本"])).toEqual(new Set([0xfa10]));
  });

  it("finds nothing in a register without rare characters", () => {
    expect(registerFontCodePoints(["山田　太郎", "ヤマダ　タロウ", ""]).size).toBe(0);
  });
});

describe("unicodeRange", () => {
  it("joins consecutive code points and writes single ones alone, in order", () => {
    expect(unicodeRange([0xe0102, 0x845b, 0xe0100, 0xe0101, 0x20bb7])).toBe("U+845B, U+20BB7, U+E0100-E0102");
  });

  it("is empty for no code points", () => {
    expect(unicodeRange([])).toBe("");
  });
});

describe("subsetText", () => {
  it("holds each code point once, astral ones whole", () => {
    expect([...subsetText(new Set([0x20bb7, 0x845b]))]).toEqual(["葛", "𠮷"]);
  });
});
