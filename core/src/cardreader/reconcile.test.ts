import { describe, expect, it } from "vitest";
import { cardBirthDate, cardSex } from "./basic-info.ts";
import { type RegisterPerson, reconcileWithRegister } from "./reconcile.ts";
import type { CardBasicInfo } from "./schemas.ts";

const card = (over: Partial<CardBasicInfo> = {}): CardBasicInfo => ({
  name: "高橋　一郎",
  address: "島根県出雲市今市町2丁目15番3号",
  birthDate: "1980-04-01",
  birthDateText: "19800401",
  sex: "male",
  sexCode: "1",
  ...over,
});
const person = (over: Partial<RegisterPerson> = {}): RegisterPerson => ({
  name: "高橋　一郎",
  address: "島根県出雲市今市町2丁目15番3号",
  birthDate: "1980-04-01",
  sex: "male",
  ...over,
});
const statuses = (c: CardBasicInfo, p: RegisterPerson) =>
  Object.fromEntries(reconcileWithRegister(c, p).map((f) => [f.field, f.status]));

describe("reconcileWithRegister", () => {
  it("finds all four the same when the card and the register agree", () => {
    expect(statuses(card(), person())).toEqual({
      name: "same",
      address: "same",
      birthDate: "same",
      sex: "same",
    });
  });

  it("ignores the spaces between family and given name", () => {
    expect(statuses(card({ name: "高橋 一郎" }), person())).toMatchObject({ name: "same" });
  });

  it("calls 高橋 on the card against 髙橋 in the register a possible 代替文字, not a mismatch", () => {
    const result = reconcileWithRegister(card(), person({ name: "髙橋　一郎" }));
    expect(result[0]).toEqual({
      field: "name",
      card: "高橋　一郎",
      register: "髙橋　一郎",
      status: "substitute",
    });
  });

  it("recognises characters the chip cannot hold: outside the BMP, gaiji, compatibility ideographs, IVS, 〓", () => {
    expect(statuses(card({ name: "吉田　花子" }), person({ name: "𠮷田　花子" })).name).toBe("substitute");
    expect(statuses(card({ name: "森田　花子" }), person({ name: "\uE001田　花子" })).name).toBe(
      "substitute",
    );
    expect(statuses(card({ name: "大塚　誠" }), person({ name: "大\uFA10　誠" })).name).toBe("substitute");
    expect(statuses(card({ name: "葛西　誠" }), person({ name: "葛\u{E0102}西　誠" })).name).toBe(
      "substitute",
    );
    expect(statuses(card({ name: "〓田　誠" }), person({ name: "鰧田　誠" })).name).toBe("substitute");
    expect(statuses(card({ name: "高森　誠" }), person({ name: "髙\uE001　誠" })).name).toBe("substitute");
  });

  it("keeps a real difference a difference", () => {
    expect(statuses(card({ name: "高田　一郎" }), person()).name).toBe("different");
    expect(statuses(card({ name: "高橋　一" }), person()).name).toBe("different");
    // an ordinary JIS character in the register is one the card would hold as it is
    expect(statuses(card({ name: "高橋　二郎" }), person()).name).toBe("different");
    // a variant in the register stands only for its own group
    expect(statuses(card({ name: "森橋　一郎" }), person({ name: "髙橋　一郎" })).name).toBe("different");
    // a 代替文字 and a real difference in one name is still a difference
    expect(statuses(card({ name: "高橋　二郎" }), person({ name: "髙橋　一郎" })).name).toBe("different");
  });

  it("sees only notation where the register writes the address from the town or with hyphens", () => {
    expect(statuses(card(), person({ address: "今市町2丁目15番3号" })).address).toBe("notation");
    expect(statuses(card(), person({ address: "島根県出雲市今市町2-15-3" })).address).toBe("notation");
    expect(statuses(card(), person({ address: "島根県出雲市今市町2丁目16番3号" })).address).toBe("different");
  });

  it("finds a 代替文字 inside the address too", () => {
    const c = card({ address: "島根県出雲市大社町杵築東1番地" });
    expect(statuses(c, person({ address: "大社町杵築東1番地" })).address).toBe("notation");
    const s = card({ address: "島根県出雲市高松町1番地" });
    expect(statuses(s, person({ address: "髙松町1番地" })).address).toBe("substitute");
  });

  it("cannot check a masked address (支援措置) or a missing date", () => {
    expect(statuses(card(), person({ address: null })).address).toBe("unknown");
    expect(statuses(card({ birthDate: null }), person()).birthDate).toBe("unknown");
  });

  it("compares birth date and sex", () => {
    expect(statuses(card({ birthDate: "1980-04-02" }), person())).toMatchObject({ birthDate: "different" });
    expect(statuses(card({ sex: "female" }), person())).toMatchObject({ sex: "different" });
    expect(statuses(card({ sex: null }), person())).toMatchObject({ sex: "unknown" });
  });
});

describe("card fields", () => {
  it("reads the birth date as YYYYMMDD and tolerates separators and full-width digits", () => {
    expect(cardBirthDate("19800401")).toBe("1980-04-01");
    expect(cardBirthDate("１９８００４０１")).toBe("1980-04-01");
    expect(cardBirthDate("1980-04-01")).toBe("1980-04-01");
    expect(cardBirthDate("19800231")).toBeNull();
    expect(cardBirthDate("昭和55年4月1日")).toBeNull();
  });

  it("reads the ISO 5218 sex code", () => {
    expect([cardSex("1"), cardSex("2"), cardSex("9"), cardSex("0")]).toEqual(["male", "female", null, null]);
  });
});
