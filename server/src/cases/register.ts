import type { RegisterEnrollment, RegisterMember } from "@ichimado/core/cases/facts";
import type { HouseholdSnapshot } from "@ichimado/core/cases/validate-residence-change";
import type { ProgrammeKey } from "@ichimado/core/programmes/programmes";
import type { EnrollmentRole } from "@ichimado/core/registry/codes";
import type { Db } from "../db/database.ts";

/** A household as reception reads it from the register: its active members, head first. */
export interface RegisterHousehold {
  snapshot: HouseholdSnapshot;
  members: RegisterMember[];
}

export async function loadHousehold(db: Db, householdId: string): Promise<RegisterHousehold | null> {
  const household = await db
    .selectFrom("household")
    .select(["id", "head_person_id"])
    .where("id", "=", householdId)
    .executeTakeFirst();
  if (!household) return null;
  const rows = await db
    .selectFrom("person")
    .select(["id", "name", "birth_date", "sex", "relationship", "nationality", "card_expires_on"])
    .where("household_id", "=", householdId)
    .where("kind", "=", "resident")
    .where("status", "=", "active")
    .orderBy((eb) => eb.case().when("id", "=", household.head_person_id).then(0).else(1).end())
    .orderBy("birth_date")
    .execute();
  return {
    snapshot: { id: household.id, headPersonId: household.head_person_id, memberIds: rows.map((r) => r.id) },
    members: rows.map((r) => ({
      id: r.id,
      name: r.name,
      birthDate: r.birth_date,
      sex: r.sex,
      isHead: r.id === household.head_person_id,
      foreign: r.nationality !== null,
      cardExpiresOn: r.card_expires_on,
    })),
  };
}

export async function loadEnrollments(db: Db, personIds: readonly string[]): Promise<RegisterEnrollment[]> {
  if (personIds.length === 0) return [];
  const rows = await db
    .selectFrom("enrollment")
    .select(["person_id", "programme", "role", "from_date", "to_date", "attributes"])
    .where("person_id", "in", [...personIds])
    .execute();
  return rows.map((r) => ({
    personId: r.person_id,
    programme: r.programme as ProgrammeKey,
    role: r.role as EnrollmentRole,
    fromDate: r.from_date,
    toDate: r.to_date,
    attributes: r.attributes,
  }));
}
