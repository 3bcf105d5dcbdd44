import { describe, expect, it } from "vitest";
import { mayHandle } from "./handling.ts";

const clerk = { roleIds: ["residentClerk"], acceptedProgrammes: new Set(["residency"] as const) };
const chief = {
  roleIds: ["residentClerk", "supervisor"],
  acceptedProgrammes: new Set(["residency"] as const),
};

describe("mayHandle", () => {
  it("needs the programme accepted, whatever the roles", () => {
    expect(mayHandle({ programme: "nationalHealthInsurance" }, chief)).toBe(false);
    expect(mayHandle({ programme: "residency" }, clerk)).toBe(true);
  });
  it("needs one of the named roles when the procedure names any", () => {
    const guarded = { programme: "residency" as const, handlingRoles: ["supervisor"] };
    expect(mayHandle(guarded, clerk)).toBe(false);
    expect(mayHandle(guarded, chief)).toBe(true);
    expect(mayHandle({ programme: "residency", handlingRoles: [] }, clerk)).toBe(true);
  });
});
