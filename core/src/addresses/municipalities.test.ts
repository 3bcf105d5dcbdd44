import { describe, expect, it } from "vitest";
import { municipalityOf, municipalityText, suggestMunicipalities } from "./municipalities.ts";

const of = (address: string) => {
  const m = municipalityOf(address);
  return m ? municipalityText(m) : null;
};

describe("municipalityOf", () => {
  it("cuts a city, a designated city's ward, a Tokyo ward and a 郡's town or village", () => {
    expect(of("島根県松江市殿町1丁目2番3号")).toBe("島根県松江市");
    expect(of("広島県広島市中区基町5番")).toBe("広島県広島市中区");
    expect(of("大阪府大阪市北区中之島1丁目")).toBe("大阪府大阪市北区");
    expect(of("東京都千代田区丸の内1丁目")).toBe("東京都千代田区");
    expect(of("島根県隠岐郡海士町大字海士1490")).toBe("島根県隠岐郡海士町");
    expect(of("鳥取県米子市角盤町1丁目")).toBe("鳥取県米子市");
    expect(of("北海道札幌市中央区北1条西2丁目")).toBe("北海道札幌市中央区");
  });

  it("keeps names that hold 市, 町 or 村 inside whole", () => {
    expect(of("三重県四日市市諏訪町1番5号")).toBe("三重県四日市市");
    expect(of("広島県廿日市市下平良1丁目")).toBe("広島県廿日市市");
    expect(of("千葉県市川市八幡1丁目")).toBe("千葉県市川市");
    expect(of("東京都町田市森野2丁目")).toBe("東京都町田市");
    expect(of("東京都東村山市本町1丁目")).toBe("東京都東村山市");
    expect(of("山形県北村山郡大石田町緑町1")).toBe("山形県北村山郡大石田町");
    expect(of("愛知県名古屋市中村区名駅1丁目")).toBe("愛知県名古屋市中村区");
  });

  it("gives nothing without a prefecture (abroad, or typed without one)", () => {
    expect(of("アメリカ合衆国カリフォルニア州")).toBeNull();
    expect(of("松江市殿町")).toBeNull();
    expect(of("島根県")).toBeNull();
  });
});

describe("suggestMunicipalities", () => {
  const seen = [
    { text: "島根県松江市", count: 40 },
    { text: "島根県大田市", count: 5 },
    { text: "鳥取県米子市", count: 12 },
    { text: "広島県広島市中区", count: 3 },
  ];
  it("offers those containing the typed text, most frequent first", () => {
    expect(suggestMunicipalities(seen, "島根県", 10)).toEqual(["島根県松江市", "島根県大田市"]);
    expect(suggestMunicipalities(seen, "米子", 10)).toEqual(["鳥取県米子市"]);
    expect(suggestMunicipalities(seen, "島根", 1)).toEqual(["島根県松江市"]);
    expect(suggestMunicipalities(seen, "", 10)).toEqual([]);
  });
  it("keeps offering the municipality while the street is typed after it", () => {
    expect(suggestMunicipalities(seen, "島根県松江市殿町", 10)).toEqual(["島根県松江市"]);
  });
});
