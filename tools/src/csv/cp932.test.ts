import { describe, expect, it } from "vitest";
import { cp932Replacement, encodeCp932 } from "./cp932.ts";

const decode = (bytes: Buffer) => new TextDecoder("shift_jis").decode(bytes);

describe("CP932 encoder", () => {
  it("writes Japanese text, NEC/IBM extensions and the user-defined area", () => {
    const { bytes, replaced } = encodeCp932("髙橋　①\uE000");
    expect(decode(bytes)).toBe("髙橋　①\uE000");
    expect([...bytes.subarray(-2)]).toEqual([0xf0, 0x40]);
    expect(replaced).toEqual([]);
  });

  it("throws naming the first character CP932 cannot hold and its line", () => {
    expect(() => encodeCp932("氏名\r\n山田　\u{20BB7}郎\r\n", { source: "x.csv" })).toThrow(
      /x\.csv 2行目: CP932 で表せない文字 "𠮷" \(U\+20BB7\)/,
    );
  });

  it("or writes 〓 for each such character and names them", () => {
    const { bytes, replaced } = encodeCp932("\u{20BB7}田と葛\u{E0100}と?", { replacement: cp932Replacement });
    expect(decode(bytes)).toBe("〓田と葛〓と?");
    expect(replaced).toEqual(["\u{20BB7}", "\u{E0100}"]);
  });
});
