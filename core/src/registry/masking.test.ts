import { describe, expect, it } from "vitest";
import type { FunctionPermission } from "../auth/permissions.ts";
import { addressVisible, isActiveMeasure, mayMatchOnAddress } from "./masking.ts";

const as = (...functions: FunctionPermission[]) => ({ functions: new Set(functions) });
const open = { protected: false, acknowledged: false };
const warned = { protected: true, acknowledged: false };
const acknowledged = { protected: true, acknowledged: true };

describe("支援措置 masking", () => {
  it("shows an unprotected address to anyone", () => {
    expect(addressVisible(as("search"), open)).toBe(true);
  });

  it("never shows a protected address to a role without the right, acknowledged or not", () => {
    expect(addressVisible(as("search", "reception"), warned)).toBe(false);
    expect(addressVisible(as("search", "reception"), acknowledged)).toBe(false);
    expect(mayMatchOnAddress(as("search"), warned)).toBe(false);
  });

  it("shows it to an allowed role only once the warning was acknowledged", () => {
    expect(addressVisible(as("search", "supportMeasureView"), warned)).toBe(false);
    expect(addressVisible(as("search", "supportMeasureView"), acknowledged)).toBe(true);
    expect(mayMatchOnAddress(as("supportMeasureView"), warned)).toBe(true);
  });

  it("counts a measure as active on its first and last day only", () => {
    const m = { fromDate: "2026-04-01", toDate: "2027-03-31" };
    expect(isActiveMeasure(m, "2026-03-31")).toBe(false);
    expect(isActiveMeasure(m, "2026-04-01")).toBe(true);
    expect(isActiveMeasure(m, "2027-03-31")).toBe(true);
    expect(isActiveMeasure(m, "2027-04-01")).toBe(false);
    expect(isActiveMeasure({ fromDate: "2026-04-01", toDate: null }, "2030-01-01")).toBe(true);
  });
});
