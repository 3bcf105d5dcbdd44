import { describe, expect, it } from "vitest";
import { type ResidenceChangeInput, residenceChangeInputSchema } from "./residence-change.ts";
import { type HouseholdSnapshot, validateResidenceChange } from "./validate-residence-change.ts";

const today = "2026-11-25";
const household: HouseholdSnapshot = {
  id: "H1",
  headPersonId: "0000000001",
  memberIds: ["0000000001", "0000000002", "0000000003"],
};
const other: HouseholdSnapshot = { id: "H2", headPersonId: "0000000009", memberIds: ["0000000009"] };
const input = (fields: Partial<Record<keyof ResidenceChangeInput, unknown>>): ResidenceChangeInput =>
  residenceChangeInputSchema.parse({ householdId: "H1", occurredOn: today, ...fields });
const paths = (i: ResidenceChangeInput, target: HouseholdSnapshot | null = null) =>
  validateResidenceChange(i, i.householdId ? household : null, target, today).map((x) => x.path);

describe("validateResidenceChange", () => {
  it("accepts a whole household moving out", () => {
    expect(
      paths(input({ kind: "moveOut", movingPersonIds: household.memberIds, outsideAddress: "松江市殿町1" })),
    ).toEqual([]);
  });

  it("allows a 転出 up to 14 days ahead, other facts not in the future", () => {
    const out = { kind: "moveOut", movingPersonIds: household.memberIds, outsideAddress: "松江市" };
    expect(paths(input({ ...out, occurredOn: "2026-12-09" }))).toEqual([]);
    expect(paths(input({ ...out, occurredOn: "2026-12-10" }))).toEqual(["occurredOn"]);
    expect(
      paths(input({ kind: "death", movingPersonIds: ["0000000003"], occurredOn: "2026-11-26" })),
    ).toEqual(["occurredOn"]);
  });

  it("needs a new head when the head leaves two or more behind, chosen among those who stay", () => {
    const headLeaves = {
      kind: "moveWithin",
      movingPersonIds: ["0000000001"],
      newAddress: { townCode: "T1", lot: "1" },
    };
    expect(paths(input(headLeaves))).toEqual(["newHeadId"]);
    expect(paths(input({ ...headLeaves, newHeadId: "0000000001" }))).toEqual(["newHeadId"]);
    expect(paths(input({ ...headLeaves, newHeadId: "0000000002" }))).toEqual([]);
    // One member left heads the household by themself: nothing to choose.
    expect(paths(input({ ...headLeaves, movingPersonIds: ["0000000001", "0000000002"] }))).toEqual([]);
    // The head stays: a new head cannot be named.
    expect(paths(input({ ...headLeaves, movingPersonIds: ["0000000003"], newHeadId: "0000000002" }))).toEqual(
      ["newHeadId"],
    );
  });

  it("checks 世帯主変更, 世帯分離 and 世帯合併", () => {
    expect(paths(input({ kind: "headChange" }))).toEqual(["newHeadId"]);
    expect(paths(input({ kind: "headChange", newHeadId: "0000000001" }))).toEqual(["newHeadId"]);
    expect(paths(input({ kind: "headChange", newHeadId: "0000000002" }))).toEqual([]);
    const split = {
      kind: "householdSplit",
      movingPersonIds: ["0000000002", "0000000003"],
      newAddress: { townCode: "T1", lot: "1" },
    };
    expect(paths(input(split))).toEqual(["newHouseholdHeadId"]);
    expect(paths(input({ ...split, newHouseholdHeadId: "0000000002" }))).toEqual([]);
    const merge = { kind: "householdMerge", movingPersonIds: ["0000000003"] };
    expect(paths(input(merge))).toEqual(["targetHouseholdId"]);
    expect(paths(input({ ...merge, targetHouseholdId: "H2" }), other)).toEqual([]);
    expect(paths(input({ ...merge, targetHouseholdId: "H1" }), household)).toEqual(["targetHouseholdId"]);
  });

  it("refuses members of another household, and asks what each kind needs", () => {
    expect(paths(input({ kind: "moveOut", movingPersonIds: ["0000000009"], outsideAddress: "x" }))).toEqual([
      "movingPersonIds",
    ]);
    expect(paths(input({ kind: "moveOut", movingPersonIds: ["0000000003"] }))).toEqual(["outsideAddress"]);
    expect(paths(input({ kind: "birth" }))).toEqual(["newPersons"]);
    expect(paths(input({ kind: "moveIn", householdId: null }))).toEqual([
      "newAddress",
      "newPersons",
      "origin",
      "outsideAddress",
    ]);
    expect(
      paths(
        input({
          kind: "moveIn",
          householdId: null,
          origin: "otherMunicipality",
          outsideAddress: "松江市殿町1",
          newAddress: { townCode: "T1", lot: "1" },
          newPersons: [
            {
              name: "新井　一",
              nameKana: "アライ　ハジメ",
              birthDate: "1990-01-01",
              sex: "male",
              relationship: "世帯主",
            },
          ],
        }),
      ),
    ).toEqual(["moveOutCertificate"]);
  });

  it("takes 死亡届 one person at a time", () => {
    expect(paths(input({ kind: "death", movingPersonIds: ["0000000002", "0000000003"] }))).toEqual([
      "movingPersonIds",
    ]);
  });
});
