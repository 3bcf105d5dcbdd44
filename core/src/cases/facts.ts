import type { DerivationFacts, MemberFacts } from "../catalog/rules.ts";
import type { ProgrammeKey } from "../programmes/programmes.ts";
import type { EnrollmentRole, Sex } from "../registry/codes.ts";
import type { ResidenceChangeInput } from "./residence-change.ts";

/** A household member as the register holds them. */
export interface RegisterMember {
  id: string;
  name: string;
  birthDate: string | null;
  sex: Sex | null;
  isHead: boolean;
  foreign: boolean;
  cardExpiresOn: string | null;
}

export interface RegisterEnrollment {
  personId: string;
  programme: ProgrammeKey;
  role: EnrollmentRole;
  fromDate: string;
  toDate: string | null;
  attributes: Record<string, string | number | boolean>;
}

/** People typed into the 住民異動届 have no 宛名番号 yet; they are known as new:<index>. */
export const newPersonId = (index: number) => `new:${index}`;
export const isNewPersonId = (id: string) => id.startsWith("new:");

/**
 * What the derivation rules see for the 住民異動届: its household on the event date (members,
 * who takes part, enrollments in force that day), plus the people typed in (newborn, moving in).
 */
export function derivationFacts(
  input: ResidenceChangeInput,
  members: readonly RegisterMember[],
  enrollments: readonly RegisterEnrollment[],
  answers: Record<string, string> = {},
): DerivationFacts {
  const on = input.occurredOn;
  const moving = new Set(input.movingPersonIds);
  const inForce = enrollments.filter((e) => e.fromDate <= on && (e.toDate === null || e.toDate >= on));
  const registered: MemberFacts[] = members.map((m) => ({
    personId: m.id,
    name: m.name,
    birthDate: m.birthDate,
    sex: m.sex,
    isHead: m.isHead,
    moving: moving.has(m.id),
    foreign: m.foreign,
    hasMyNumberCard: m.cardExpiresOn !== null && m.cardExpiresOn >= on,
    enrollments: inForce
      .filter((e) => e.personId === m.id)
      .map((e) => ({ programme: e.programme, role: e.role, attributes: e.attributes })),
  }));
  const typed: MemberFacts[] = input.newPersons.map((p, i) => ({
    personId: newPersonId(i),
    name: p.name,
    birthDate: p.birthDate,
    sex: p.sex,
    // A household moving in is headed by whoever the 住民異動届 calls 世帯主.
    isHead: p.relationship === "世帯主",
    moving: true,
    foreign: p.foreign,
    hasMyNumberCard: p.hasMyNumberCard,
    enrollments: [],
  }));
  return {
    event: { kind: input.kind, date: on, ...(input.origin ? { origin: input.origin } : {}) },
    household: [...registered, ...typed],
    answers,
  };
}
