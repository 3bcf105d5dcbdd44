import type { NotificationKind } from "../cases/notification.ts";
import { childrenProcedures } from "./default-catalog/children.ts";
import { insuranceProcedures } from "./default-catalog/insurance.ts";
import { livingProcedures } from "./default-catalog/living.ts";
import { pensionCareProcedures } from "./default-catalog/pension-care.ts";
import { residencyProcedures } from "./default-catalog/residency.ts";
import type { ProcedureDefinition } from "./procedures.ts";
import type { QuestionDefinition } from "./questions.ts";

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

// The navigation questions the rules above read; the full set joins with the catalog's questions.
const yesNo = (key: string, text: string, label: string, events: NotificationKind[]): QuestionDefinition => ({
  key,
  text,
  label,
  help: "",
  answerKind: "yesNo",
  choices: [],
  askWhen: { kind: "event", events },
});
export const defaultQuestions: QuestionDefinition[] = [
  yesNo("birthWeightUnder2500", "生まれたときの体重は2,500g未満でしたか", "出生時の体重が2,500g未満か", [
    "birth",
  ]),
  yesNo(
    "workplaceInsurance",
    "職場の健康保険に加入していますか (加入しますか)",
    "職場の健康保険に加入している（加入する）か",
    ["moveIn", "birth"],
  ),
  yesNo(
    "pensionRecipient",
    "亡くなった方は年金を受け取っていましたか",
    "亡くなった方が年金を受け取っていたか",
    ["death"],
  ),
  yesNo("pregnant", "転入する方に妊娠中の方はいますか", "妊娠中の方がいるか", ["moveIn"]),
  yesNo("hasDog", "犬を飼っていますか", "犬を飼っているか", ["moveIn", "moveWithin", "moveOut"]),
];
