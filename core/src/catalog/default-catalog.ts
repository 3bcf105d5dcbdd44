import { certificateProcedures } from "./default-catalog/certificates.ts";
import { childAllowanceProcedures } from "./default-catalog/child-allowances.ts";
import { familyRegisterProcedures } from "./default-catalog/family-register.ts";
import { insuranceProcedures } from "./default-catalog/insurance.ts";
import { lateElderlyProcedures } from "./default-catalog/late-elderly.ts";
import { livingProcedures } from "./default-catalog/living.ts";
import { longTermCareProcedures } from "./default-catalog/long-term-care.ts";
import { maternalChildProcedures } from "./default-catalog/maternal-child.ts";
import { myNumberSealProcedures } from "./default-catalog/my-number-seal.ts";
import { pensionProcedures } from "./default-catalog/pension.ts";
import { residencyProcedures } from "./default-catalog/residency.ts";
import { schoolNurseryProcedures } from "./default-catalog/school-nursery.ts";
import { taxProcedures } from "./default-catalog/tax.ts";
import { welfareProcedures } from "./default-catalog/welfare.ts";
import type { ProcedureDefinition } from "./procedures.ts";

export { defaultQuestions } from "./default-catalog/questions.ts";

/**
 * The starter catalog a new city gets: the procedures of the 24 business areas of the counter (spec
 * 5-②) and the certificate requests (5-③), from the domain notes and public municipal guides. Its
 * order is the order of a derived list, so the 住民異動届 itself comes first, then the sections
 * roughly in the order a visitor walks them (市民課, 保険年金課, 高齢者福祉課, 福祉推進課, 子ども,
 * 保育, 住宅・畜犬, 市民税課), certificates last. Entries with `rule: null` (most 申請, every
 * certificate) are added by hand. Municipal schemes (子ども医療, 重度・ひとり親医療, 就学援助 …) cite
 * the city's ordinance generically: a city adapts names, ages and counters in the catalog screen.
 */
export const defaultProcedures: ProcedureDefinition[] = [
  ...residencyProcedures,
  ...familyRegisterProcedures,
  ...myNumberSealProcedures,
  ...insuranceProcedures,
  ...lateElderlyProcedures,
  ...pensionProcedures,
  ...longTermCareProcedures,
  ...welfareProcedures,
  ...childAllowanceProcedures,
  ...maternalChildProcedures,
  ...schoolNurseryProcedures,
  ...livingProcedures,
  ...taxProcedures,
  ...certificateProcedures,
];
