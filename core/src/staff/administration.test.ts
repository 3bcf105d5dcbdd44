import { describe, expect, it } from "vitest";
import { type AccountState, type OrganisationState, selfLockoutProblem } from "./administration.ts";

const admin: AccountState = {
  id: "1",
  disabled: false,
  validFrom: "2020-04-01",
  validTo: null,
  assignments: [{ counterId: "johoseisaku", roleId: "systemAdmin" }],
};
const org = (staff: AccountState[], activeCounters = ["johoseisaku", "shimin"]): OrganisationState => ({
  staff,
  roleFunctions: new Map([
    ["systemAdmin", ["staffAdmin"] as const],
    ["residentClerk", ["search"] as const],
  ]),
  activeCounters: new Set(activeCounters),
});

describe("selfLockoutProblem", () => {
  it("lets a change go ahead while the administrator still holds staffAdmin", () => {
    expect(selfLockoutProblem(org([admin]), "1", "2027-04-01")).toBeNull();
  });

  it("refuses a change that disables the administrator, ends their validity or removes their last staffAdmin", () => {
    const cases: OrganisationState[] = [
      org([{ ...admin, disabled: true }]),
      org([{ ...admin, validTo: "2027-03-31" }]),
      org([{ ...admin, assignments: [{ counterId: "shimin", roleId: "residentClerk" }] }]),
      // the counter they administer at deactivated
      org([admin], ["shimin"]),
      // the role edited to lose staffAdmin
      { ...org([admin]), roleFunctions: new Map([["systemAdmin", ["search"] as const]]) },
    ];
    for (const state of cases)
      expect(selfLockoutProblem(state, "1", "2027-04-01")).toMatch(/自分を無効にしたり/);
  });
});
