import { describe, expect, it } from "vitest";
import { FontCoverage } from "./font-coverage.ts";

const ipamj = "/usr/share/fonts/truetype/ipamj/ipamjm.ttf";

// IPAmj明朝 comes from Debian's fonts-ipamj-mincho, which .ci/run installs (README lists it).
describe("font coverage from the cmap", async () => {
  const font = await FontCoverage.load(ipamj);

  it("draws ordinary kanji, non-BMP kanji and the Moji_Joho variation sequences", () => {
    expect(font.missing("山田　太郎")).toEqual([]);
    expect(font.missing("\u{20BB7}田")).toEqual([]);
    expect(font.missing("葛\u{E0102}西 辻\u{E0102}")).toEqual([]);
    expect(font.missing("飯\uFA10")).toEqual([]);
  });

  it("names a selector the font does not know for that base, and a code point it lacks", () => {
    expect(font.missing("葛\u{E01EE}")).toEqual(["葛\u{E01EE}"]);
    expect(font.missing("山\u{E0105}")).toEqual(["山\u{E0105}"]);
    expect(font.missing("A😀")).toEqual(["😀"]);
  });
});
