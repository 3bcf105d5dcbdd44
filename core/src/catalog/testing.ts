import type { MoveInOrigin, ResidenceChangeType } from "../cases/residence-change.ts";
import type { ProgrammeKey } from "../programmes/programmes.ts";
import type { EnrollmentRole } from "../registry/codes.ts";
import type { DerivationFacts, MemberFacts } from "./rules.ts";

/** Builders for the catalog tests: households read as people, not as object literals. */

type Enrollment = MemberFacts["enrollments"][number];

export const enrolled = (
  programme: ProgrammeKey,
  role: EnrollmentRole = "insured",
  attributes: Enrollment["attributes"] = {},
): Enrollment => ({ programme, role, attributes });

let seq = 0;

export function person(
  name: string,
  birthDate: string | null,
  options: Partial<Omit<MemberFacts, "name" | "birthDate">> = {},
): MemberFacts {
  seq++;
  return {
    personId: options.personId ?? `P${String(seq).padStart(4, "0")}`,
    name,
    birthDate,
    sex: null,
    isHead: false,
    moving: false,
    foreign: false,
    hasMyNumberCard: false,
    enrollments: [],
    ...options,
  };
}

export function factsOf(
  kind: ResidenceChangeType,
  date: string,
  household: MemberFacts[],
  options: { origin?: MoveInOrigin; answers?: Record<string, string> } = {},
): DerivationFacts {
  return {
    event: { kind, date, ...(options.origin ? { origin: options.origin } : {}) },
    household,
    answers: options.answers ?? {},
  };
}

/** The same people, all taking part in the event (a whole household moving). */
export const allMoving = (household: MemberFacts[]): MemberFacts[] =>
  household.map((m) => ({ ...m, moving: true }));

/** The same people without any enrollment. */
export const withoutEnrollments = (household: MemberFacts[]): MemberFacts[] =>
  household.map((m) => ({ ...m, enrollments: [] }));
