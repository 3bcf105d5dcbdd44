import { describe, expect, it } from "vitest";
import { feedLayouts } from "../feeds/layouts.ts";
import type { ProgrammeKey } from "../programmes/programmes.ts";
import { catalogProblems } from "./catalog-file.ts";
import { defaultProcedures, defaultQuestions } from "./default-catalog.ts";
import { describeCondition } from "./describe.ts";
import { validateAnswer } from "./navigation.ts";
import { procedureDefinitionSchema } from "./procedures.ts";
import { choicesOf, questionDefinitionSchema } from "./questions.ts";
import type { Condition } from "./rules.ts";

/** Counter ids of server/src/staff/organisation.ts (core cannot import the server). */
const counters = [
  "shimin",
  "hokennenkin",
  "koreisha",
  "kenko",
  "fukushi",
  "shiminzei",
  "kodomo",
  "hoiku",
  "kankyo",
  "jutaku",
];

/**
 * The 24 business areas of spec 5-② and the programme each is catalogued under. 母子医療 is read
 * as the medical benefits of 母子保健 (養育医療, 小児慢性特定疾病) under 医療費助成; ひとり親医療費 is
 * the ひとり親家庭等医療費 (GLOSSARY singleParentMedical).
 */
const businessAreas: Record<string, ProgrammeKey> = {
  住民基本台帳: "residency",
  戸籍: "familyRegister",
  マイナンバー: "myNumberCard",
  印鑑登録: "sealRegistration",
  国民健康保険: "nationalHealthInsurance",
  国民年金: "nationalPension",
  後期高齢者医療: "lateElderlyMedical",
  介護保険: "longTermCare",
  障がい者: "disabilityWelfare",
  重度心身医療: "severeDisabilityMedical",
  母子医療: "medicalSubsidy",
  ひとり親医療費: "singleParentMedical",
  児童手当: "childAllowance",
  児童扶養手当: "childRearingAllowance",
  特別児童扶養手当: "specialChildRearingAllowance",
  子ども支援: "childSupport",
  子ども医療費: "childMedical",
  学校校区: "schoolDistrict",
  就学援助: "schoolAid",
  "幼稚園・保育園": "nurseryKindergarten",
  収納: "collection",
  市営住宅: "publicHousing",
  畜犬: "dogRegistration",
  生活保護: "publicAssistance",
};

/** The certificate groups of spec 5-③ and the catalog entries that request them. */
const certificateGroups: Record<string, string[]> = {
  住民票: [
    "certificate-resident-record",
    "certificate-resident-record-entries",
    "certificate-removed-resident-record",
  ],
  印鑑証明: ["certificate-seal"],
  戸籍関係証明: [
    "certificate-family-register",
    "certificate-removed-family-register",
    "certificate-register-entries",
    "certificate-notification-acceptance",
    "certificate-family-register-annex",
  ],
  所得証明: ["certificate-income"],
  課税証明: ["certificate-tax-assessment"],
  納税証明: ["certificate-tax-payment"],
  車検用軽自証明: ["certificate-light-vehicle-tax"],
  資産税に関する証明: [
    "certificate-property-valuation",
    "certificate-property-tax",
    "certificate-property-name-list",
  ],
  その他の証明: ["certificate-identity", "certificate-non-residence", "certificate-single-status"],
};

/** The keys of the first catalog (50 entries): saved cases refer to them, so they must stay. */
const stableKeys = [
  "move-in-notice",
  "move-out-notice",
  "move-within-notice",
  "household-change-notice",
  "birth-notice",
  "death-notice",
  "head-change-on-death",
  "my-number-card-address",
  "residence-card-address",
  "seal-registration-new",
  "seal-registration-end",
  "nhi-enrolment",
  "nhi-loss",
  "nhi-address-change",
  "nhi-household-change",
  "nhi-childbirth-lump-sum",
  "nhi-funeral-expenses",
  "late-elderly-enrolment",
  "late-elderly-loss",
  "late-elderly-address-change",
  "late-elderly-funeral-expenses",
  "pension-recipient-death",
  "pension-unpaid-claim",
  "pension-insured-death",
  "pension-first-category-enrolment",
  "ltc-enrolment",
  "ltc-eligibility-certificate",
  "ltc-loss",
  "ltc-address-change",
  "child-allowance-claim",
  "child-allowance-revision",
  "child-allowance-end",
  "child-allowance-address-change",
  "child-medical-registration",
  "child-medical-loss",
  "single-parent-medical-return",
  "child-rearing-allowance-change",
  "nursery-change",
  "school-enrolment-move-in",
  "school-transfer-move-out",
  "school-district-check",
  "low-birth-weight-notice",
  "prenatal-checkup-exchange",
  "severe-disability-medical-return",
  "heir-representative",
  "dog-location-change",
  "dog-registration-move-in",
  "dog-owner-death",
  "public-housing-move-out",
  "public-housing-succession",
];

function leaves(condition: Condition): Condition[] {
  switch (condition.kind) {
    case "all":
    case "any":
      return condition.conditions.flatMap(leaves);
    case "not":
      return leaves(condition.condition);
    default:
      return [condition];
  }
}

const rules = defaultProcedures.flatMap((d) => (d.rule ? [{ owner: d.key, rule: d.rule }] : []));
const askWhens = defaultQuestions.flatMap((q) => (q.askWhen ? [{ owner: q.key, rule: q.askWhen }] : []));
const questionByKey = new Map(defaultQuestions.map((q) => [q.key, q]));

describe("defaultProcedures", () => {
  it("parses with the catalog schema, unchanged", () => {
    for (const definition of defaultProcedures) {
      const parsed = procedureDefinitionSchema.safeParse(definition);
      expect(parsed.error?.issues, definition.key).toBeUndefined();
      expect(parsed.data).toEqual(definition);
    }
  });

  it("has at least 120 procedures with unique keys, the first catalog's keys among them", () => {
    expect(defaultProcedures.length).toBeGreaterThanOrEqual(120);
    const keys = defaultProcedures.map((d) => d.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const key of stableKeys) expect(keys, key).toContain(key);
  });

  it("gives every procedure a name, guidance, a legal basis with an article or the city's rules, and a known counter", () => {
    for (const d of defaultProcedures) {
      expect(d.name.trim(), d.key).not.toBe("");
      expect(d.guidance.trim().length, d.key).toBeGreaterThan(30);
      expect(d.legalBasis, d.key).toMatch(/第\d+条|条例|要綱/);
      expect(counters, d.key).toContain(d.counterId);
      expect(new Set(d.questions).size, d.key).toBe(d.questions.length);
    }
  });

  it("covers each of the 24 business areas of 5-②", () => {
    expect(Object.keys(businessAreas)).toHaveLength(24);
    for (const [area, programme] of Object.entries(businessAreas))
      expect(
        defaultProcedures.filter((d) => d.programme === programme && !d.key.startsWith("certificate-"))
          .length,
        area,
      ).toBeGreaterThan(0);
  });

  it("covers each certificate group of 5-③ with entries added by hand", () => {
    const byKey = new Map(defaultProcedures.map((d) => [d.key, d]));
    const listed = Object.values(certificateGroups).flat();
    for (const [group, keys] of Object.entries(certificateGroups)) {
      expect(keys.length, group).toBeGreaterThan(0);
      for (const key of keys) {
        expect(byKey.get(key)?.rule, `${group} ${key}`).toBeNull();
        expect(byKey.get(key)?.scope, key).toBe("person");
      }
    }
    // Every certificate entry belongs to a group.
    for (const d of defaultProcedures.filter((p) => p.key.startsWith("certificate-")))
      expect(listed, d.key).toContain(d.key);
  });

  it("has the 戸籍 届出 and the consequences of a change of name", () => {
    const keys = defaultProcedures.map((d) => d.key);
    for (const key of [
      "marriage-notice",
      "divorce-notice",
      "adoption-notice",
      "adoption-dissolution-notice",
      "acknowledgement-notice",
      "domicile-transfer-notice",
      "non-acceptance-request",
      "seal-registration-name-change",
      "my-number-card-name-change",
      "nhi-name-change",
    ])
      expect(keys, key).toContain(key);
  });

  it("adds by hand the 申請 that no residence event brings", () => {
    const byKey = new Map(defaultProcedures.map((d) => [d.key, d]));
    for (const key of [
      "nhi-enrolment-job-loss",
      "child-rearing-allowance-status",
      "special-child-allowance-claim",
      "public-housing-application",
      "dog-registration-new",
      "public-assistance-consultation",
      "pregnancy-notification",
      "disability-physical-handbook",
      "ltc-certification-application",
    ])
      expect(byKey.get(key)?.rule, key).toBeNull();
  });

  it("describes every rule and every askWhen in words", () => {
    for (const { owner, rule } of [...rules, ...askWhens]) {
      const text = describeCondition(rule);
      expect(text, owner).toMatch(/場合$/);
      expect(text, owner).not.toMatch(/undefined/);
    }
  });

  it("reads only attributes the feeds deliver", () => {
    const fields = new Set(
      feedLayouts.flatMap((l) =>
        l.target.kind === "enrollments"
          ? l.target.programmes.flatMap((p) => l.columns.map((c) => `${p}.${c.field}`))
          : [],
      ),
    );
    for (const { owner, rule } of [...rules, ...askWhens])
      for (const leaf of leaves(rule))
        if (leaf.kind === "members" && leaf.match.enrolledIn?.attribute)
          expect([...fields], owner).toContain(
            `${leaf.match.enrolledIn.programme}.${leaf.match.enrolledIn.attribute.key}`,
          );
  });
});

describe("the default catalog as a whole", () => {
  it("passes the consistency check an administrator's save must pass", () => {
    expect(
      catalogProblems({ procedures: defaultProcedures, questions: defaultQuestions }, new Set(counters)),
    ).toEqual([]);
  });
});

describe("defaultQuestions", () => {
  it("parses with the question schema, unchanged, with unique keys and choices", () => {
    for (const question of defaultQuestions) {
      const parsed = questionDefinitionSchema.safeParse(question);
      expect(parsed.error?.issues, question.key).toBeUndefined();
      expect(parsed.data).toEqual(question);
      const values = question.choices.map((c) => c.value);
      expect(new Set(values).size, question.key).toBe(values.length);
    }
    const keys = defaultQuestions.map((q) => q.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.length).toBeGreaterThanOrEqual(30);
  });

  it("keeps the five questions the first rules read", () => {
    for (const key of [
      "birthWeightUnder2500",
      "workplaceInsurance",
      "pensionRecipient",
      "pregnant",
      "hasDog",
    ])
      expect(questionByKey.get(key)?.askWhen, key).not.toBeNull();
  });

  it("every answer condition names a defined question and values it allows", () => {
    for (const { owner, rule } of [...rules, ...askWhens])
      for (const leaf of leaves(rule)) {
        if (leaf.kind !== "answer") continue;
        const question = questionByKey.get(leaf.question);
        expect(question, `${owner} → ${leaf.question}`).toBeDefined();
        if (!question) continue;
        for (const value of leaf.values) {
          expect(validateAnswer(question, value), `${owner} → ${leaf.question} = ${value}`).toBeNull();
          if (question.answerKind === "yesNo" || question.answerKind === "choice")
            expect(
              choicesOf(question).map((c) => c.value),
              owner,
            ).toContain(value);
        }
      }
  });

  it("a follow-up depends only on questions asked before it (no cycles)", () => {
    const order = new Map(defaultQuestions.map((q, i) => [q.key, i]));
    for (const { owner, rule } of askWhens)
      for (const leaf of leaves(rule))
        if (leaf.kind === "answer")
          expect(order.get(leaf.question), `${owner} → ${leaf.question}`).toBeLessThan(
            order.get(owner) as number,
          );
  });

  it("every check item names a defined question, and every question can be asked", () => {
    const named = new Set<string>();
    for (const d of defaultProcedures)
      for (const key of d.questions) {
        expect(questionByKey.has(key), `${d.key} → ${key}`).toBe(true);
        named.add(key);
      }
    for (const q of defaultQuestions) expect(q.askWhen !== null || named.has(q.key), q.key).toBe(true);
  });

  it("has branching: follow-ups that depend on an earlier answer", () => {
    const followUps = defaultQuestions.filter(
      (q) => q.askWhen && leaves(q.askWhen).some((leaf) => leaf.kind === "answer"),
    );
    expect(followUps.map((q) => q.key)).toEqual(
      expect.arrayContaining([
        "previousInsuranceType",
        "surnameChange",
        "pensionKind",
        "severeDisabilityGrade",
      ]),
    );
  });
});
