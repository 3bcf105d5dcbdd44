import { describe, expect, it } from "vitest";
import { kanaSearchKey, nameQueryKey, nameSearchKey } from "./keys.ts";

describe("search keys", () => {
  it("finds a variant-kanji name from its common form, spaces ignored", () => {
    const key = nameSearchKey(["髙橋　一郎", null]);
    expect(key).toBe("高橋一郎");
    expect(key.includes(nameQueryKey("高橋 一"))).toBe(true);
  });

  it("keeps each name apart, so a match cannot straddle 氏名 and 通称", () => {
    const key = nameSearchKey(["NGUYEN VAN AN", "中村　アン"]);
    expect(key).toBe("NGUYENVANAN/中村アン");
    expect(key.includes(nameQueryKey("nguyen van"))).toBe(true);
    expect(key.includes(nameQueryKey("AN中村"))).toBe(false);
  });

  it("drops IVS selectors and keeps non-BMP kanji whole", () => {
    expect(nameSearchKey(["𠮷田　葛\u{E0102}子"])).toBe("吉田葛子");
  });

  it("folds readings of 氏名 and 通称 so that しょうたろう finds ジョウ　タロー", () => {
    const key = kanaSearchKey(["ジョウ　タロー", "ぢょう"]);
    expect(key).toBe("シヨタロ/チヨ");
    expect(key.includes(kanaSearchKey(["しょうたろう"]))).toBe(true);
  });
});
