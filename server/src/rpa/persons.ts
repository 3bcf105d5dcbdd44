import type { RpaPayload } from "@ichimado/core/rpa/scenarios";

/** Everyone a handed-over job is about, for the audit row: the robot now holds their data. */
export function personIdsOf(payload: RpaPayload): string[] {
  if ("person" in payload) return [payload.person.personId];
  return payload.persons.map((p) => p.personId);
}
