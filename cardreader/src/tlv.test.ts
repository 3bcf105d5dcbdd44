import { describe, expect, it } from "vitest";
import { encodeTlv, parseBasicInfo, readHeader, readTlvs, TlvError } from "./tlv.ts";

const utf8 = (s: string) => new TextEncoder().encode(s);
const cat = (...parts: Uint8Array[]) => Uint8Array.from(parts.flatMap((p) => [...p]));

function basic(name: string, address: string): Uint8Array {
  const inner = cat(
    encodeTlv(0xdf21, Uint8Array.of(0, 0, 0, 0)),
    encodeTlv(0xdf22, utf8(name)),
    encodeTlv(0xdf23, utf8(address)),
    encodeTlv(0xdf24, utf8("19800401")),
    encodeTlv(0xdf25, utf8("2")),
  );
  return encodeTlv(0xff20, inner);
}

describe("BER-TLV", () => {
  it("reads multi-byte private tags and the short, 81 and 82 length forms", () => {
    expect(readHeader(Uint8Array.of(0xdf, 0x22, 0x05))).toEqual({
      tag: 0xdf22,
      constructed: false,
      headerSize: 3,
      length: 5,
    });
    expect(readHeader(Uint8Array.of(0xff, 0x20, 0x81, 0xc8))).toEqual({
      tag: 0xff20,
      constructed: true,
      headerSize: 4,
      length: 200,
    });
    expect(readHeader(Uint8Array.of(0xff, 0x20, 0x82, 0x01, 0x2c))).toEqual({
      tag: 0xff20,
      constructed: true,
      headerSize: 5,
      length: 300,
    });
    expect(() => readHeader(Uint8Array.of(0xff, 0x20, 0x80))).toThrow(TlvError);
    expect(() => readHeader(Uint8Array.of(0xdf))).toThrow(TlvError);
  });

  it("refuses a value that runs past the data and stops at the EF's padding", () => {
    expect(() => readTlvs(Uint8Array.of(0xdf, 0x22, 0x05, 0x41))).toThrow(TlvError);
    const padded = cat(encodeTlv(0xdf22, utf8("A")), Uint8Array.of(0xff, 0xff, 0xff));
    expect(readTlvs(padded).map((t) => t.tag)).toEqual([0xdf22]);
  });

  it("parses the 基本4情報 as UTF-8 texts, with a long address in the 82 form", () => {
    const address = "島根県出雲市今市町".repeat(12);
    const bytes = basic("𠮷田　花子", address);
    expect(bytes[2]).toBe(0x82);
    expect(parseBasicInfo(bytes)).toEqual({ name: "𠮷田　花子", address, birthDate: "19800401", sex: "2" });
  });

  it("says which item is missing", () => {
    const noSex = encodeTlv(
      0xff20,
      cat(encodeTlv(0xdf22, utf8("a")), encodeTlv(0xdf23, utf8("b")), encodeTlv(0xdf24, utf8("c"))),
    );
    expect(() => parseBasicInfo(noSex)).toThrow(/sex/);
    expect(() => parseBasicInfo(encodeTlv(0xdf22, utf8("a")))).toThrow(/FF 20/);
  });
});
