import { createHash } from "node:crypto";
import { ageOn } from "@ichimado/core/common/wareki";
import { isCorporateNumber, isPersonId, isResidentCode } from "@ichimado/core/registry/check-digit";
import { describe, expect, it } from "vitest";
import { defaultAsOf, generateCity } from "./generate.ts";

const city = generateCity({ residents: 6000 });
const persons = new Map(city.persons.map((p) => [p.id, p]));
const age = (id: string) => ageOn(persons.get(id)?.birthDate ?? defaultAsOf, defaultAsOf);
const enrolled = (programme: string, role?: string) =>
  city.enrollments.filter((e) => e.programme === programme && (!role || e.role === role));

describe("synthetic city", () => {
  it("is the same city for the same seed and another for another seed", () => {
    const digest = (seed?: number) =>
      createHash("sha256")
        .update(JSON.stringify(generateCity({ residents: 1500, seed })))
        .digest("hex");
    expect(digest()).toBe(digest());
    expect(digest(7)).not.toBe(digest());
  });

  it("has exactly the residents asked for, plus 除票, 住登外者 and corporations", () => {
    const active = city.persons.filter((p) => p.kind === "resident" && p.status === "active");
    expect(active).toHaveLength(6000);
    expect(city.persons.some((p) => p.status === "deceased")).toBe(true);
    expect(city.persons.some((p) => p.status === "movedOut" && p.outsideAddress)).toBe(true);
    expect(city.persons.filter((p) => p.kind === "nonResident")).toHaveLength(180);
    expect(city.persons.filter((p) => p.kind === "corporation")).toHaveLength(150);
  });

  it("numbers everyone with valid check digits, uniquely", () => {
    expect(new Set(city.persons.map((p) => p.id)).size).toBe(city.persons.length);
    for (const p of city.persons) {
      expect(isPersonId(p.id)).toBe(true);
      if (p.residentCode) expect(isResidentCode(p.residentCode)).toBe(true);
      if (p.corporateNumber) expect(isCorporateNumber(p.corporateNumber)).toBe(true);
    }
  });

  it("gives each household one head, living at the household's address", () => {
    const heads = new Map<string, number>();
    for (const p of city.persons) {
      if (p.status === "active" && p.relationship === "世帯主" && p.householdId)
        heads.set(p.householdId, (heads.get(p.householdId) ?? 0) + 1);
    }
    for (const h of city.households) {
      expect(heads.get(h.id)).toBe(1);
      expect(persons.get(h.headPersonId)?.address).toEqual(h.address);
    }
  });

  it("writes readings in katakana and foreigners' names in the alphabet", () => {
    for (const p of city.persons) expect(p.nameKana).toMatch(/^[\u30A0-\u30FF\u3000 ]+$/u);
    const foreign = city.persons.filter((p) => p.nationality);
    expect(foreign.length).toBeGreaterThan(30);
    for (const p of foreign) {
      expect(p.nameAlpha).toMatch(/^[A-Z ]+$/);
      expect(p.residenceStatus).toBeTruthy();
    }
  });

  it("keeps gaiji exactly: IVS sequences, non-BMP and compatibility ideographs", () => {
    const all = city.persons.map((p) => p.name).join("");
    expect(all).toContain("\u{20BB7}");
    expect(all).toMatch(/[\u845B\u8FBB]\u{E0102}/u);
    expect(city.gaiji.map((g) => g.text)).toContain("\u{20BB7}");
    expect(city.gaiji.every((g) => g.note.startsWith("U+"))).toBe(true);
  });

  it("enrolls by the programmes' age rules", () => {
    for (const e of enrolled("lateElderlyMedical")) expect(age(e.personId)).toBeGreaterThanOrEqual(75);
    for (const e of enrolled("longTermCare")) expect(age(e.personId)).toBeGreaterThanOrEqual(65);
    for (const e of enrolled("nationalPension")) expect(age(e.personId)).toBeLessThan(60);
    for (const e of enrolled("childAllowance", "subjectChild")) {
      expect(age(e.personId)).toBeLessThanOrEqual(18);
      expect(e.toDate?.endsWith("-03-31")).toBe(true);
      expect(e.holderPersonId).toBeTruthy();
    }
    const assisted = new Set(enrolled("publicAssistance").map((e) => e.personId));
    expect(assisted.size).toBeGreaterThan(0);
    for (const e of enrolled("nationalHealthInsurance")) {
      expect(assisted.has(e.personId)).toBe(false);
      expect(age(e.personId)).toBeLessThan(75);
    }
  });

  it("protects whole households with 支援措置 for a year", () => {
    expect(city.supportMeasures.length).toBeGreaterThanOrEqual(5);
    for (const s of city.supportMeasures) {
      expect(persons.get(s.personId)?.status).toBe("active");
      expect(s.toDate > s.fromDate).toBe(true);
    }
  });
});
