import { describe, expect, it } from "vitest";
import { derivationFacts, type RegisterEnrollment, type RegisterMember } from "./facts.ts";
import { residenceChangeInputSchema } from "./residence-change.ts";

const members: RegisterMember[] = [
  {
    id: "0000000001",
    name: "甲",
    birthDate: "1980-01-01",
    sex: "male",
    isHead: true,
    foreign: false,
    cardExpiresOn: "2030-01-01",
  },
  {
    id: "0000000002",
    name: "乙",
    birthDate: "2015-01-01",
    sex: "female",
    isHead: false,
    foreign: true,
    cardExpiresOn: "2026-01-01",
  },
];
const enrollment = (personId: string, fromDate: string, toDate: string | null): RegisterEnrollment => ({
  personId,
  programme: "nationalHealthInsurance",
  role: "insured",
  fromDate,
  toDate,
  attributes: {},
});

describe("derivationFacts", () => {
  const input = residenceChangeInputSchema.parse({
    kind: "birth",
    householdId: "H1",
    occurredOn: "2026-11-20",
    newPersons: [{ name: "丙", nameKana: "ヘイ", birthDate: "2026-11-20", sex: "male", relationship: "子" }],
  });
  const facts = derivationFacts(input, members, [
    enrollment("0000000001", "2020-01-01", null),
    enrollment("0000000001", "2010-01-01", "2019-12-31"),
    enrollment("0000000002", "2026-11-21", null),
  ]);

  it("keeps only enrollments in force on the event date", () => {
    expect(facts.household[0]?.enrollments).toHaveLength(1);
    expect(facts.household[1]?.enrollments).toHaveLength(0);
  });

  it("knows a card that has expired by the event date", () => {
    expect(facts.household.map((m) => m.hasMyNumberCard)).toEqual([true, false, false]);
  });

  it("adds the typed newborn as a moving member, the others stay", () => {
    expect(facts.household.map((m) => [m.personId, m.moving])).toEqual([
      ["0000000001", false],
      ["0000000002", false],
      ["new:0", true],
    ]);
    expect(facts.event).toEqual({ kind: "birth", date: "2026-11-20" });
  });
});
