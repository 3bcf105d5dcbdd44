import { describe, expect, it } from "vitest";
import { readBinary, selectApp, selectFile, splitResponse, statusOf, verify } from "./apdu.ts";

const hexOf = (b: Uint8Array) => Buffer.from(b).toString("hex").toUpperCase();

describe("command APDUs", () => {
  it("builds SELECT AP and SELECT EF as the public descriptions give them", () => {
    expect(hexOf(selectApp())).toBe("00A4040C0AD3921000310001010408");
    expect(hexOf(selectFile(0x0011))).toBe("00A4020C020011");
    expect(hexOf(selectFile(0x0002))).toBe("00A4020C020002");
  });

  it("builds VERIFY with the PIN as ASCII digits, and the empty VERIFY that asks for tries left", () => {
    expect(hexOf(verify("1234"))).toBe("002000800431323334");
    expect(hexOf(verify("80040120301234"))).toBe("002000800E3830303430313230333031323334");
    expect(hexOf(verify())).toBe("00200080");
  });

  it("builds READ BINARY with a 15-bit offset and refuses what does not fit", () => {
    expect(hexOf(readBinary(0, 5))).toBe("00B0000005");
    expect(hexOf(readBinary(0x0123, 0xff))).toBe("00B00123FF");
    expect(hexOf(readBinary(10, 256))).toBe("00B0000A00");
    expect(() => readBinary(0x8000, 1)).toThrow(RangeError);
    expect(() => readBinary(0, 257)).toThrow(RangeError);
  });
});

describe("status words", () => {
  it("reads 90 00, 63 Cx, 69 83/69 84, 6A 82 and anything else", () => {
    expect(statusOf(0x9000)).toEqual({ kind: "ok" });
    expect(statusOf(0x63c2)).toEqual({ kind: "wrongSecret", triesLeft: 2 });
    expect(statusOf(0x63c1)).toEqual({ kind: "wrongSecret", triesLeft: 1 });
    expect(statusOf(0x63c0)).toEqual({ kind: "locked" });
    expect(statusOf(0x6983)).toEqual({ kind: "locked" });
    expect(statusOf(0x6984)).toEqual({ kind: "locked" });
    expect(statusOf(0x6a82)).toEqual({ kind: "notFound" });
    expect(statusOf(0x6982)).toEqual({ kind: "error", sw: 0x6982 });
  });

  it("splits the data from the status word", () => {
    expect(splitResponse(Uint8Array.of(1, 2, 0x90, 0x00))).toEqual({ data: Uint8Array.of(1, 2), sw: 0x9000 });
    expect(() => splitResponse(Uint8Array.of(0x90))).toThrow();
  });
});
