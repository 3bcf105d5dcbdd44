import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { foldKana } from "./kana.ts";

describe("foldKana", () => {
  it("meets across hiragana, half-width and full-width katakana", () => {
    expect(foldKana("さとう")).toBe(foldKana("サトウ"));
    expect(foldKana("ｻﾄｳ")).toBe(foldKana("サトウ"));
    expect(foldKana("ﾀﾞｲｺﾞ")).toBe(foldKana("ダイゴ"));
  });

  it("ignores 濁点 and 半濁点", () => {
    expect(foldKana("ハマダ")).toBe(foldKana("ハマタ"));
    expect(foldKana("パク")).toBe(foldKana("ハク"));
    expect(foldKana("ヴィエト")).toBe(foldKana("ウイエト"));
  });

  it("ignores small kana", () => {
    expect(foldKana("キョウコ")).toBe(foldKana("キヨウコ"));
    expect(foldKana("ハットリ")).toBe(foldKana("ハツトリ"));
  });

  it("ignores 長音 and dash variants and folds ウ after オ段", () => {
    const forms = ["サトウ", "サトー", "サトオ", "サト-", "サト－", "サト―", "サトｰ", "サト‐"];
    for (const f of forms) expect(foldKana(f), f).toBe(foldKana("サトウ"));
    expect(foldKana("オオノ")).toBe(foldKana("オーノ"));
    expect(foldKana("オウノ")).toBe(foldKana("オーノ"));
    expect(foldKana("ユウコ")).toBe(foldKana("ユーコ"));
  });

  it("keeps distinct names apart", () => {
    expect(foldKana("タナカ")).not.toBe(foldKana("タカナ"));
    expect(foldKana("スズキ")).not.toBe(foldKana("ススム"));
    expect(foldKana("サトウ")).not.toBe(foldKana("サイトウ"));
  });

  it("drops spaces and the middle dot between family and given names", () => {
    expect(foldKana("ヤマダ　タロウ")).toBe(foldKana("ヤマダタロウ"));
    expect(foldKana("シルバ・アナ")).toBe(foldKana("シルバ アナ"));
  });

  it("leaves kanji and letters untouched, including compatibility ideographs", () => {
    expect(foldKana("\uFA10田")).toBe("\uFA10田");
    expect(foldKana("𠮷田")).toBe("𠮷田");
    expect(foldKana("SILVA")).toBe("SILVA");
  });

  it("is idempotent", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom(..."あいうえおかがきぎぱァッャーｰｶﾞ－カキクケコサトウオ漢A ") }),
        (s) => {
          expect(foldKana(foldKana(s))).toBe(foldKana(s));
        },
      ),
    );
  });
});
