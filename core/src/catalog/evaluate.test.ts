import { describe, expect, it } from "vitest";
import { evaluateCondition } from "./evaluate.ts";
import type { Condition, MemberPredicate, MemberScope } from "./rules.ts";
import { enrolled, factsOf, person } from "./testing.ts";

const members = (scope: MemberScope, match: MemberPredicate, atLeast?: number): Condition => ({
  kind: "members",
  scope,
  match,
  ...(atLeast === undefined ? {} : { atLeast }),
});

const taro = person("山田 太郎", "1986-04-10", {
  isHead: true,
  moving: true,
  sex: "male",
  hasMyNumberCard: true,
  enrollments: [
    enrolled("nationalHealthInsurance", "insured", { insuredNumber: "1234567" }),
    enrolled("childAllowance", "recipient", { childCount: 2 }),
  ],
});
const hanako = person("山田 花子", "2018-01-20", {
  moving: true,
  sex: "female",
  enrollments: [enrolled("childMedical", "subjectChild")],
});
const grandma = person("山田 トメ", "1950-07-01", {
  sex: "female",
  enrollments: [enrolled("longTermCare", "insured", { careLevel: "要介護3" })],
});
const nobody = person("ウィリアムズ ジョン", null, { foreign: true });
const household = [taro, hanako, grandma, nobody];
const facts = factsOf("moveOut", "2026-10-01", household);

describe("event", () => {
  it("matches the residenceChange kind and says so", () => {
    expect(evaluateCondition({ kind: "event", events: ["moveIn", "moveOut"] }, facts)).toEqual({
      matched: true,
      reasons: ["届出が転出"],
    });
    expect(evaluateCondition({ kind: "event", events: ["death"] }, facts).matched).toBe(false);
  });

  it("checks the origin of a 転入 only when the rule names origins", () => {
    const fromAbroad: Condition = { kind: "event", events: ["moveIn"], origins: ["abroad"] };
    const abroad = factsOf("moveIn", "2026-10-01", household, { origin: "abroad" });
    expect(evaluateCondition(fromAbroad, abroad)).toEqual({
      matched: true,
      reasons: ["届出が転入 (国外から)"],
    });
    const domestic = factsOf("moveIn", "2026-10-01", household, { origin: "otherMunicipality" });
    expect(evaluateCondition(fromAbroad, domestic).matched).toBe(false);
    expect(evaluateCondition(fromAbroad, factsOf("moveIn", "2026-10-01", household)).matched).toBe(false);
    expect(evaluateCondition({ kind: "event", events: ["moveIn"] }, domestic).matched).toBe(true);
  });
});

describe("members: scopes and counts", () => {
  it("moving, remaining and household look at different members", () => {
    const female: MemberPredicate = { sex: "female" };
    expect(evaluateCondition(members("moving", female), facts).reasons).toEqual(["山田 花子 が女性"]);
    expect(evaluateCondition(members("remaining", female), facts).reasons).toEqual(["山田 トメ が女性"]);
    expect(evaluateCondition(members("household", female, 2), facts)).toEqual({
      matched: true,
      reasons: ["山田 花子 が女性", "山田 トメ が女性", "世帯員のうち該当者が2人"],
    });
    expect(evaluateCondition(members("moving", female, 2), facts).matched).toBe(false);
  });

  it("self is the given member, and never matches without one", () => {
    const head: MemberPredicate = { isHead: true };
    expect(evaluateCondition(members("self", head), facts, taro)).toEqual({
      matched: true,
      reasons: ["山田 太郎 が世帯主"],
    });
    expect(evaluateCondition(members("self", head), facts, hanako).matched).toBe(false);
    expect(evaluateCondition(members("self", head), facts).matched).toBe(false);
    expect(evaluateCondition(members("self", {}), facts).matched).toBe(false);
    expect(evaluateCondition(members("self", {}), facts, grandma)).toEqual({ matched: true, reasons: [] });
  });

  it("counts members for atLeast, an empty predicate matching anyone", () => {
    expect(evaluateCondition(members("remaining", {}, 2), facts)).toEqual({
      matched: true,
      reasons: ["世帯に残る人が2人"],
    });
    expect(evaluateCondition(members("remaining", {}, 3), facts).matched).toBe(false);
    expect(
      evaluateCondition(members("moving", {}), factsOf("moveOut", "2026-10-01", [grandma])).matched,
    ).toBe(false);
  });

  it("tests the moving flag on a member, for person-scope rules", () => {
    expect(evaluateCondition(members("self", { moving: true }), facts, hanako).reasons).toEqual([
      "山田 花子 が異動する人",
    ]);
    expect(evaluateCondition(members("self", { moving: true }), facts, grandma).matched).toBe(false);
    expect(evaluateCondition(members("self", { moving: false }), facts, grandma).reasons).toEqual([
      "山田 トメ が世帯に残る人",
    ]);
  });
});

describe("members: ages", () => {
  const child = person("佐藤 健", "2008-05-10");
  const on = (date: string, match: MemberPredicate) =>
    evaluateCondition(members("household", match), factsOf("birth", date, [child]));

  it("18歳未満 holds to the day before the 18th birthday and not on it", () => {
    expect(on("2026-05-09", { ageUnder: 18 })).toEqual({
      matched: true,
      reasons: ["佐藤 健 (17歳) が18歳未満"],
    });
    expect(on("2026-05-10", { ageUnder: 18 }).matched).toBe(false);
  });

  it("18歳以上 holds from the birthday", () => {
    expect(on("2026-05-09", { ageAtLeast: 18 }).matched).toBe(false);
    expect(on("2026-05-10", { ageAtLeast: 18 })).toEqual({
      matched: true,
      reasons: ["佐藤 健 (18歳) が18歳以上"],
    });
  });

  it("a range needs both bounds", () => {
    expect(on("2026-05-10", { ageAtLeast: 6, ageUnder: 18 }).matched).toBe(false);
    expect(on("2026-05-09", { ageAtLeast: 6, ageUnder: 18 }).reasons).toEqual([
      "佐藤 健 (17歳) が6歳以上18歳未満",
    ]);
  });

  it("a member born on 29 February comes of age on 1 March in common years", () => {
    const leap = person("閏 太郎", "2008-02-29");
    const at = (date: string) =>
      evaluateCondition(members("household", { ageAtLeast: 18 }), factsOf("moveIn", date, [leap])).matched;
    expect(at("2026-02-28")).toBe(false);
    expect(at("2026-03-01")).toBe(true);
  });

  it("a member without (or with an unreadable) birth date never satisfies an age bound", () => {
    const unknown = [person("不明 一", null), person("不明 二", "2008-13-45"), person("不明 三", "昭和50年")];
    for (const match of [
      { ageUnder: 150 },
      { ageAtLeast: 0 },
      { ageAtLeast: 0, ageBasis: "schoolYear" as const },
    ]) {
      expect(
        evaluateCondition(members("household", match), factsOf("moveIn", "2026-10-01", unknown)).matched,
      ).toBe(false);
    }
    // Other fields still apply to them.
    expect(
      evaluateCondition(members("household", { foreign: true }), factsOf("moveIn", "2026-10-01", [nobody]))
        .matched,
    ).toBe(true);
  });

  it("on the school-year basis, ages are taken on 1 April, so 学年 decides", () => {
    const schoolAge: MemberPredicate = { ageAtLeast: 6, ageUnder: 15, ageBasis: "schoolYear" };
    const pupils = [
      person("一年 早生", "2020-04-01"), // 6 on 1 April 2026: 小学1年
      person("年長 遅生", "2020-04-02"), // turns 6 in April 2026: still 年長
      person("中三 太郎", "2011-06-01"), // 15 on the day, 14 on 1 April: 中学3年
      person("高一 花子", "2011-04-01"), // 15 on 1 April: 高校1年
    ];
    const matched = (date: string) =>
      evaluateCondition(members("household", schoolAge, 1), factsOf("moveOut", date, pupils))
        .reasons.filter((r) => !r.startsWith("世帯員"))
        .map((r) => r.split(" (")[0]);
    expect(matched("2026-10-01")).toEqual(["一年 早生", "中三 太郎"]);
    // In March the school year is still the one that began the previous April.
    expect(matched("2027-03-31")).toEqual(["一年 早生", "中三 太郎"]);
    expect(matched("2027-04-01")).toEqual(["一年 早生", "年長 遅生"]);
    expect(
      evaluateCondition(members("household", schoolAge), factsOf("moveOut", "2026-10-01", pupils)).reasons[0],
    ).toBe("一年 早生 (6歳、年度初め6歳) が年度初め時点で6歳以上15歳未満");
  });

  it("18歳未満 on the school-year basis is 児童手当's 高校生年代 (to the first 31 March after 18)", () => {
    const senior = person("高三 次郎", "2008-06-01");
    const youth = { ageUnder: 18, ageBasis: "schoolYear" } as const;
    const at = (date: string) =>
      evaluateCondition(members("household", youth), factsOf("birth", date, [senior])).matched;
    expect(at("2026-06-01")).toBe(true); // 18 today, 17 on 1 April
    expect(at("2027-03-31")).toBe(true);
    expect(at("2027-04-01")).toBe(false);
  });
});

describe("members: enrollments and flags", () => {
  const has = (match: MemberPredicate, scope: MemberScope = "household") =>
    evaluateCondition(members(scope, match), facts);

  it("enrolledIn names the programme and role", () => {
    expect(has({ enrolledIn: { programme: "nationalHealthInsurance" } }).reasons).toEqual([
      "山田 太郎 が国民健康保険の被保険者",
    ]);
    expect(has({ enrolledIn: { programme: "childAllowance", roles: ["recipient"] } }).matched).toBe(true);
    expect(has({ enrolledIn: { programme: "childAllowance", roles: ["subjectChild"] } }).matched).toBe(false);
    expect(has({ enrolledIn: { programme: "lateElderlyMedical" } }).matched).toBe(false);
  });

  it("an attribute must be present, and one of the values when values are given", () => {
    const care = (values?: string[]) =>
      has({
        enrolledIn: {
          programme: "longTermCare",
          attribute: { key: "careLevel", ...(values ? { values } : {}) },
        },
      });
    expect(care().matched).toBe(true);
    expect(care(["要介護3", "要介護4"]).reasons).toEqual([
      "山田 トメ が介護保険の被保険者 (要介護度 要介護3)",
    ]);
    expect(care(["要支援1"]).matched).toBe(false);
    const count = (values: string[]) =>
      has({ enrolledIn: { programme: "childAllowance", attribute: { key: "childCount", values } } }).matched;
    expect(count(["2"])).toBe(true);
    expect(count(["3"])).toBe(false);
    const missing = { programme: "nationalHealthInsurance" as const, attribute: { key: "copayment" } };
    expect(has({ enrolledIn: missing }).matched).toBe(false);
    const inherited = { programme: "nationalHealthInsurance" as const, attribute: { key: "toString" } };
    expect(has({ enrolledIn: inherited }).matched).toBe(false);
  });

  it("notEnrolledIn, isHead, foreign, card and sex", () => {
    expect(has({ notEnrolledIn: "nationalHealthInsurance" }, "moving").reasons).toEqual([
      "山田 花子 が国民健康保険の資格なし",
    ]);
    expect(has({ isHead: false, sex: "female" }, "moving").reasons).toEqual(["山田 花子 が世帯主以外、女性"]);
    expect(has({ foreign: true }).reasons).toEqual(["ウィリアムズ ジョン が外国人住民"]);
    expect(has({ hasMyNumberCard: true }).reasons).toEqual(["山田 太郎 がマイナンバーカードあり"]);
    expect(has({ hasMyNumberCard: true, sex: "female" }).matched).toBe(false);
  });

  it("reasons list every fact of a combined predicate, age included", () => {
    const match: MemberPredicate = { moving: true, ageUnder: 18, enrolledIn: { programme: "childMedical" } };
    expect(evaluateCondition(members("self", match), facts, hanako).reasons).toEqual([
      "山田 花子 (8歳) が異動する人、18歳未満、子ども医療費の対象児童",
    ]);
  });
});

describe("answer", () => {
  const weight: Condition = { kind: "answer", question: "birthWeightUnder2500", values: ["yes"] };
  const with_ = (answers: Record<string, string>) => factsOf("birth", "2026-10-01", household, { answers });

  it("matches when the answer is one of the values", () => {
    expect(evaluateCondition(weight, with_({ birthWeightUnder2500: "yes" }))).toEqual({
      matched: true,
      reasons: ["「出生時の体重が2,500g未満か」に「はい」と回答"],
    });
    expect(evaluateCondition(weight, with_({ birthWeightUnder2500: "no" })).matched).toBe(false);
    expect(evaluateCondition(weight, with_({})).matched).toBe(false);
  });

  it("shows an unknown question by its key and ignores inherited properties", () => {
    const odd: Condition = { kind: "answer", question: "custom", values: ["A", "B"] };
    expect(evaluateCondition(odd, with_({ custom: "B" })).reasons).toEqual(["「custom」に「B」と回答"]);
    const proto: Condition = { kind: "answer", question: "constructor", values: ["yes"] };
    expect(evaluateCondition(proto, with_({})).matched).toBe(false);
  });
});

describe("all, any, not", () => {
  const moveOut: Condition = { kind: "event", events: ["moveOut"] };
  const death: Condition = { kind: "event", events: ["death"] };
  const insured = members("moving", { enrolledIn: { programme: "nationalHealthInsurance" } });

  it("all needs every part and gathers their reasons", () => {
    expect(evaluateCondition({ kind: "all", conditions: [moveOut, insured] }, facts)).toEqual({
      matched: true,
      reasons: ["届出が転出", "山田 太郎 が国民健康保険の被保険者"],
    });
    expect(evaluateCondition({ kind: "all", conditions: [death, insured] }, facts)).toEqual({
      matched: false,
      reasons: [],
    });
  });

  it("any needs one part and gives the reasons of every part that holds, once", () => {
    expect(evaluateCondition({ kind: "any", conditions: [death, insured] }, facts).reasons).toEqual([
      "山田 太郎 が国民健康保険の被保険者",
    ]);
    expect(
      evaluateCondition({ kind: "any", conditions: [moveOut, insured, moveOut] }, facts).reasons,
    ).toEqual(["届出が転出", "山田 太郎 が国民健康保険の被保険者"]);
    expect(evaluateCondition({ kind: "any", conditions: [death] }, facts).matched).toBe(false);
  });

  it("not inverts and gives no reasons", () => {
    expect(evaluateCondition({ kind: "not", condition: death }, facts)).toEqual({
      matched: true,
      reasons: [],
    });
    expect(evaluateCondition({ kind: "not", condition: moveOut }, facts).matched).toBe(false);
    const both: Condition = { kind: "all", conditions: [moveOut, { kind: "not", condition: death }] };
    expect(evaluateCondition(both, facts)).toEqual({ matched: true, reasons: ["届出が転出"] });
  });
});
