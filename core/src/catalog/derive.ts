import type { ProgrammeKey } from "../programmes/programmes.ts";
import { defaultQuestions } from "./default-catalog/questions.ts";
import { evaluateCondition } from "./evaluate.ts";
import type { ProcedureDefinition } from "./procedures.ts";
import type { QuestionDefinition } from "./questions.ts";
import type { DerivationFacts } from "./rules.ts";

/** A procedure a 住民異動届 needs, with whom it is for and why. */
export interface DerivedProcedure {
  key: string;
  name: string;
  programme: ProgrammeKey;
  counterId: string;
  /** the member a person-scope procedure is for; null for a household-scope one */
  personId: string | null;
  reasons: string[];
}

/**
 * The procedures a 住民異動届 needs. A household-scope definition gives at most one entry; a
 * person-scope one is tried with each household member as 本人 and gives one entry per member it
 * matches. Order is catalog order, then household order, so the list reads the same every time.
 * `questions` only words the reasons of answer conditions (see evaluateCondition).
 */
export function deriveProcedures(
  definitions: readonly ProcedureDefinition[],
  facts: DerivationFacts,
  questions: readonly QuestionDefinition[] = defaultQuestions,
): DerivedProcedure[] {
  const derived: DerivedProcedure[] = [];
  for (const definition of definitions) {
    const { rule } = definition;
    if (rule === null || !validOn(definition, facts.event.date)) continue;
    const entry = (personId: string | null, reasons: string[]): DerivedProcedure => ({
      key: definition.key,
      name: definition.name,
      programme: definition.programme,
      counterId: definition.counterId,
      personId,
      reasons,
    });
    if (definition.scope === "household") {
      const result = evaluateCondition(rule, facts, undefined, questions);
      if (result.matched) derived.push(entry(null, result.reasons));
      continue;
    }
    for (const member of facts.household) {
      const result = evaluateCondition(rule, facts, member, questions);
      if (result.matched) derived.push(entry(member.personId, result.reasons));
    }
  }
  return derived;
}

/** validFrom and validTo are both inclusive; ISO dates compare as strings. */
function validOn(definition: Pick<ProcedureDefinition, "validFrom" | "validTo">, date: string): boolean {
  return (
    (!definition.validFrom || definition.validFrom <= date) &&
    (!definition.validTo || date <= definition.validTo)
  );
}
