import { describe, expect, it } from "vitest";
import { prefectures } from "./prefectures.ts";
import {
  lotQuery,
  matchLots,
  normaliseAddressQuery,
  parseAfterTown,
  postalQuery,
  suggestTowns,
  type TownCandidate,
} from "./suggest.ts";

const towns: TownCandidate[] = [
  { code: "T001", name: "今市町", nameKana: "イマイチチョウ", postalCode: "693-0001", chomeCount: 3 },
  { code: "T002", name: "大津町", nameKana: "オオツチョウ", postalCode: "693-0011", chomeCount: 0 },
  { code: "T003", name: "今市町北", nameKana: "イマイチチョウキタ", postalCode: "693-0002", chomeCount: 0 },
  { code: "T004", name: "西今市町", nameKana: "ニシイマイチチョウ", postalCode: "693-0051", chomeCount: 0 },
  { code: "T005", name: "\uFA10山町", nameKana: "ツカヤマチョウ", postalCode: "699-0501", chomeCount: 2 },
  { code: "T006", name: "高松町", nameKana: "タカマツチョウ", postalCode: "693-0068", chomeCount: 0 },
];
const codes = (q: string) => suggestTowns(q, towns).map((s) => s.town.code);

describe("address suggestions", () => {
  it("match partial kanji, leading matches before inner ones", () => {
    expect(codes("今市")).toEqual(["T001", "T003", "T004"]);
    expect(codes("今市町")).toEqual(["T001", "T003", "T004"]);
    expect(codes("津")).toEqual(["T002"]);
    expect(codes("存在しない")).toEqual([]);
    expect(suggestTowns("今市", towns)[0]?.matchedBy).toBe("name");
  });

  it("let 異体字 meet and return the master's own characters", () => {
    expect(codes("\uFA10山")).toEqual(["T005"]);
    expect(codes("\u585A山")).toEqual(["T005"]);
    expect(suggestTowns("\u585A山", towns)[0]?.town.name).toBe("\uFA10山町");
  });

  it("match readings in hiragana, katakana and half-width kana through the name-search folding", () => {
    // ニシイマイチ folds to ニシマイチ (a vowel repeating the one before is a long sound), so only
    // readings that start with イマイ meet.
    expect(codes("いまい")).toEqual(["T001", "T003"]);
    expect(codes("イマイ")).toEqual(["T001", "T003"]);
    expect(codes("ｲﾏｲ")).toEqual(["T001", "T003"]);
    expect(codes("まいち")).toEqual(["T001", "T003", "T004"]);
    expect(codes("おおつ")).toEqual(["T002"]);
    expect(codes("おーつ")).toEqual(["T002"]);
    expect(codes("たかまつちょう")).toEqual(["T006"]);
    expect(suggestTowns("いまい", towns)[0]?.matchedBy).toBe("kana");
  });

  it("match postal codes typed in part, with or without 〒 and hyphen, full- or half-width", () => {
    expect(codes("693-000")).toEqual(["T001", "T003"]);
    expect(codes("693-00")).toEqual(["T001", "T003", "T002", "T006", "T004"]);
    expect(codes("6930001")).toEqual(["T001"]);
    expect(codes("６９３－０００１")).toEqual(["T001"]);
    expect(codes("〒693")).toHaveLength(5);
    expect(codes("〒699")).toEqual(["T005"]);
    expect(suggestTowns("6930011", towns)[0]?.matchedBy).toBe("postalCode");
  });

  it("read a 丁目 and a 番地 typed after the town", () => {
    expect(suggestTowns("今市町2丁目", towns)[0]).toMatchObject({
      town: { code: "T001" },
      chome: 2,
      rest: "",
    });
    expect(suggestTowns("今市町２", towns)[0]).toMatchObject({ town: { code: "T001" }, chome: 2, rest: "" });
    expect(suggestTowns("今市町二丁目15番3号", towns)[0]).toMatchObject({ chome: 2, rest: "15-3" });
    expect(suggestTowns("今市町2-15", towns)[0]).toMatchObject({ chome: 2, rest: "15" });
    // 大津町 has no 丁目: the number is its 番地.
    expect(suggestTowns("大津町２－１５", towns)[0]).toMatchObject({
      town: { code: "T002" },
      chome: null,
      rest: "2-15",
    });
    expect(suggestTowns("島根県出雲市今市町1丁目", towns, { cityName: "出雲市" })[0]).toMatchObject({
      town: { code: "T001" },
      chome: 1,
    });
  });

  it("keep the limit", () => {
    expect(suggestTowns("693", towns, { limit: 2 })).toHaveLength(2);
    expect(suggestTowns("   ", towns)).toEqual([]);
  });
});

describe("query pieces", () => {
  it("normalise digits and dashes only", () => {
    expect(normaliseAddressQuery("今市町　１２３－４")).toBe("今市町123-4");
    expect(postalQuery("〒693-")).toBe("693");
    expect(postalQuery("今市")).toBeNull();
    expect(parseAfterTown("十二丁目", 20)).toEqual({ chome: 12, rest: "" });
    expect(lotQuery("１５番地の３")).toBe("15-3");
    expect(lotQuery("15の3")).toBe("15-3");
  });

  it("list the 47 prefectures", () => {
    expect(prefectures).toHaveLength(47);
    expect(new Set(prefectures).size).toBe(47);
  });
});

describe("lots", () => {
  const register = ["2丁目15番3号", "2丁目15番12号", "2丁目3番1号", "1丁目9番2号", "123番地4", "12番地"].map(
    (lot) => ({ lot }),
  );
  const lots = (typed: string, limit = 50) => matchLots(register, typed, limit).lots.map((l) => l.lot);

  it("match however the lot is written, in number order", () => {
    expect(lots("2-15")).toEqual(["2丁目15番3号", "2丁目15番12号"]);
    expect(lots("２丁目１５番")).toEqual(["2丁目15番3号", "2丁目15番12号"]);
    expect(lots("二丁目3")).toEqual(["2丁目3番1号"]);
    expect(lots("2")).toEqual(["2丁目3番1号", "2丁目15番3号", "2丁目15番12号"]);
    expect(lots("123の4")).toEqual(["123番地4"]);
    expect(lots("")).toEqual([
      "1丁目9番2号",
      "2丁目3番1号",
      "2丁目15番3号",
      "2丁目15番12号",
      "12番地",
      "123番地4",
    ]);
    expect(matchLots(register, "", 2)).toMatchObject({ truncated: true });
  });
});
