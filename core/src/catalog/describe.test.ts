import { describe, expect, it } from "vitest";
import { describeCondition } from "./describe.ts";
import type { Condition } from "./rules.ts";

const moveOut: Condition = { kind: "event", events: ["moveOut"] };
const birth: Condition = { kind: "event", events: ["birth"] };
const insuredMoving: Condition = {
  kind: "members",
  scope: "moving",
  match: { enrolledIn: { programme: "nationalHealthInsurance" } },
};

describe("describeCondition", () => {
  it("reads a conjunction as one sentence", () => {
    expect(describeCondition({ kind: "all", conditions: [moveOut, insuredMoving] })).toBe(
      "届出が転出で、異動する人に国民健康保険の加入者がいる場合",
    );
  });

  it("describes events, several events and origins", () => {
    expect(describeCondition(moveOut)).toBe("届出が転出の場合");
    expect(describeCondition({ kind: "event", events: ["moveIn", "moveWithin"] })).toBe(
      "届出が転入・転居のいずれかの場合",
    );
    expect(describeCondition({ kind: "event", events: ["moveIn"], origins: ["abroad"] })).toBe(
      "届出が転入（国外から）の場合",
    );
  });

  it("describes member conditions by scope, age, role, attribute and count", () => {
    expect(describeCondition({ kind: "members", scope: "household", match: { ageUnder: 18 } })).toBe(
      "世帯員に18歳未満の人がいる場合",
    );
    expect(describeCondition({ kind: "members", scope: "remaining", match: {}, atLeast: 2 })).toBe(
      "世帯に残る人が2人以上いる場合",
    );
    expect(
      describeCondition({
        kind: "members",
        scope: "household",
        match: { enrolledIn: { programme: "childAllowance", roles: ["recipient"] } },
      }),
    ).toBe("世帯員に児童手当の受給者がいる場合");
    expect(
      describeCondition({
        kind: "members",
        scope: "moving",
        match: {
          ageAtLeast: 65,
          enrolledIn: {
            programme: "longTermCare",
            attribute: { key: "careLevel", values: ["要介護1", "要介護2"] },
          },
        },
        atLeast: 2,
      }),
    ).toBe("異動する人に65歳以上で介護保険の加入者（要介護度が要介護1・要介護2のいずれか）が2人以上いる場合");
    expect(
      describeCondition({
        kind: "members",
        scope: "moving",
        match: { isHead: true, enrolledIn: { programme: "publicHousing", attribute: { key: "housing" } } },
      }),
    ).toBe("異動する人に世帯主で市営住宅の入居者（住宅の記録あり）がいる場合");
  });

  it("describes 本人 for person-scope rules", () => {
    expect(
      describeCondition({
        kind: "all",
        conditions: [
          { kind: "event", events: ["moveIn"] },
          {
            kind: "members",
            scope: "self",
            match: { moving: true, ageAtLeast: 6, ageUnder: 15, ageBasis: "schoolYear" },
          },
        ],
      }),
    ).toBe("届出が転入で、本人が異動する人で、年度初め（4月1日）時点で6歳以上15歳未満である場合");
    expect(
      describeCondition({ kind: "members", scope: "self", match: { hasMyNumberCard: true, foreign: true } }),
    ).toBe("本人が外国人住民で、マイナンバーカードを持っている人である場合");
  });

  it("joins several tests on 本人 into one clause", () => {
    expect(
      describeCondition({
        kind: "all",
        conditions: [
          { kind: "members", scope: "self", match: { moving: true, ageUnder: 75 } },
          { kind: "event", events: ["moveIn"] },
          { kind: "members", scope: "self", match: { moving: true, notEnrolledIn: "lateElderlyMedical" } },
        ],
      }),
    ).toBe("本人が異動する人で、75歳未満で、後期高齢者医療の資格がない人であり、届出が転入の場合");
  });

  it("brackets an alternative inside a conjunction", () => {
    const rule: Condition = {
      kind: "all",
      conditions: [
        {
          kind: "any",
          conditions: [
            birth,
            {
              kind: "all",
              conditions: [
                { kind: "event", events: ["moveIn"] },
                { kind: "members", scope: "moving", match: { ageUnder: 18 } },
              ],
            },
          ],
        },
        {
          kind: "not",
          condition: {
            kind: "members",
            scope: "household",
            match: { enrolledIn: { programme: "childAllowance", roles: ["recipient"] } },
          },
        },
      ],
    };
    expect(describeCondition(rule)).toBe(
      "（届出が出生、または（届出が転入で、異動する人に18歳未満の人がいる））で、世帯員に児童手当の受給者がいない場合",
    );
  });

  it("negates leaves in their own words and compounds as a whole", () => {
    expect(describeCondition({ kind: "not", condition: moveOut })).toBe("届出が転出ではない場合");
    expect(
      describeCondition({
        kind: "not",
        condition: { kind: "answer", question: "workplaceInsurance", values: ["yes"] },
      }),
    ).toBe("「職場の健康保険に加入している（加入する）か」の答えが「はい」ではない場合");
    expect(
      describeCondition({
        kind: "not",
        condition: { kind: "members", scope: "self", match: { isHead: true } },
      }),
    ).toBe("本人が世帯主ではない場合");
    expect(
      describeCondition({
        kind: "not",
        condition: { kind: "members", scope: "remaining", match: {}, atLeast: 2 },
      }),
    ).toBe("世帯に残る人が2人以上はいない場合");
    expect(describeCondition({ kind: "not", condition: { kind: "any", conditions: [moveOut, birth] } })).toBe(
      "（届出が転出、または届出が出生）に当たらない場合",
    );
    expect(describeCondition({ kind: "not", condition: { kind: "not", condition: birth } })).toBe(
      "届出が出生の場合",
    );
  });

  it("continues a negated clause in a conjunction", () => {
    const rule: Condition = {
      kind: "all",
      conditions: [
        { kind: "not", condition: insuredMoving },
        { kind: "answer", question: "birthWeightUnder2500", values: ["yes", "no"] },
      ],
    };
    expect(describeCondition(rule)).toBe(
      "異動する人に国民健康保険の加入者がおらず、「出生時の体重が2,500g未満か」の答えが「はい」または「いいえ」の場合",
    );
  });

  it("describes a single-part compound as its part", () => {
    expect(describeCondition({ kind: "any", conditions: [moveOut] })).toBe("届出が転出の場合");
    expect(describeCondition({ kind: "all", conditions: [insuredMoving] })).toBe(
      "異動する人に国民健康保険の加入者がいる場合",
    );
  });
});
