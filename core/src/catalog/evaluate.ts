import { residenceChangeTypeLabels } from "../cases/residence-change.ts";
import { ageOn } from "../common/wareki.ts";
import { programmeLabels } from "../programmes/programmes.ts";
import { enrollmentRoleLabels } from "../registry/codes.ts";
import { defaultQuestions } from "./default-catalog/questions.ts";
import { ageRangeText, answerLabel, attributeLabel, moveInOriginLabels } from "./labels.ts";
import type { QuestionDefinition } from "./questions.ts";
import {
  type AgeBasis,
  type Condition,
  type DerivationFacts,
  type MemberFacts,
  type MemberPredicate,
  type MemberScope,
  memberScopeLabels,
} from "./rules.ts";

/** Whether a condition holds, and the facts that made it hold (short Japanese, for staff). */
export interface Evaluation {
  matched: boolean;
  reasons: string[];
}

const noMatch = (): Evaluation => ({ matched: false, reasons: [] });

/**
 * Evaluates a rule against the facts of the 住民異動届. `self` is the member a person-scope
 * procedure is being considered for; without it a `self` condition never holds. `questions` gives
 * the words of an answer's reason (the question's label, the choice's label); an answer to a question
 * the list does not know is shown by its key. Rules are data an administrator edits, so this must
 * give an answer for any schema-valid rule and any facts.
 */
export function evaluateCondition(
  condition: Condition,
  facts: DerivationFacts,
  self?: MemberFacts,
  questions: readonly QuestionDefinition[] = defaultQuestions,
): Evaluation {
  switch (condition.kind) {
    case "event":
      return evaluateEvent(condition, facts);
    case "members":
      return evaluateMembers(condition, facts, self);
    case "answer": {
      const answer = Object.hasOwn(facts.answers, condition.question)
        ? facts.answers[condition.question]
        : undefined;
      if (answer === undefined || !condition.values.includes(answer)) return noMatch();
      const question = questions.find((q) => q.key === condition.question);
      return {
        matched: true,
        reasons: [`「${question?.label ?? condition.question}」に「${answerLabel(answer, question)}」と回答`],
      };
    }
    case "all": {
      const reasons: string[] = [];
      for (const child of condition.conditions) {
        const result = evaluateCondition(child, facts, self, questions);
        if (!result.matched) return noMatch();
        reasons.push(...result.reasons);
      }
      return { matched: true, reasons: unique(reasons) };
    }
    case "any": {
      // Every matching branch is evaluated so staff see all the grounds, not just the first.
      const matched = condition.conditions
        .map((child) => evaluateCondition(child, facts, self, questions))
        .filter((r) => r.matched);
      if (matched.length === 0) return noMatch();
      return { matched: true, reasons: unique(matched.flatMap((r) => r.reasons)) };
    }
    case "not":
      // What is absent does not explain a match; the description of the rule says it.
      return {
        matched: !evaluateCondition(condition.condition, facts, self, questions).matched,
        reasons: [],
      };
  }
  return noMatch();
}

function evaluateEvent(condition: Extract<Condition, { kind: "event" }>, facts: DerivationFacts): Evaluation {
  const { kind, origin } = facts.event;
  if (!condition.events.includes(kind)) return noMatch();
  if (condition.origins && (origin === undefined || !condition.origins.includes(origin))) return noMatch();
  const from = condition.origins && origin ? ` (${moveInOriginLabels[origin]})` : "";
  return { matched: true, reasons: [`届出が${residenceChangeTypeLabels[kind]}${from}`] };
}

function evaluateMembers(
  condition: Extract<Condition, { kind: "members" }>,
  facts: DerivationFacts,
  self: MemberFacts | undefined,
): Evaluation {
  const { scope, match } = condition;
  const atLeast = condition.atLeast ?? 1;
  const reasons: string[] = [];
  let count = 0;
  for (const member of membersIn(scope, facts, self)) {
    const parts = satisfiedParts(member, match, facts.event.date);
    if (parts === null) continue;
    count++;
    if (parts.length > 0)
      reasons.push(`${member.name}${ageSuffix(member, match, facts.event.date)} が${parts.join("、")}`);
  }
  if (count < atLeast) return noMatch();
  if (scope !== "self" && (reasons.length === 0 || atLeast > 1))
    reasons.push(`${memberScopeLabels[scope]}${reasons.length > 0 ? "のうち該当者" : ""}が${count}人`);
  return { matched: true, reasons };
}

function membersIn(scope: MemberScope, facts: DerivationFacts, self: MemberFacts | undefined): MemberFacts[] {
  switch (scope) {
    case "self":
      return self ? [self] : [];
    case "moving":
      return facts.household.filter((m) => m.moving);
    case "remaining":
      return facts.household.filter((m) => !m.moving);
    case "household":
      return facts.household;
  }
  return [];
}

const isoDate = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** 1 April of the school (fiscal) year the date falls in. */
function schoolYearStart(date: string): string {
  const year = Number(date.slice(0, 4));
  return `${Number(date.slice(5, 7)) >= 4 ? year : year - 1}-04-01`;
}

/** Age on the basis day; null when it cannot be known (no or malformed birth date). */
function ageOf(member: MemberFacts, eventDate: string, basis: AgeBasis | undefined): number | null {
  if (member.birthDate === null || !isoDate.test(member.birthDate) || !isoDate.test(eventDate)) return null;
  return ageOn(member.birthDate, basis === "schoolYear" ? schoolYearStart(eventDate) : eventDate);
}

function ageSuffix(member: MemberFacts, match: MemberPredicate, eventDate: string): string {
  if (match.ageAtLeast === undefined && match.ageUnder === undefined) return "";
  const age = ageOf(member, eventDate, "eventDate");
  if (age === null) return "";
  if (match.ageBasis !== "schoolYear") return ` (${Math.max(age, 0)}歳)`;
  const schoolAge = ageOf(member, eventDate, "schoolYear") ?? age;
  return ` (${Math.max(age, 0)}歳、年度初め${Math.max(schoolAge, 0)}歳)`;
}

/**
 * The facts by which a member satisfies every field of the predicate, in words; null when one
 * field fails. An empty list means the predicate is empty (anyone matches).
 */
function satisfiedParts(member: MemberFacts, match: MemberPredicate, eventDate: string): string[] | null {
  const parts: string[] = [];
  if (match.moving !== undefined) {
    if (member.moving !== match.moving) return null;
    parts.push(memberScopeLabels[match.moving ? "moving" : "remaining"]);
  }
  if (match.isHead !== undefined) {
    if (member.isHead !== match.isHead) return null;
    parts.push(match.isHead ? "世帯主" : "世帯主以外");
  }
  if (match.sex !== undefined) {
    if (member.sex !== match.sex) return null;
    parts.push(match.sex === "male" ? "男性" : "女性");
  }
  if (match.ageAtLeast !== undefined || match.ageUnder !== undefined) {
    // Without a birth date no age bound can be known to hold, so it does not.
    const age = ageOf(member, eventDate, match.ageBasis);
    if (age === null) return null;
    if (match.ageAtLeast !== undefined && age < match.ageAtLeast) return null;
    if (match.ageUnder !== undefined && age >= match.ageUnder) return null;
    parts.push(
      match.ageBasis === "schoolYear"
        ? `年度初め時点で${ageRangeText(match.ageAtLeast, match.ageUnder)}`
        : ageRangeText(match.ageAtLeast, match.ageUnder),
    );
  }
  if (match.foreign !== undefined) {
    if (member.foreign !== match.foreign) return null;
    parts.push(match.foreign ? "外国人住民" : "日本人住民");
  }
  if (match.hasMyNumberCard !== undefined) {
    if (member.hasMyNumberCard !== match.hasMyNumberCard) return null;
    parts.push(match.hasMyNumberCard ? "マイナンバーカードあり" : "マイナンバーカードなし");
  }
  if (match.notEnrolledIn !== undefined) {
    const programme = match.notEnrolledIn;
    if (member.enrollments.some((e) => e.programme === programme)) return null;
    parts.push(`${programmeLabels[programme]}の資格なし`);
  }
  if (match.enrolledIn !== undefined) {
    const spec = match.enrolledIn;
    const enrollment = member.enrollments.find(
      (e) =>
        e.programme === spec.programme &&
        (spec.roles === undefined || spec.roles.includes(e.role)) &&
        (spec.attribute === undefined || attributeHolds(e.attributes, spec.attribute)),
    );
    if (enrollment === undefined) return null;
    const role = enrollmentRoleLabels[enrollment.role];
    const attribute = spec.attribute
      ? ` (${attributeLabel(spec.programme, spec.attribute.key)} ${String(enrollment.attributes[spec.attribute.key])})`
      : "";
    parts.push(`${programmeLabels[spec.programme]}の${role}${attribute}`);
  }
  return parts;
}

function attributeHolds(
  attributes: Record<string, string | number | boolean>,
  attribute: { key: string; values?: string[] | undefined },
): boolean {
  if (!Object.hasOwn(attributes, attribute.key)) return false;
  const value: unknown = attributes[attribute.key];
  if (value === undefined || value === null || value === "") return false;
  return attribute.values === undefined || attribute.values.includes(String(value));
}

const unique = (items: string[]): string[] => [...new Set(items)];
