import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { moveInOrigins, residenceChangeTypes } from "../cases/residence-change.ts";
import { programmeKeys } from "../programmes/programmes.ts";
import { enrollmentRoles, sexes } from "../registry/codes.ts";
import { defaultProcedures, defaultQuestions } from "./default-catalog.ts";
import { deriveProcedures } from "./derive.ts";
import { describeCondition } from "./describe.ts";
import { evaluateCondition } from "./evaluate.ts";
import { questionsToAsk, validateAnswer } from "./navigation.ts";
import type { ProcedureDefinition } from "./procedures.ts";
import { answerKinds, type QuestionDefinition, questionDefinitionSchema } from "./questions.ts";
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
/** Question keys: the default ones, valid new ones, and (in answer conditions) anything at all. */
const questionKey = fc.oneof(
  fc.constantFrom(...defaultQuestions.map((q) => q.key)),
  fc.stringMatching(/^[a-z][a-zA-Z0-9]{1,12}$/),
);
const question = fc.oneof(questionKey, text({ minLength: 1, maxLength: 60 }));
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
      events: fc.uniqueArray(fc.constantFrom(...residenceChangeTypes), { minLength: 1, maxLength: 3 }),
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
      kind: fc.constantFrom(...residenceChangeTypes),
      date: fc.oneof({ weight: 9, arbitrary: isoDate }, fc.string({ maxLength: 12 })),
      origin: fc.constantFrom(...moveInOrigins),
    },
    { requiredKeys: ["kind", "date"] },
  ),
  household: fc.array(member, { maxLength: 6 }),
  answers: fc.dictionary(question, answerValue, { maxKeys: 4 }),
});

const questionDefinition: fc.Arbitrary<QuestionDefinition> = fc
  .record({
    key: questionKey,
    text: text({ minLength: 1, maxLength: 40 }).filter((t) => t.trim() !== ""),
    label: text({ minLength: 1, maxLength: 30 }),
    help: text({ maxLength: 20 }),
    answerKind: fc.constantFrom(...answerKinds),
    choices: fc.uniqueArray(
      fc.record({ value: text({ minLength: 1, maxLength: 8 }), label: text({ minLength: 1, maxLength: 8 }) }),
      { maxLength: 4, selector: (c) => c.value },
    ),
    askWhen: fc.option(condition, { nil: null }),
  })
  .map((q) =>
    q.answerKind === "choice" && q.choices.length < 2
      ? { ...q, choices: [...q.choices, { value: "yes", label: "はい" }, { value: "no", label: "いいえ" }] }
      : q,
  );

/** A valid catalog: arbitrary questions, then arbitrary procedures naming some of them as check items. */
const catalog = fc.record({
  questions: fc.oneof(
    fc.array(questionDefinition, { maxLength: 8 }),
    fc.array(questionDefinition, { maxLength: 4 }).map((qs) => [...defaultQuestions, ...qs]),
  ),
  procedures: fc.array(
    fc.record({
      rule: fc.option(condition, { nil: null }),
      scope: fc.constantFrom("household" as const, "person" as const),
      questions: fc.uniqueArray(questionKey, { maxLength: 4 }),
    }),
    { maxLength: 6 },
  ),
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
          forms: [],
          leaflets: [],
          handlingRoles: [],
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

  it("the arbitrary builds schema-valid questions", () => {
    fc.assert(
      fc.property(questionDefinition, (q) => {
        expect(questionDefinitionSchema.safeParse(q).error?.issues).toBeUndefined();
      }),
      { numRuns: 100 },
    );
  });

  it("questionsToAsk and deriveProcedures answer for any valid catalog, facts and answers", () => {
    fc.assert(
      fc.property(catalog, facts, ({ questions, procedures }, f) => {
        const definitions = procedures.map(
          ({ rule, scope, questions: checkItems }, i): ProcedureDefinition => ({
            key: `arbitrary-${i}`,
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
            questions: checkItems,
            forms: [],
            leaflets: [],
            handlingRoles: [],
          }),
        );
        const asked = questionsToAsk(questions, definitions, f);
        const keys = asked.map((q) => q.key);
        expect(new Set(keys).size).toBe(keys.length);
        const named = new Set(definitions.flatMap((d) => d.questions));
        for (const q of asked) {
          expect(questions).toContain(q);
          if (q.askWhen === null) expect(named.has(q.key)).toBe(true);
          else expect(evaluateCondition(q.askWhen, f, undefined, questions).matched).toBe(true);
        }
        const derived = deriveProcedures([...definitions, ...defaultProcedures], f, questions);
        for (const d of derived) for (const reason of d.reasons) expect(reason).not.toMatch(/undefined|NaN/);
        // The derived list's check items are asked too, and that never throws either.
        const listed = new Set(derived.map((d) => d.key));
        questionsToAsk(
          questions,
          [...definitions, ...defaultProcedures].filter((d) => listed.has(d.key)),
          f,
        );
      }),
      runs,
    );
  });

  it("validateAnswer answers for any question and any text", () => {
    fc.assert(
      fc.property(questionDefinition, fc.string({ maxLength: 220 }), (q, value) => {
        const error = validateAnswer(q, value);
        if (error !== null) expect(error.length).toBeGreaterThan(0);
        for (const choice of q.answerKind === "choice" ? q.choices : [])
          if (choice.value.trim() !== "") expect(validateAnswer(q, choice.value)).toBeNull();
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
