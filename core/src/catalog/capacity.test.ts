import { describe, expect, it } from "vitest";
import { defaultProcedures, defaultQuestions } from "./default-catalog.ts";
import { deriveProcedures } from "./derive.ts";
import { questionsToAsk } from "./navigation.ts";
import { type ProcedureDefinition, procedureDefinitionSchema } from "./procedures.ts";
import { allMoving, enrolled, factsOf, person } from "./testing.ts";

/**
 * Spec capacity: up to 300 procedures (ガイドのみの業務を含む). The default catalog plus variants of
 * its entries (as a city adds its own versions) make 300; derivation and navigation must give the
 * same answer for every copy. No timing is asserted: the machine running the tests is shared.
 */
const capacity = 300;

function catalogOf300(): { definitions: ProcedureDefinition[]; baseOf: Map<string, string> } {
  const definitions = [...defaultProcedures];
  const baseOf = new Map(defaultProcedures.map((d) => [d.key, d.key]));
  for (let i = 0; definitions.length < capacity; i++) {
    const base = defaultProcedures[i % defaultProcedures.length] as ProcedureDefinition;
    const key = `${base.key}-v${Math.floor(i / defaultProcedures.length) + 2}`;
    definitions.push({ ...base, key, name: `${base.name}（市独自版）` });
    baseOf.set(key, base.key);
  }
  return { definitions, baseOf };
}

describe("a catalog of 300 procedures", () => {
  const { definitions, baseOf } = catalogOf300();
  const household = allMoving([
    person("山田 太郎", "1960-04-10", {
      isHead: true,
      hasMyNumberCard: true,
      enrollments: [
        enrolled("nationalHealthInsurance"),
        enrolled("childAllowance", "recipient"),
        enrolled("sealRegistration", "holder"),
        enrolled("dogRegistration", "holder"),
      ],
    }),
    person("山田 花子", "1962-06-01", { enrollments: [enrolled("nationalHealthInsurance")] }),
    person("山田 一郎", "2016-05-05", {
      enrollments: [enrolled("childMedical", "subjectChild"), enrolled("childAllowance", "subjectChild")],
    }),
    person("山田 ハル", "1940-02-02", {
      enrollments: [
        enrolled("lateElderlyMedical"),
        enrolled("longTermCare", "insured", { careLevel: "要介護1" }),
      ],
    }),
  ]);

  it("is 300 valid definitions with unique keys", () => {
    expect(definitions).toHaveLength(capacity);
    expect(new Set(definitions.map((d) => d.key)).size).toBe(capacity);
    for (const d of definitions) expect(procedureDefinitionSchema.safeParse(d).success, d.key).toBe(true);
  });

  for (const kind of ["moveOut", "moveWithin", "moveIn", "death"] as const)
    it(`derives for ${kind} exactly what the default catalog derives, once per copy`, () => {
      const facts = factsOf(kind, "2026-10-01", household, { answers: { pensionRecipient: "yes" } });
      const base = deriveProcedures(defaultProcedures, facts);
      const perKey = new Map<string, typeof base>();
      for (const d of base) perKey.set(d.key, [...(perKey.get(d.key) ?? []), d]);

      const derived = deriveProcedures(definitions, facts);
      const expected = definitions.flatMap((definition) =>
        (perKey.get(baseOf.get(definition.key) as string) ?? []).map((d) => ({
          ...d,
          key: definition.key,
          name: definition.name,
        })),
      );
      expect(base.length).toBeGreaterThan(3);
      expect(derived).toEqual(expected);

      // Navigation over the whole derived list asks each question once.
      const listed = new Set(derived.map((d) => d.key));
      const asked = questionsToAsk(
        defaultQuestions,
        definitions.filter((d) => listed.has(d.key)),
        facts,
      ).map((q) => q.key);
      expect(new Set(asked).size).toBe(asked.length);
      const baseAsked = questionsToAsk(
        defaultQuestions,
        defaultProcedures.filter((d) => perKey.has(d.key)),
        facts,
      ).map((q) => q.key);
      expect(new Set(asked)).toEqual(new Set(baseAsked));
    });
});
