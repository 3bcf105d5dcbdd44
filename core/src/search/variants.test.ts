import { describe, expect, it } from "vitest";
import { foldVariants, withCityVariants } from "./variants.ts";

describe("foldVariants", () => {
  it("lets the variant pairs of the register find each other", () => {
    const pairs = [
      ["高橋", "髙橋"],
      ["山崎", "山﨑"],
      ["山崎", "山嵜"],
      ["斉藤", "斎藤"],
      ["斉藤", "齋藤"],
      ["斉藤", "齊藤"],
      ["渡辺", "渡邊"],
      ["渡辺", "渡邉"],
      ["中沢", "中澤"],
      ["長浜", "長濱"],
      ["広田", "廣田"],
      ["国広", "國廣"],
      ["吉田", "𠮷田"],
      ["大塚", "大\uFA10"],
    ];
    for (const [a, b] of pairs)
      expect(foldVariants(b as string), `${a}/${b}`).toBe(foldVariants(a as string));
  });

  it("drops IVS and SVS selectors", () => {
    expect(foldVariants("葛\u{E0102}西")).toBe("葛西");
    expect(foldVariants("辻\u{E0102}本")).toBe("辻本");
    expect(foldVariants("神\uFE00")).toBe("神");
  });

  it("keeps different kanji apart and leaves kana and letters alone", () => {
    expect(foldVariants("高田")).not.toBe(foldVariants("髙木"));
    expect(foldVariants("サトウ SILVA")).toBe("サトウ SILVA");
  });

  it("takes a city's own groups", () => {
    const city = withCityVariants(["冴冱"]);
    expect(foldVariants("冱子", city)).toBe("冴子");
    expect(foldVariants("冱子")).toBe("冱子");
    expect(foldVariants("高橋", city)).toBe(foldVariants("髙橋", city));
  });
});
