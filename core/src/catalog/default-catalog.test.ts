import { describe, expect, it } from "vitest";
import { feedLayouts } from "../feeds/layouts.ts";
import { defaultProcedures } from "./default-catalog.ts";
import { describeCondition } from "./describe.ts";
import { questionLabel } from "./labels.ts";
import { procedureDefinitionSchema } from "./procedures.ts";
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

describe("defaultProcedures", () => {
  it("parses with the catalog schema, unchanged", () => {
    for (const definition of defaultProcedures) {
      const parsed = procedureDefinitionSchema.safeParse(definition);
      expect(parsed.error?.issues, definition.key).toBeUndefined();
      expect(parsed.data).toEqual(definition);
    }
  });

  it("has 35 to 50 procedures with unique keys", () => {
    expect(defaultProcedures.length).toBeGreaterThanOrEqual(35);
    expect(defaultProcedures.length).toBeLessThanOrEqual(50);
    const keys = defaultProcedures.map((d) => d.key);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("gives every procedure guidance, a legal basis with an article or ordinance, a rule and a known counter", () => {
    for (const d of defaultProcedures) {
      expect(d.guidance.trim(), d.key).not.toBe("");
      expect(d.legalBasis, d.key).toMatch(/第\d+条|条例/);
      expect(d.rule, d.key).not.toBeNull();
      expect(counters, d.key).toContain(d.counterId);
    }
  });

  it("describes every rule in words", () => {
    for (const d of defaultProcedures) {
      const text = describeCondition(d.rule as Condition);
      expect(text, d.key).toMatch(/場合$/);
      expect(text, d.key).not.toMatch(/undefined/);
    }
  });

  it("reads only attributes the feeds deliver, and only questions with a label", () => {
    const fields = new Set(
      feedLayouts.flatMap((l) =>
        l.target.kind === "enrollments"
          ? l.target.programmes.flatMap((p) => l.columns.map((c) => `${p}.${c.field}`))
          : [],
      ),
    );
    for (const d of defaultProcedures) {
      for (const leaf of leaves(d.rule as Condition)) {
        if (leaf.kind === "members" && leaf.match.enrolledIn?.attribute)
          expect([...fields], d.key).toContain(
            `${leaf.match.enrolledIn.programme}.${leaf.match.enrolledIn.attribute.key}`,
          );
        if (leaf.kind === "answer") expect(questionLabel(leaf.question), d.key).not.toBe(leaf.question);
      }
    }
  });

  it("covers the procedures residence events commonly bring", () => {
    const keys = defaultProcedures.map((d) => d.key);
    for (const key of [
      "move-in-notice",
      "move-out-notice",
      "move-within-notice",
      "household-change-notice",
      "birth-notice",
      "death-notice",
      "head-change-on-death",
      "my-number-card-address",
      "nhi-enrolment",
      "nhi-loss",
      "nhi-address-change",
      "nhi-household-change",
      "late-elderly-enrolment",
      "late-elderly-loss",
      "late-elderly-address-change",
      "nhi-funeral-expenses",
      "late-elderly-funeral-expenses",
      "ltc-eligibility-certificate",
      "ltc-loss",
      "pension-recipient-death",
      "pension-unpaid-claim",
      "pension-first-category-enrolment",
      "child-allowance-claim",
      "child-allowance-end",
      "child-allowance-revision",
      "child-medical-registration",
      "child-medical-loss",
      "school-enrolment-move-in",
      "school-transfer-move-out",
      "school-district-check",
      "nursery-change",
      "seal-registration-end",
      "seal-registration-new",
      "dog-location-change",
      "dog-owner-death",
      "heir-representative",
      "residence-card-address",
      "nhi-childbirth-lump-sum",
      "low-birth-weight-notice",
      "severe-disability-medical-return",
      "single-parent-medical-return",
      "public-housing-move-out",
    ])
      expect(keys, key).toContain(key);
  });
});
