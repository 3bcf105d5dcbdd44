import type { ProgrammeKey } from "../programmes/programmes.ts";
import { evaluateCondition } from "./evaluate.ts";
import type { ProcedureDefinition } from "./procedures.ts";
import type { DerivationFacts } from "./rules.ts";

/** A procedure a notification needs, with whom it is for and why. */
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
 * The procedures a notification needs. A household-scope definition gives at most one entry; a
 * person-scope one is tried with each household member as 本人 and gives one entry per member it
 * matches. Order is catalog order, then household order, so the list reads the same every time.
 */
export function deriveProcedures(
  definitions: readonly ProcedureDefinition[],
  facts: DerivationFacts,
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
      const result = evaluateCondition(rule, facts);
      if (result.matched) derived.push(entry(null, result.reasons));
      continue;
    }
    for (const member of facts.household) {
      const result = evaluateCondition(rule, facts, member);
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
