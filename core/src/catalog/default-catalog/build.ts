import type { MoveInOrigin, ResidenceChangeType } from "../../cases/residence-change.ts";
import type { ProgrammeKey } from "../../programmes/programmes.ts";
import type { EnrollmentRole } from "../../registry/codes.ts";
import type { ProcedureDefinition } from "../procedures.ts";
import type { QuestionDefinition } from "../questions.ts";
import type { Condition, MemberPredicate } from "../rules.ts";

/** Short constructors so that the catalog reads as rules, not as nested objects. */

export const on = (...events: ResidenceChangeType[]): Condition => ({ kind: "event", events });
export const movedInFrom = (...origins: MoveInOrigin[]): Condition => ({
  kind: "event",
  events: ["moveIn"],
  origins,
});
export const allOf = (...conditions: Condition[]): Condition => ({ kind: "all", conditions });
export const anyOf = (...conditions: Condition[]): Condition => ({ kind: "any", conditions });
export const not = (condition: Condition): Condition => ({ kind: "not", condition });
export const answered = (question: string, ...values: string[]): Condition => ({
  kind: "answer",
  question,
  values,
});

/** An enrolledIn test: the programme, in one of the roles if any are given. */
export const enrolment = (
  programme: ProgrammeKey,
  ...roles: EnrollmentRole[]
): NonNullable<MemberPredicate["enrolledIn"]> => (roles.length > 0 ? { programme, roles } : { programme });

/** 本人 (the member a person-scope procedure is for) satisfies the predicate. */
export const self = (match: MemberPredicate): Condition => ({ kind: "members", scope: "self", match });
/** 本人 takes part in the event (moves, is born, dies) and satisfies the predicate. */
export const selfMoving = (match: MemberPredicate = {}): Condition => self({ moving: true, ...match });
export const someMoving = (match: MemberPredicate): Condition => ({
  kind: "members",
  scope: "moving",
  match,
});
export const someRemaining = (match: MemberPredicate, atLeast?: number): Condition => ({
  kind: "members",
  scope: "remaining",
  match,
  ...(atLeast === undefined ? {} : { atLeast }),
});
export const someInHousehold = (match: MemberPredicate): Condition => ({
  kind: "members",
  scope: "household",
  match,
});

/** 小学1年〜中学3年: the 学年 follows the age on 1 April, not the age on the day. */
export const schoolAge: MemberPredicate = { ageAtLeast: 6, ageUnder: 15, ageBasis: "schoolYear" };
/** 児童手当's 高校生年代: to the first 31 March after the 18th birthday. */
export const upToHighSchool: MemberPredicate = { ageUnder: 18, ageBasis: "schoolYear" };

/** A child the household will now raise: born, or moving in while of 児童手当 age. */
export const childArrives: Condition = anyOf(on("birth"), allOf(on("moveIn"), someMoving(upToHighSchool)));

/** 要介護度 values that mean a certification is in force (非該当 does not). */
export const certifiedCareLevels = [
  "要支援1",
  "要支援2",
  "要介護1",
  "要介護2",
  "要介護3",
  "要介護4",
  "要介護5",
];

/** A catalog entry valid without end; the catalog issue adds versions with dates. */
export const procedure = (
  definition: Omit<
    ProcedureDefinition,
    "validFrom" | "validTo" | "questions" | "forms" | "leaflets" | "handlingRoles"
  > &
    Partial<Pick<ProcedureDefinition, "questions" | "forms" | "leaflets" | "handlingRoles">>,
): ProcedureDefinition => ({
  questions: [],
  forms: [],
  leaflets: [],
  handlingRoles: [],
  ...definition,
  validFrom: null,
  validTo: null,
});

/** A navigation question; help and choices may be left out. */
export const question = (
  definition: Omit<QuestionDefinition, "help" | "choices"> &
    Partial<Pick<QuestionDefinition, "help" | "choices">>,
): QuestionDefinition => ({ help: "", choices: [], ...definition });
