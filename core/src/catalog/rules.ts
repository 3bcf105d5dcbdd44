import { z } from "zod";
import {
  type MoveInOrigin,
  moveInOriginSchema,
  type ResidenceChangeType,
  residenceChangeTypeSchema,
} from "../cases/residence-change.ts";
import { type ProgrammeKey, programmeKeySchema } from "../programmes/programmes.ts";
import { type EnrollmentRole, enrollmentRoleSchema, type Sex, sexSchema } from "../registry/codes.ts";

/**
 * When a procedure is needed: a narrow, declarative condition set stored as data (P49). One pure
 * evaluator (evaluate.ts) reads it; describe.ts renders it in plain Japanese for administrators.
 */

/** Which household members a member condition looks at. */
export const memberScopes = ["moving", "remaining", "household", "self"] as const;
export const memberScopeSchema = z.enum(memberScopes);
export type MemberScope = z.infer<typeof memberScopeSchema>;
export const memberScopeLabels: Record<MemberScope, string> = {
  moving: "異動する人",
  remaining: "世帯に残る人",
  household: "世帯員",
  self: "本人",
};

/**
 * The day ages are taken on. `schoolYear` is 1 April of the school (fiscal) year containing the
 * event date: that age is the 学年 (6 = 小学1年 … 14 = 中学3年), and "under 18" on it is exactly the
 * 児童手当's 高校生年代 (to the first 31 March after the 18th birthday). Calendar age on the event
 * date cannot say either: a 中学3年 pupil is often already 15, a 年長 child already 6.
 */
export const ageBases = ["eventDate", "schoolYear"] as const;
const ageBasisSchema = z.enum(ageBases);
export type AgeBasis = z.infer<typeof ageBasisSchema>;

/** A test on one member; every given field must hold (an empty predicate matches anyone). */
export const memberPredicateSchema = z
  .object({
    /** age on the event date (or per ageBasis), inclusive lower bound */
    ageAtLeast: z.number().int().min(0).max(150).optional(),
    /** age on the event date (or per ageBasis), exclusive upper bound ("18歳未満" is ageUnder 18) */
    ageUnder: z.number().int().min(0).max(150).optional(),
    /** which day the age bounds use; default eventDate */
    ageBasis: ageBasisSchema.optional(),
    /**
     * takes part in the event (MemberFacts.moving). Needed by person-scope rules: "本人 moves and is
     * insured" cannot be said with the moving scope, which looks at the others too.
     */
    moving: z.boolean().optional(),
    enrolledIn: z
      .object({
        programme: programmeKeySchema,
        roles: z.array(enrollmentRoleSchema).min(1).optional(),
        /** an attribute of the enrollment; with values, it must be one of them, else merely present */
        attribute: z
          .object({ key: z.string().min(1).max(40), values: z.array(z.string().min(1)).min(1).optional() })
          .strict()
          .optional(),
      })
      .strict()
      .optional(),
    notEnrolledIn: programmeKeySchema.optional(),
    isHead: z.boolean().optional(),
    foreign: z.boolean().optional(),
    hasMyNumberCard: z.boolean().optional(),
    sex: sexSchema.optional(),
  })
  .strict();
export type MemberPredicate = z.infer<typeof memberPredicateSchema>;

export type Condition =
  | { kind: "event"; events: ResidenceChangeType[]; origins?: MoveInOrigin[] }
  | { kind: "members"; scope: MemberScope; match: MemberPredicate; atLeast?: number }
  | { kind: "answer"; question: string; values: string[] }
  | { kind: "all"; conditions: Condition[] }
  | { kind: "any"; conditions: Condition[] }
  | { kind: "not"; condition: Condition };

export const conditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.discriminatedUnion("kind", [
    z
      .object({
        kind: z.literal("event"),
        events: z.array(residenceChangeTypeSchema).min(1),
        origins: z.array(moveInOriginSchema).min(1).optional(),
      })
      .strict(),
    z
      .object({
        kind: z.literal("members"),
        scope: memberScopeSchema,
        match: memberPredicateSchema,
        /** how many members must match (default 1) */
        atLeast: z.number().int().min(1).max(20).optional(),
      })
      .strict(),
    z
      .object({
        kind: z.literal("answer"),
        question: z.string().min(1).max(60),
        values: z.array(z.string().min(1)).min(1),
      })
      .strict(),
    z.object({ kind: z.literal("all"), conditions: z.array(conditionSchema).min(1) }).strict(),
    z.object({ kind: z.literal("any"), conditions: z.array(conditionSchema).min(1) }).strict(),
    z.object({ kind: z.literal("not"), condition: conditionSchema }).strict(),
  ]),
);

/** One household member as the rules see it, on the event date. */
export interface MemberFacts {
  personId: string;
  name: string;
  birthDate: string | null;
  sex: Sex | null;
  isHead: boolean;
  /** takes part in the event: moves, is born, dies, leaves or joins the household */
  moving: boolean;
  foreign: boolean;
  hasMyNumberCard: boolean;
  /** enrollments active on the event date */
  enrollments: {
    programme: ProgrammeKey;
    role: EnrollmentRole;
    attributes: Record<string, string | number | boolean>;
  }[];
}

/** Everything a derivation may look at for the 住民異動届. */
export interface DerivationFacts {
  event: { kind: ResidenceChangeType; date: string; origin?: MoveInOrigin };
  household: MemberFacts[];
  /** navigation answers (question key → answer value) */
  answers: Record<string, string>;
}
