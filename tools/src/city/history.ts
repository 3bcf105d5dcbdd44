import type { PersonRecord, ResidenceChangeRecord } from "@ichimado/core/registry/records";
import { addDays, addYears, earlierOf, yearOf } from "./dates.ts";
import { outsideAddress } from "./others.ts";
import type { PersonFactory } from "./people.ts";
import { towns } from "./towns.ts";

const townName = new Map(towns.map((t) => [t.code, t.name]));

export function addressText(address: NonNullable<PersonRecord["address"]>): string {
  return `出雲市${townName.get(address.townCode) ?? ""}${address.lot}${address.katagaki ? ` ${address.katagaki}` : ""}`;
}

/**
 * The 異動 history a resident carries: born here or moved in, perhaps moved within the city, and a
 * married name with the previous one kept (so past names stay searchable).
 */
export function historyOf(people: PersonFactory, person: PersonRecord): ResidenceChangeRecord[] {
  const random = people.random;
  const birth = person.birthDate ?? people.asOf;
  const here = person.address ? addressText(person.address) : null;
  const changes: ResidenceChangeRecord[] = [];
  const change = (
    kind: ResidenceChangeRecord["kind"],
    on: string,
    from: string | null,
    to: string | null,
  ) => {
    const occurredOn = earlierOf(on, people.asOf);
    changes.push({
      personId: person.id,
      kind,
      occurredOn,
      notifiedOn: addDays(occurredOn, random.int(0, 13)),
      fromAddress: from,
      toAddress: to,
      previousName: null,
      previousNameKana: null,
    });
  };
  if (person.nationality) {
    change("foreignerRegistration", person.residentSince ?? birth, null, here);
  } else if (random.chance(0.62)) {
    change("birth", birth, null, here);
  } else {
    const movedIn = addYears(birth, random.int(0, Math.max(0, yearOf(people.asOf) - yearOf(birth))));
    person.residentSince = earlierOf(movedIn, people.asOf);
    change("moveIn", person.residentSince, outsideAddress(people), here);
  }
  if (random.chance(0.1) && person.address) {
    change(
      "moveWithin",
      addDays(people.asOf, -random.int(30, 3000)),
      `出雲市${random.pick(towns).name}${random.int(1, 2000)}番地`,
      here,
    );
  }
  if (person.relationship === "妻" && !person.nationality && random.chance(0.9)) {
    const maiden = people.surname();
    const given = person.name.split("　")[1] ?? "";
    const givenKana = person.nameKana.split("　")[1] ?? "";
    const married = addYears(birth, random.int(20, 34));
    if (married < people.asOf) {
      change("nameChange", married, null, null);
      const last = changes[changes.length - 1] as ResidenceChangeRecord;
      last.previousName = `${maiden.text}　${given}`;
      last.previousNameKana = `${maiden.kana}　${givenKana}`;
    }
  }
  return changes;
}
