import fs from "node:fs/promises";
import * as fontkit from "fontkit";
import { describe, expect, it } from "vitest";
import { forgetParsedFont, parsedFontToken } from "./font-cache.ts";

const ipaex = "/usr/share/fonts/opentype/ipaexfont-mincho/ipaexm.ttf";

describe("fonts parsed once", () => {
  it("answer fontkit with the same parsed font for the token, until forgotten", async () => {
    const bytes = new Uint8Array(await fs.readFile(ipaex));
    const token = parsedFontToken(bytes);
    expect(token.length).toBeLessThan(64);
    const a = fontkit.create(token) as fontkit.Font;
    // pdf-lib hands fontkit a Uint8Array, pdfme a Buffer: both reach the same font.
    const b = fontkit.create(new Uint8Array(token) as Buffer) as fontkit.Font;
    expect(a).toBe(b);
    expect(a.postscriptName).toBe((fontkit.create(Buffer.from(bytes)) as fontkit.Font).postscriptName);
    expect(a.layout("出雲市").glyphs).toHaveLength(3);
    forgetParsedFont(token);
    expect(() => fontkit.create(token)).toThrow(/Unknown font format/);
  });
});
