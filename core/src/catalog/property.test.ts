import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { moveInOrigins, notificationKinds } from "../cases/notification.ts";
import { programmeKeys } from "../programmes/programmes.ts";
import { enrollmentRoles, sexes } from "../registry/codes.ts";
import { defaultProcedures } from "./default-catalog.ts";
import { deriveProcedures } from "./derive.ts";
import { describeCondition } from "./describe.ts";
import { evaluateCondition } from "./evaluate.ts";
import type { ProcedureDefinition } from "./procedures.ts";
import {
  ageBases,
  type Condition,
  conditionSchema,
  type DerivationFacts,
  type MemberFacts,
  type MemberPredicate,
  memberScopes,
} from "./rules.ts";

/** Free text that cannot itself look like a rendering fault in the reasons. */
const text = (constraints: { minLength?: number; maxLength: number }) =>
  fc.string(constraints).filter((s) => !/undefined|NaN/.test(s));
/** Known attribute keys and questions, so that arbitrary rules sometimes hit real data. */
const attributeKey = fc.oneof(
  fc.constantFrom("careLevel", "category", "childCount", "taxStatus"),
  text({ minLength: 1, maxLength: 40 }),
);
const question = fc.oneof(
  fc.constantFrom("birthWeightUnder2500", "pensionRecipient", "hasDog"),
  text({ minLength: 1, maxLength: 60 }),
);
const answerValue = fc.oneof(fc.constantFrom("yes", "no"), text({ minLength: 1, maxLength: 8 }));
const attributeValue = fc.oneof(
  fc.constantFrom("要介護1", "第1号", "課税", "2"),
  text({ maxLength: 8 }),
  fc.integer(),
  fc.boolean(),
);
const programme = fc.constantFrom(...programmeKeys);
const isoDate = fc
  .date({ min: new Date("1900-01-01T00:00:00Z"), max: new Date("2040-12-31T00:00:00Z"), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

const predicate: fc.Arbitrary<MemberPredicate> = fc.record(
  {
    ageAtLeast: fc.integer({ min: 0, max: 150 }),
    ageUnder: fc.integer({ min: 0, max: 150 }),
    ageBasis: fc.constantFrom(...ageBases),
    moving: fc.boolean(),
    enrolledIn: fc.record(
      {
        programme,
        roles: fc.uniqueArray(fc.constantFrom(...enrollmentRoles), { minLength: 1 }),
        attribute: fc.record(
          { key: attributeKey, values: fc.array(answerValue, { minLength: 1, maxLength: 3 }) },
          { requiredKeys: ["key"] },
        ),
      },
      { requiredKeys: ["programme"] },
    ),
    notEnrolledIn: programme,
    isHead: fc.boolean(),
    foreign: fc.boolean(),
    hasMyNumberCard: fc.boolean(),
    sex: fc.constantFrom(...sexes),
  },
  { requiredKeys: [] },
);

const leaf: fc.Arbitrary<Condition> = fc.oneof(
  fc.record(
    {
      kind: fc.constant("event" as const),
      events: fc.uniqueArray(fc.constantFrom(...notificationKinds), { minLength: 1, maxLength: 3 }),
      origins: fc.uniqueArray(fc.constantFrom(...moveInOrigins), { minLength: 1 }),
    },
    { requiredKeys: ["kind", "events"] },
  ),
  fc.record(
    {
      kind: fc.constant("members" as const),
      scope: fc.constantFrom(...memberScopes),
      match: predicate,
      atLeast: fc.integer({ min: 1, max: 20 }),
    },
    { requiredKeys: ["kind", "scope", "match"] },
  ),
  fc.record({
    kind: fc.constant("answer" as const),
    question,
    values: fc.array(answerValue, { minLength: 1, maxLength: 3 }),
  }),
);

const { condition } = fc.letrec<{ condition: Condition }>((tie) => ({
  condition: fc.oneof(
    { maxDepth: 4, depthSize: "small" },
    leaf,
    fc.record({
      kind: fc.constant("all" as const),
      conditions: fc.array(tie("condition"), { minLength: 1, maxLength: 3 }),
    }),
    fc.record({
      kind: fc.constant("any" as const),
      conditions: fc.array(tie("condition"), { minLength: 1, maxLength: 3 }),
    }),
    fc.record({ kind: fc.constant("not" as const), condition: tie("condition") }),
  ),
}));

const member: fc.Arbitrary<MemberFacts> = fc.record({
  personId: fc.string({ minLength: 1, maxLength: 10 }),
  name: text({ maxLength: 10 }),
  // Mostly real dates, sometimes none or something no parser would accept.
  birthDate: fc.oneof({ weight: 4, arbitrary: isoDate }, fc.constant(null), fc.string({ maxLength: 12 })),
  sex: fc.constantFrom(null, ...sexes),
  isHead: fc.boolean(),
  moving: fc.boolean(),
  foreign: fc.boolean(),
  hasMyNumberCard: fc.boolean(),
  enrollments: fc.array(
    fc.record({
      programme,
      role: fc.constantFrom(...enrollmentRoles),
      attributes: fc.dictionary(attributeKey, attributeValue, { maxKeys: 3 }),
    }),
    { maxLength: 4 },
  ),
});

const facts: fc.Arbitrary<DerivationFacts> = fc.record({
  event: fc.record(
    {
      kind: fc.constantFrom(...notificationKinds),
      date: fc.oneof({ weight: 9, arbitrary: isoDate }, fc.string({ maxLength: 12 })),
      origin: fc.constantFrom(...moveInOrigins),
    },
    { requiredKeys: ["kind", "date"] },
  ),
  household: fc.array(member, { maxLength: 6 }),
  answers: fc.dictionary(question, answerValue, { maxKeys: 4 }),
});

const runs = { numRuns: 300 };

describe("rules never throw", () => {
  it("the arbitrary builds schema-valid conditions", () => {
    fc.assert(
      fc.property(condition, (c) => {
        expect(conditionSchema.safeParse(c).success).toBe(true);
      }),
      { numRuns: 100 },
    );
  });

  it("evaluateCondition answers for any condition and facts, with or without 本人", () => {
    fc.assert(
      fc.property(condition, facts, fc.option(member, { nil: undefined }), (c, f, self) => {
        const result = evaluateCondition(c, f, self);
        expect(typeof result.matched).toBe("boolean");
        if (!result.matched) expect(result.reasons).toEqual([]);
        if (c.kind === "not") expect(result.reasons).toEqual([]);
        for (const reason of result.reasons) expect(reason).not.toMatch(/undefined|NaN/);
      }),
      runs,
    );
  });

  it("deriveProcedures answers for arbitrary definitions and the default catalog", () => {
    const definitions = fc.array(
      fc.record({ rule: condition, scope: fc.constantFrom("household" as const, "person" as const) }).map(
        ({ rule, scope }): ProcedureDefinition => ({
          key: "arbitrary",
          name: "手続き",
          programme: "residency",
          scope,
          counterId: "shimin",
          guidance: "案内",
          legalBasis: "住民基本台帳法",
          bring: [],
          rule,
          validFrom: null,
          validTo: null,
          questions: [],
        }),
      ),
      { maxLength: 5 },
    );
    fc.assert(
      fc.property(definitions, facts, (defs, f) => {
        const derived = deriveProcedures([...defs, ...defaultProcedures], f);
        const members = new Set(f.household.map((m) => m.personId));
        for (const d of derived) if (d.personId !== null) expect(members.has(d.personId)).toBe(true);
      }),
      runs,
    );
  });

  it("describeCondition gives a sentence for any condition", () => {
    fc.assert(
      fc.property(condition, (c) => {
        const text = describeCondition(c);
        expect(text).toMatch(/場合$/);
        expect(text).not.toMatch(/undefined/);
      }),
      runs,
    );
  });
});
