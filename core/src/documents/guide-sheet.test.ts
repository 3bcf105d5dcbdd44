import { describe, expect, it } from "vitest";
import { firstSentence, guideItems } from "./guide-sheet.ts";

describe("firstSentence", () => {
  it("stops at the first 。 outside brackets", () => {
    expect(firstSentence("75歳未満の方（生活保護の方を除く。）は加入する。届出は14日以内。")).toBe(
      "75歳未満の方（生活保護の方を除く。）は加入する。",
    );
    expect(firstSentence("句点のない文")).toBe("句点のない文");
  });
});

describe("guideItems", () => {
  const procedure = {
    name: "国民健康保険 加入届",
    personName: "山田　太郎",
    guidance: "職場の保険に入っていない方は国保に加入します。世帯主が届け出ます。",
    bring: ["本人確認書類", "マイナンバーカード"],
    status: "notStarted" as const,
    handling: "referred" as const,
    counter: { id: "hokennenkin", name: "保険年金課", place: "本庁舎1階 5番窓口" },
  };

  it("says what, what to bring, where, and whether it is done", () => {
    expect(guideItems([procedure])).toEqual([
      {
        name: "国民健康保険 加入届",
        person: "山田　太郎",
        what: "職場の保険に入っていない方は国保に加入します。",
        bring: "本人確認書類、マイナンバーカード",
        where: "保険年金課（本庁舎1階 5番窓口）",
        status: "これから",
      },
    ]);
  });

  it("says ここで受付 for this counter's own procedures, 済み when taken, and leaves out 不要", () => {
    const items = guideItems([
      { ...procedure, handling: "handledHere", status: "received", bring: [] },
      { ...procedure, status: "notNeeded" },
    ]);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ where: "ここで受付", status: "済み", bring: "特にありません" });
  });
});
