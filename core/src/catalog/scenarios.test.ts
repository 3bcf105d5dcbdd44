import { describe, expect, it } from "vitest";
import { defaultProcedures } from "./default-catalog.ts";
import { deriveProcedures } from "./derive.ts";
import type { DerivationFacts, MemberFacts } from "./rules.ts";
import { allMoving, enrolled, factsOf, person, withoutEnrollments } from "./testing.ts";

/** The default catalog's derivation as "key" or "key name", easy to read in a failing test. */
function derive(facts: DerivationFacts): string[] {
  const names = new Map(facts.household.map((m) => [m.personId, m.name]));
  return deriveProcedures(defaultProcedures, facts).map((d) =>
    d.personId === null ? d.key : `${d.key} ${names.get(d.personId)}`,
  );
}

const date = "2026-10-01";

describe("転出 (moveOut)", () => {
  const family = (): MemberFacts[] =>
    allMoving([
      person("山田 太郎", "1986-04-10", {
        isHead: true,
        enrollments: [
          enrolled("nationalHealthInsurance"),
          enrolled("childAllowance", "recipient", { childCount: 2 }),
        ],
      }),
      person("山田 花子", "1988-06-01", { enrollments: [enrolled("nationalHealthInsurance")] }),
      person("山田 一郎", "2016-05-05", {
        enrollments: [enrolled("childMedical", "subjectChild"), enrolled("childAllowance", "subjectChild")],
      }),
      // 6 on the day and on 1 April: 小学1年.
      person("山田 二郎", "2020-03-15", {
        enrollments: [enrolled("childMedical", "subjectChild"), enrolled("childAllowance", "subjectChild")],
      }),
    ]);

  it("a whole 4-person household with 国保, 児童手当 and 子ども医療", () => {
    expect(derive(factsOf("moveOut", date, family()))).toEqual([
      "move-out-notice",
      "nhi-loss 山田 太郎",
      "nhi-loss 山田 花子",
      "child-allowance-end 山田 太郎",
      "child-medical-loss 山田 一郎",
      "child-medical-loss 山田 二郎",
      "school-transfer-move-out 山田 一郎",
      "school-transfer-move-out 山田 二郎",
    ]);
  });

  it("the same household without enrollments needs only the notice and the schools", () => {
    expect(derive(factsOf("moveOut", date, withoutEnrollments(family())))).toEqual([
      "move-out-notice",
      "school-transfer-move-out 山田 一郎",
      "school-transfer-move-out 山田 二郎",
    ]);
  });

  it("a 6-year-old not yet in school (born after 1 April) has no school to leave", () => {
    const household = family();
    household[3] = { ...(household[3] as MemberFacts), birthDate: "2020-05-01" };
    expect(derive(factsOf("moveOut", date, household)).filter((k) => k.startsWith("school"))).toEqual([
      "school-transfer-move-out 山田 一郎",
    ]);
  });

  it("only the members who leave lose their 資格", () => {
    const household = family().map((m) => ({ ...m, moving: m.name === "山田 花子" }));
    expect(derive(factsOf("moveOut", date, household))).toEqual(["move-out-notice", "nhi-loss 山田 花子"]);
  });

  it("a certified 介護 member gets the 受給資格証明書; 非該当 only loses the 資格", () => {
    const elder = (careLevel: string) =>
      allMoving([
        person("高橋 ハル", "1945-02-02", {
          isHead: true,
          enrollments: [enrolled("lateElderlyMedical"), enrolled("longTermCare", "insured", { careLevel })],
        }),
      ]);
    expect(derive(factsOf("moveOut", date, elder("要介護2")))).toEqual([
      "move-out-notice",
      "late-elderly-loss 高橋 ハル",
      "ltc-eligibility-certificate 高橋 ハル",
      "ltc-loss 高橋 ハル",
    ]);
    expect(derive(factsOf("moveOut", date, elder("非該当")))).not.toContain(
      "ltc-eligibility-certificate 高橋 ハル",
    );
  });

  it("cards, registrations and housing of the people who leave", () => {
    const household = allMoving([
      person("鈴木 一", "1970-01-01", {
        isHead: true,
        enrollments: [
          enrolled("sealRegistration", "holder"),
          enrolled("dogRegistration", "holder"),
          enrolled("publicHousing", "member"),
          enrolled("severeDisabilityMedical", "recipient"),
        ],
      }),
      person("鈴木 保", "2022-01-01", { enrollments: [enrolled("nurseryKindergarten", "subjectChild")] }),
    ]);
    expect(derive(factsOf("moveOut", date, household))).toEqual([
      "move-out-notice",
      "seal-registration-end 鈴木 一",
      "severe-disability-medical-return 鈴木 一",
      "nursery-change 鈴木 保",
      "public-housing-move-out",
      "dog-location-change 鈴木 一",
    ]);
  });
});

describe("死亡 (death)", () => {
  const head = () =>
    person("佐藤 一郎", "1948-03-01", {
      isHead: true,
      moving: true,
      enrollments: [
        enrolled("lateElderlyMedical"),
        enrolled("longTermCare", "insured", { careLevel: "要介護2" }),
        enrolled("nationalPension", "recipient"),
      ],
    });
  const spouse = () => person("佐藤 和子", "1950-01-01", { enrollments: [enrolled("lateElderlyMedical")] });
  const expected = [
    "death-notice 佐藤 一郎",
    "late-elderly-loss 佐藤 一郎",
    "late-elderly-funeral-expenses 佐藤 一郎",
    "pension-recipient-death 佐藤 一郎",
    "pension-unpaid-claim 佐藤 一郎",
    "ltc-loss 佐藤 一郎",
  ];

  it("a 78-year-old head with 後期高齢・介護・年金 in a 2-person household: no 世帯主変更", () => {
    expect(derive(factsOf("death", date, [head(), spouse()]))).toEqual(expected);
  });

  it("with two members remaining, the 世帯主変更届 is needed", () => {
    const household = [head(), spouse(), person("佐藤 次郎", "1976-08-08")];
    const derived = derive(factsOf("death", date, household));
    expect(derived).toEqual([expected[0], "head-change-on-death", ...expected.slice(1)]);
  });

  it("pension procedures come from the navigation answer when the feed has no 受給権者", () => {
    const unrecorded = { ...head(), enrollments: [enrolled("lateElderlyMedical")] };
    const facts = (answers: Record<string, string>) =>
      factsOf("death", date, [unrecorded, spouse()], { answers });
    expect(derive(facts({})).filter((k) => k.startsWith("pension"))).toEqual([]);
    expect(derive(facts({ pensionRecipient: "yes" })).filter((k) => k.startsWith("pension"))).toEqual([
      "pension-recipient-death 佐藤 一郎",
      "pension-unpaid-claim 佐藤 一郎",
    ]);
  });

  it("a working-age 国保 head who paid tax: おくやみ across sections", () => {
    const household = [
      person("田中 誠", "1971-02-03", {
        isHead: true,
        moving: true,
        enrollments: [
          enrolled("nationalHealthInsurance"),
          enrolled("nationalPension", "insured", { category: "第1号" }),
          enrolled("residentTax", "holder", { taxStatus: "課税" }),
          enrolled("sealRegistration", "holder"),
          enrolled("dogRegistration", "holder"),
          enrolled("childAllowance", "recipient", { childCount: 1 }),
        ],
      }),
      person("田中 恵", "1976-03-03", { enrollments: [enrolled("nationalHealthInsurance")] }),
      person("田中 翔", "2011-07-07", {
        enrollments: [enrolled("nationalHealthInsurance"), enrolled("childAllowance", "subjectChild")],
      }),
    ];
    expect(derive(factsOf("death", date, household))).toEqual([
      "death-notice 田中 誠",
      "head-change-on-death",
      "seal-registration-end 田中 誠",
      "nhi-loss 田中 誠",
      "nhi-household-change",
      "nhi-funeral-expenses 田中 誠",
      "pension-insured-death 田中 誠",
      "child-allowance-end 田中 誠",
      "dog-owner-death 田中 誠",
      "heir-representative 田中 誠",
    ]);
  });

  it("a non-taxed person leaves no tax to inherit; a 40–64 member without 介護 row keeps none to lose", () => {
    const household = [
      person("木村 修", "1975-01-01", {
        isHead: true,
        moving: true,
        enrollments: [enrolled("residentTax", "holder", { taxStatus: "非課税" })],
      }),
    ];
    expect(derive(factsOf("death", date, household))).toEqual(["death-notice 木村 修"]);
  });

  it("the 市営住宅 tenant's death with family remaining", () => {
    const household = [
      person("林 茂", "1955-05-05", {
        isHead: true,
        moving: true,
        enrollments: [enrolled("publicHousing", "member")],
      }),
      person("林 幸", "1957-05-05", { enrollments: [enrolled("publicHousing", "member")] }),
    ];
    expect(derive(factsOf("death", date, household))).toEqual([
      "death-notice 林 茂",
      "ltc-loss 林 茂",
      "public-housing-succession",
    ]);
  });
});

describe("転入 (moveIn)", () => {
  const family = () =>
    allMoving([
      person("伊藤 健", "1991-01-01", { isHead: true, hasMyNumberCard: true }),
      person("伊藤 綾", "1993-02-02"),
      person("伊藤 蓮", "2019-09-01"), // 小学1年
      person("伊藤 凛", "2023-01-01"),
    ]);

  it("a family from another municipality", () => {
    expect(derive(factsOf("moveIn", date, family(), { origin: "otherMunicipality" }))).toEqual([
      "move-in-notice",
      "my-number-card-address 伊藤 健",
      "seal-registration-new 伊藤 健",
      "seal-registration-new 伊藤 綾",
      "nhi-enrolment 伊藤 健",
      "nhi-enrolment 伊藤 綾",
      "nhi-enrolment 伊藤 蓮",
      "nhi-enrolment 伊藤 凛",
      "child-allowance-claim",
      "child-medical-registration 伊藤 蓮",
      "child-medical-registration 伊藤 凛",
      "infant-checkup-move-in",
      "school-enrolment-move-in 伊藤 蓮",
    ]);
  });

  it("with workplace insurance there is no 国保; navigation answers add their procedures", () => {
    const answers = { workplaceInsurance: "yes", hasDog: "yes", pregnant: "yes" };
    const derived = derive(factsOf("moveIn", date, family(), { answers }));
    expect(derived.filter((k) => k.startsWith("nhi"))).toEqual([]);
    expect(derived).toContain("dog-registration-move-in");
    expect(derived).toContain("prenatal-checkup-exchange");
  });

  it("a child joining a household that already receives 児童手当 changes the amount", () => {
    const household = [
      person("伊藤 父", "1985-01-01", {
        isHead: true,
        enrollments: [enrolled("childAllowance", "recipient")],
      }),
      person("伊藤 子", "2012-01-01", { moving: true }),
    ];
    const derived = derive(factsOf("moveIn", date, household));
    expect(derived).toContain("child-allowance-revision");
    expect(derived).not.toContain("child-allowance-claim");
  });

  it("a foreign resident of working age from abroad", () => {
    const newcomer = [
      person("グエン ヴァン アン", "1998-05-05", { isHead: true, moving: true, foreign: true }),
    ];
    expect(derive(factsOf("moveIn", date, newcomer, { origin: "abroad" }))).toEqual([
      "move-in-notice",
      "residence-card-address グエン ヴァン アン",
      "seal-registration-new グエン ヴァン アン",
      "nhi-enrolment グエン ヴァン アン",
      "pension-first-category-enrolment グエン ヴァン アン",
    ]);
    expect(derive(factsOf("moveIn", date, newcomer, { origin: "otherMunicipality" }))).not.toContain(
      "pension-first-category-enrolment グエン ヴァン アン",
    );
  });

  it("a person of 75 joins 後期高齢 and 介護, not 国保", () => {
    const elder = [person("渡辺 トシ", "1951-10-01", { isHead: true, moving: true })];
    expect(derive(factsOf("moveIn", date, elder))).toEqual([
      "move-in-notice",
      "seal-registration-new 渡辺 トシ",
      "late-elderly-enrolment 渡辺 トシ",
      "ltc-enrolment 渡辺 トシ",
    ]);
    // The day before the 75th birthday, still 国保.
    expect(derive(factsOf("moveIn", "2026-09-30", elder))).toContain("nhi-enrolment 渡辺 トシ");
  });
});

describe("転居 (moveWithin)", () => {
  it("address changes across sections", () => {
    const household = allMoving([
      person("中村 浩", "1980-01-01", {
        isHead: true,
        hasMyNumberCard: true,
        foreign: true,
        enrollments: [
          enrolled("nationalHealthInsurance"),
          enrolled("childAllowance", "recipient"),
          enrolled("dogRegistration", "holder"),
        ],
      }),
      person("中村 陽", "2014-01-01", { enrollments: [enrolled("nationalHealthInsurance")] }),
      person("中村 清", "1940-01-01", {
        enrollments: [
          enrolled("lateElderlyMedical"),
          enrolled("longTermCare", "insured", { careLevel: "非該当" }),
        ],
      }),
    ]);
    expect(derive(factsOf("moveWithin", date, household))).toEqual([
      "move-within-notice",
      "residence-card-address 中村 浩",
      "my-number-card-address 中村 浩",
      "nhi-address-change",
      "late-elderly-address-change 中村 清",
      "ltc-address-change 中村 清",
      "child-allowance-address-change 中村 浩",
      "school-district-check 中村 陽",
      "dog-location-change 中村 浩",
    ]);
  });
});

describe("出生 (birth)", () => {
  const parents = (programme: "nationalHealthInsurance" | null, allowance = false) => [
    person("小林 大輔", "1990-01-01", {
      isHead: true,
      enrollments: [
        ...(programme ? [enrolled(programme)] : []),
        ...(allowance ? [enrolled("childAllowance", "recipient")] : []),
      ],
    }),
    person("小林 舞", "1992-01-01", { enrollments: programme ? [enrolled(programme)] : [] }),
    person("小林 陽菜", date, { moving: true }),
  ];

  it("parents in 国保, first child", () => {
    expect(derive(factsOf("birth", date, parents("nationalHealthInsurance")))).toEqual([
      "birth-notice 小林 陽菜",
      "nhi-enrolment 小林 陽菜",
      "nhi-childbirth-lump-sum",
      "child-allowance-claim",
      "child-medical-registration 小林 陽菜",
      "birth-visit-notice",
    ]);
  });

  it("parents in workplace insurance, already receiving 児童手当, baby under 2,500 g", () => {
    const facts = factsOf("birth", date, parents(null, true), { answers: { birthWeightUnder2500: "yes" } });
    expect(derive(facts)).toEqual([
      "birth-notice 小林 陽菜",
      "child-allowance-revision",
      "child-medical-registration 小林 陽菜",
      "birth-visit-notice",
      "low-birth-weight-notice",
    ]);
  });
});

describe("世帯変更 and 職権", () => {
  it("a 世帯分離 in a 国保 household also changes the 国保 household", () => {
    const household = [
      person("加藤 勇", "1960-01-01", { isHead: true, enrollments: [enrolled("nationalHealthInsurance")] }),
      person("加藤 学", "1992-01-01", { moving: true, enrollments: [enrolled("nationalHealthInsurance")] }),
    ];
    expect(derive(factsOf("householdSplit", date, household))).toEqual([
      "household-change-notice",
      "nhi-household-change",
    ]);
    expect(derive(factsOf("headChange", date, withoutEnrollments(household)))).toEqual([
      "household-change-notice",
    ]);
  });

  it("an ex-officio change derives nothing", () => {
    expect(derive(factsOf("exOfficio", date, [person("職権 一", "1980-01-01", { moving: true })]))).toEqual(
      [],
    );
  });
});
