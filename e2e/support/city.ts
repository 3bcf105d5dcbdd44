import type { PersonRecord } from "@ichimado/core/registry/records";
import { generateCity } from "@ichimado/tools/city/generate";
import { towns } from "@ichimado/tools/city/towns";

// The demo server imports this very city (DEMO_RESIDENTS=2000, default seed): the tests know who is in it.
export const city = generateCity({ residents: 2000 });
export const personById = new Map(city.persons.map((p) => [p.id, p]));

export function must<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`the generated city has no ${what}`);
  return value;
}

const protectedHouseholds = new Set(city.supportMeasures.map((s) => personById.get(s.personId)?.householdId));
export const bannedPersons = new Set(city.issuanceBans.map((b) => b.personId));

/** A Japanese head of household living here, with nothing that changes what screens show (支援措置, 発行禁止). */
export function isPlainHead(p: PersonRecord): boolean {
  return (
    p.kind === "resident" &&
    p.status === "active" &&
    p.relationship === "世帯主" &&
    !p.nationality &&
    !protectedHouseholds.has(p.householdId) &&
    !bannedPersons.has(p.id)
  );
}

/** The town and lot of the address: what a role without supportMeasureView must never see. */
export function addressOf(person: PersonRecord): string {
  const address = must(person.address ?? undefined, "address");
  const town = must(
    towns.find((t) => t.code === address.townCode),
    "town",
  );
  return `${town.name}${address.lot}`;
}
