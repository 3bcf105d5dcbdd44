import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  corporateCheckDigit,
  isCorporateNumber,
  isPersonId,
  isResidentCode,
  mod11CheckDigit,
  withCheckDigit,
} from "./check-digit.ts";

describe("mod-11 check digits", () => {
  it("computes the weights 2–7 from the right", () => {
    // from the right: 0×2 + 9×3 + 8×4 + 7×5 + 6×6 + 5×7 + 4×2 + 3×3 + 2×4 + 1×5 = 195; 195 mod 11 = 8 → 3
    expect(mod11CheckDigit("1234567890")).toBe(3);
    expect(mod11CheckDigit("0000000000")).toBe(0);
  });

  it("accepts codes it made and refuses any single changed digit", () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^\d{10}$/),
        fc.nat(9),
        fc.integer({ min: 1, max: 9 }),
        (body, at, delta) => {
          const code = withCheckDigit(body);
          expect(isResidentCode(code)).toBe(true);
          const changed = code.slice(0, at) + ((Number(code[at]) + delta) % 10) + code.slice(at + 1);
          // Remainders 0 and 1 both give check digit 0, so only a non-zero digit guarantees detection.
          if (code.at(-1) !== "0") expect(isResidentCode(changed)).toBe(false);
        },
      ),
    );
  });

  it("refuses wrong lengths and non-digits", () => {
    expect(isPersonId(withCheckDigit("123456789"))).toBe(true);
    expect(isPersonId(withCheckDigit("12345678"))).toBe(false);
    expect(isResidentCode("1234567890a")).toBe(false);
  });
});

describe("法人番号", () => {
  it("checks the first digit against the other twelve", () => {
    // The National Tax Agency's own example: 法人番号 7000012050002 (国税庁).
    expect(isCorporateNumber("7000012050002")).toBe(true);
    expect(isCorporateNumber("8000012050002")).toBe(false);
    expect(corporateCheckDigit("000012050002")).toBe(7);
  });
});
