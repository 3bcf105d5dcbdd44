import { describe, expect, it } from "vitest";
import { defaultProcedures } from "./default-catalog.ts";
import { deriveProcedures } from "./derive.ts";
import type { DerivationFacts, MemberFacts } from "./rules.ts";
import { allMoving, enrolled, factsOf, person } from "./testing.ts";

/**
 * One typical household per event kind against the full default catalog: the procedures a clerk
 * expects are there, the ones of other events are not. scenarios.test.ts pins exact lists; these
 * tests say what matters, so that adding a catalog entry does not churn them.
 */
const keys = (facts: DerivationFacts) =>
  new Set(deriveProcedures(defaultProcedures, facts).map((d) => d.key));

function expectDerived(facts: DerivationFacts, present: string[], absent: string[]) {
  const derived = keys(facts);
  for (const key of present) expect(derived, `present: ${key}`).toContain(key);
  for (const key of absent) expect(derived, `absent: ${key}`).not.toContain(key);
}

const date = "2026-10-01";

describe("転入", () => {
  const family = (): MemberFacts[] =>
    allMoving([
      person("伊藤 健", "1986-01-01", { isHead: true, hasMyNumberCard: true }),
      person("伊藤 綾", "1988-02-02", { sex: "female" }),
      person("伊藤 蓮", "2017-09-01"), // 小学3年
      person("伊藤 凛", "2023-01-01"),
    ]);

  it("a family from another municipality", () => {
    expectDerived(
      factsOf("moveIn", date, family(), { origin: "otherMunicipality" }),
      [
        "move-in-notice",
        "my-number-card-address",
        "seal-registration-new",
        "nhi-enrolment",
        "child-allowance-claim",
        "child-medical-registration",
        "infant-checkup-move-in",
        "school-enrolment-move-in",
      ],
      [
        "move-out-notice",
        "pension-first-category-enrolment",
        "late-elderly-enrolment",
        "ltc-enrolment",
        "nhi-loss",
        "marriage-notice",
        "child-rearing-allowance-claim",
      ],
    );
  });

  it("the same family in workplace insurance, with a dog, single parent, a school-aid request", () => {
    expectDerived(
      factsOf("moveIn", date, family(), {
        origin: "otherMunicipality",
        answers: { workplaceInsurance: "yes", hasDog: "yes", singleParent: "yes", schoolAidWanted: "yes" },
      }),
      [
        "dog-registration-move-in",
        "child-rearing-allowance-claim",
        "single-parent-medical-application",
        "school-aid-application",
      ],
      ["nhi-enrolment"],
    );
  });

  it("a single foreign resident from abroad", () => {
    const newcomer = [
      person("グエン ヴァン アン", "1998-05-05", { isHead: true, moving: true, foreign: true }),
    ];
    expectDerived(
      factsOf("moveIn", date, newcomer, { origin: "abroad" }),
      ["move-in-notice", "residence-card-address", "nhi-enrolment", "pension-first-category-enrolment"],
      ["my-number-card-address", "child-allowance-claim", "school-enrolment-move-in"],
    );
  });

  it("an elderly couple: 後期高齢 and 介護, with a certification to carry over", () => {
    const couple = allMoving([
      person("渡辺 勇", "1948-01-01", { isHead: true }),
      person("渡辺 トシ", "1950-01-01"),
    ]);
    expectDerived(
      factsOf("moveIn", date, couple, { answers: { careCertifiedElsewhere: "yes" } }),
      ["late-elderly-enrolment", "ltc-enrolment", "ltc-certification-transfer"],
      ["nhi-enrolment", "child-allowance-claim"],
    );
  });
});

describe("転出", () => {
  it("a family leaving, abroad, with tax due", () => {
    const family = allMoving([
      person("山田 太郎", "1986-04-10", {
        isHead: true,
        enrollments: [
          enrolled("nationalHealthInsurance"),
          enrolled("childAllowance", "recipient"),
          enrolled("residentTax", "holder", { taxStatus: "課税" }),
        ],
      }),
      person("山田 一郎", "2016-05-05", {
        enrollments: [enrolled("childMedical", "subjectChild"), enrolled("childAllowance", "subjectChild")],
      }),
    ]);
    expectDerived(
      factsOf("moveOut", date, family, { answers: { movingAbroad: "yes" } }),
      [
        "move-out-notice",
        "nhi-loss",
        "child-allowance-end",
        "child-medical-loss",
        "school-transfer-move-out",
        "tax-agent-declaration",
        "pension-voluntary-enrolment",
      ],
      ["move-in-notice", "nhi-enrolment", "child-allowance-decrease", "head-change-on-death"],
    );
  });

  it("a child who leaves a household that keeps its 児童手当 lowers the amount", () => {
    const household = [
      person("山田 太郎", "1986-04-10", {
        isHead: true,
        enrollments: [enrolled("childAllowance", "recipient")],
      }),
      person("山田 一郎", "2016-05-05", {
        moving: true,
        enrollments: [enrolled("childAllowance", "subjectChild")],
      }),
    ];
    expectDerived(factsOf("moveOut", date, household), ["child-allowance-decrease"], ["child-allowance-end"]);
  });

  it("a 生活保護 household leaving", () => {
    const household = allMoving([
      person("小川 実", "1960-01-01", {
        isHead: true,
        enrollments: [enrolled("publicAssistance", "member")],
      }),
    ]);
    expectDerived(
      factsOf("moveOut", date, household),
      ["public-assistance-move-out"],
      ["public-assistance-change", "nhi-loss"],
    );
  });
});

describe("転居", () => {
  it("address changes across sections", () => {
    const household = allMoving([
      person("中村 浩", "1980-01-01", {
        isHead: true,
        hasMyNumberCard: true,
        enrollments: [
          enrolled("nationalHealthInsurance"),
          enrolled("severeDisabilityMedical", "recipient"),
          enrolled("disabilityWelfare", "holder"),
        ],
      }),
      person("中村 陽", "2014-01-01", {
        enrollments: [enrolled("childMedical", "subjectChild"), enrolled("schoolAid", "subjectChild")],
      }),
    ]);
    expectDerived(
      factsOf("moveWithin", date, household),
      [
        "move-within-notice",
        "my-number-card-address",
        "nhi-address-change",
        "severe-disability-medical-change",
        "disability-handbook-address-change",
        "child-medical-change",
        "school-district-check",
        "school-aid-change",
      ],
      ["move-in-notice", "move-out-notice", "nhi-loss", "seal-registration-new", "school-enrolment-move-in"],
    );
  });
});

describe("出生", () => {
  it("a second child in a 国保 household receiving 児童手当, the mother 第1号", () => {
    const household = [
      person("小林 大輔", "1990-01-01", {
        isHead: true,
        enrollments: [enrolled("nationalHealthInsurance"), enrolled("childAllowance", "recipient")],
      }),
      person("小林 舞", "1992-01-01", {
        sex: "female",
        enrollments: [
          enrolled("nationalHealthInsurance"),
          enrolled("nationalPension", "insured", { category: "第1号" }),
        ],
      }),
      person("小林 陽菜", date, { moving: true }),
    ];
    expectDerived(
      factsOf("birth", date, household, {
        answers: { birthWeightUnder2500: "yes", infantHospitalized: "yes" },
      }),
      [
        "birth-notice",
        "nhi-enrolment",
        "nhi-childbirth-lump-sum",
        "child-allowance-revision",
        "child-medical-registration",
        "birth-visit-notice",
        "low-birth-weight-notice",
        "premature-infant-medical",
        "pension-maternity-exemption",
      ],
      ["child-allowance-claim", "move-in-notice", "death-notice"],
    );
  });
});

describe("死亡", () => {
  // The pension feed has no 受給権者 here: the navigation answer says the deceased received one.
  const head = () =>
    person("佐藤 一郎", "1948-03-01", {
      isHead: true,
      moving: true,
      hasMyNumberCard: true,
      enrollments: [
        enrolled("lateElderlyMedical"),
        enrolled("longTermCare", "insured", { careLevel: "要介護2" }),
        enrolled("sealRegistration", "holder"),
      ],
    });
  const spouse = () => person("佐藤 和子", "1950-01-01", { enrollments: [enrolled("lateElderlyMedical")] });
  const core = [
    "death-notice",
    "late-elderly-loss",
    "late-elderly-funeral-expenses",
    "ltc-loss",
    "pension-recipient-death",
    "pension-unpaid-claim",
    "seal-registration-end",
  ];
  const answers = { pensionRecipient: "yes" };

  it("a 78-year-old 世帯主 with 後期高齢・介護・年金 in a 2-person household: no 世帯主変更", () => {
    expectDerived(factsOf("death", date, [head(), spouse()], { answers }), core, [
      "head-change-on-death",
      "nhi-loss",
      "nhi-funeral-expenses",
      "ltc-eligibility-certificate",
      "move-out-notice",
    ]);
  });

  it("with 3 members the remaining two choose a new 世帯主", () => {
    const household = [head(), spouse(), person("佐藤 次郎", "1976-08-08")];
    expectDerived(factsOf("death", date, household, { answers }), [...core, "head-change-on-death"], []);
  });

  it("without the answer the pension procedures wait for it", () => {
    expectDerived(
      factsOf("death", date, [head(), spouse()]),
      ["late-elderly-loss"],
      ["pension-recipient-death"],
    );
  });

  it("a 生活保護 recipient with a disability handbook", () => {
    const household = [
      person("大野 守", "1965-01-01", {
        isHead: true,
        moving: true,
        enrollments: [enrolled("publicAssistance", "member"), enrolled("disabilityWelfare", "holder")],
      }),
    ];
    expectDerived(
      factsOf("death", date, household),
      ["death-notice", "public-assistance-death", "disability-handbook-return"],
      ["public-assistance-change", "head-change-on-death"],
    );
  });
});

describe("世帯分離・世帯合併・世帯構成変更・世帯主変更", () => {
  const household = () => [
    person("加藤 勇", "1960-01-01", {
      isHead: true,
      enrollments: [enrolled("nationalHealthInsurance"), enrolled("publicAssistance", "member")],
    }),
    person("加藤 学", "1992-01-01", { moving: true, enrollments: [enrolled("nationalHealthInsurance")] }),
  ];

  for (const kind of ["householdSplit", "householdMerge", "householdRecompose", "headChange"] as const)
    it(`${kind}: the 世帯変更届, the 国保 household and the 生活保護 household`, () => {
      expectDerived(
        factsOf(kind, date, household()),
        ["household-change-notice", "nhi-household-change", "public-assistance-change"],
        ["move-within-notice", "move-in-notice", "nhi-enrolment", "nhi-loss", "head-change-on-death"],
      );
    });

  it("a 世帯合併 that comes with a 婚姻届 and a change of name", () => {
    const card = household().map((m) => ({ ...m, hasMyNumberCard: true }));
    expectDerived(
      factsOf("householdMerge", date, card, {
        answers: { familyRegisterNotice: "marriage", surnameChange: "yes" },
      }),
      ["marriage-notice", "my-number-card-name-change", "nhi-name-change"],
      ["divorce-notice", "seal-registration-name-change"],
    );
  });
});
