import type { MoveInOrigin } from "../cases/residence-change.ts";
import { feedLayouts } from "../feeds/layouts.ts";
import { type ProgrammeKey, programmeLabels } from "../programmes/programmes.ts";
import { choicesOf, type QuestionDefinition } from "./questions.ts";
import type { AgeBasis } from "./rules.ts";

/**
 * Japanese words shared by the evaluator's reasons and the administrator's description, so that a
 * rule and the reasons it gives use the same terms.
 */

export const moveInOriginLabels: Record<MoveInOrigin, string> = {
  otherMunicipality: "国内の他市区町村から",
  abroad: "国外から",
};

const yesNoLabels: Record<string, string> = { yes: "はい", no: "いいえ" };

/**
 * An answer as staff read it: the choice's label, はい/いいえ for a yes/no question (or for a question
 * the list does not know), else the value itself (a date, a number, free text).
 */
export function answerLabel(value: string, question?: QuestionDefinition): string {
  const choice = question ? choicesOf(question).find((c) => c.value === value) : undefined;
  if (choice) return choice.label;
  if (question === undefined && Object.hasOwn(yesNoLabels, value)) return yesNoLabels[value] as string;
  return value;
}

/** Enrollment attribute headers as the feed layouts name them (careLevel → 要介護度). */
const attributeHeaders = new Map<string, string>();
for (const layout of feedLayouts) {
  if (layout.target.kind !== "enrollments") continue;
  for (const programme of layout.target.programmes)
    for (const column of layout.columns) attributeHeaders.set(`${programme}.${column.field}`, column.header);
}

export const attributeLabel = (programme: ProgrammeKey, key: string): string =>
  attributeHeaders.get(`${programme}.${key}`) ?? key;

/** Who holds an enrollment when a rule names no role: 加入者 of insurance, else as the programme says. */
const memberNouns: Partial<Record<ProgrammeKey, string>> = {
  nationalHealthInsurance: "国民健康保険の加入者",
  nationalPension: "国民年金の加入者",
  lateElderlyMedical: "後期高齢者医療の加入者",
  longTermCare: "介護保険の加入者",
  sealRegistration: "印鑑登録をしている人",
  dogRegistration: "犬の登録をしている人",
  residentTax: "個人住民税の課税記録がある人",
  publicHousing: "市営住宅の入居者",
  nurseryKindergarten: "幼稚園・保育園に通う子",
  cemetery: "市営墓地の使用者",
};
export const memberNoun = (programme: ProgrammeKey): string =>
  memberNouns[programme] ?? `${programmeLabels[programme]}の対象者`;

/** "6歳以上15歳未満", with the school-year basis named. */
export function ageRangeText(
  atLeast: number | undefined,
  under: number | undefined,
  basis?: AgeBasis,
): string {
  const range = `${atLeast === undefined ? "" : `${atLeast}歳以上`}${under === undefined ? "" : `${under}歳未満`}`;
  return basis === "schoolYear" ? `年度初め（4月1日）時点で${range}` : range;
}
