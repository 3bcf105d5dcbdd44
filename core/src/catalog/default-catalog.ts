import { childrenProcedures } from "./default-catalog/children.ts";
import { insuranceProcedures } from "./default-catalog/insurance.ts";
import { livingProcedures } from "./default-catalog/living.ts";
import { pensionCareProcedures } from "./default-catalog/pension-care.ts";
import { residencyProcedures } from "./default-catalog/residency.ts";
import type { ProcedureDefinition } from "./procedures.ts";

/**
 * The starter catalog a new city gets: the procedures residence events commonly bring, from the
 * domain notes and public municipal guides. Its order is the order of a derived list, so the
 * notification itself comes first, then the sections roughly in the order a visitor walks them.
 * Municipal programmes (子ども医療, 重度・ひとり親医療) cite the city's ordinance generically: a city
 * adapts names, ages and counters in the catalog screen.
 */
export const defaultProcedures: ProcedureDefinition[] = [
  ...residencyProcedures,
  ...insuranceProcedures,
  ...pensionCareProcedures,
  ...childrenProcedures,
  ...livingProcedures,
];

// Placeholder until default-catalog/questions.ts lands (navigation questions of the default catalog).
export const defaultQuestions: import("./questions.ts").QuestionDefinition[] = [];
