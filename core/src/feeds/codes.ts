import type { ProgrammeKey } from "../programmes/programmes.ts";
import type { EnrollmentRole, PersonStatus, ResidenceChangeKind, Sex } from "../registry/codes.ts";
import type { SupportMeasureRecord } from "../registry/records.ts";

/**
 * The codes core systems write in feed files, and what each means inside Ichimado. The writer
 * (synthetic city) and the importer both use these maps, so they cannot disagree.
 */
export const sexByCode = { "1": "male", "2": "female" } as const satisfies Record<string, Sex>;
export const statusByCode = {
  "1": "active",
  "2": "movedOut",
  "3": "deceased",
  "4": "erased",
} as const satisfies Record<string, PersonStatus>;
export const roleByCode = {
  "1": "insured",
  "2": "recipient",
  "3": "subjectChild",
  "4": "member",
  "5": "holder",
} as const satisfies Record<string, EnrollmentRole>;
export const changeKindByCode = {
  "01": "birth",
  "02": "moveIn",
  "03": "moveOut",
  "04": "moveWithin",
  "05": "death",
  "06": "householdChange",
  "07": "nameChange",
  "08": "foreignerRegistration",
} as const satisfies Record<string, ResidenceChangeKind>;
export const supportKindByCode = {
  "1": "dv",
  "2": "stalker",
  "3": "childAbuse",
  "9": "other",
} as const satisfies Record<string, SupportMeasureRecord["kind"]>;
export const subsidyProgrammeByCode = {
  "01": "childMedical",
  "02": "singleParentMedical",
  "03": "severeDisabilityMedical",
  "09": "medicalSubsidy",
} as const satisfies Record<string, ProgrammeKey>;
export const arrearsProgrammeByCode = {
  "01": "residentTax",
  "02": "nationalHealthInsurance",
} as const satisfies Record<string, ProgrammeKey>;
export const taxStatusByCode = { "1": "課税", "2": "非課税", "3": "均等割のみ" } as const;

/** The code for a value, for writers. */
export function codeOf<T extends Record<string, string>>(map: T, value: T[keyof T]): keyof T & string {
  const entry = Object.entries(map).find(([, v]) => v === value);
  if (!entry) throw new Error(`no code for ${value}`);
  return entry[0];
}

/** code → Japanese label, for the layouts and the data dictionary. */
export function labelled<T extends Record<string, string>>(
  map: T,
  labels: Readonly<Record<T[keyof T], string>>,
): Record<string, string> {
  return Object.fromEntries(Object.entries(map).map(([code, value]) => [code, labels[value as T[keyof T]]]));
}
