import type { Relationship, Sex } from "@ichimado/core/registry/codes";
import type { Address, HouseholdRecord, PersonRecord } from "@ichimado/core/registry/records";
import { addYears, earlierOf } from "./dates.ts";
import { foreignStocks, type NameEntry } from "./names.ts";
import type { PersonFactory } from "./people.ts";
import { WeightedTable } from "./random.ts";
import { towns } from "./towns.ts";

const townTable = new WeightedTable(towns, (t) => t.weight);
const foreignTable = new WeightedTable(foreignStocks, (s) => s.weight);
const apartments = ["コーポ", "ハイツ", "メゾン", "グランドール", "サンライズ", "レオパレス"];

/** Shapes of household with their share of households, roughly as a regional city's census shows. */
const shapes = [
  ["singleYoung", 11],
  ["singleMiddle", 7],
  ["singleElderly", 13],
  ["couple", 9],
  ["elderlyCouple", 12],
  ["coupleWithChildren", 24],
  ["singleParent", 5],
  ["threeGenerations", 9],
  ["parentWithAdultChild", 8],
  ["foreign", 2],
] as const;
type Shape = (typeof shapes)[number][0];
const shapeTable = new WeightedTable(shapes, (s) => s[1]);

export interface BuiltHousehold {
  household: HouseholdRecord;
  members: PersonRecord[];
  shape: Shape;
}

export class HouseholdBuilder {
  private householdSeq = 0;

  constructor(private readonly people: PersonFactory) {}

  build(): BuiltHousehold {
    const shape = shapeTable.pick(this.people.random)[0];
    const id = String(this.householdSeq++ * 7 + 2_000_001).padStart(10, "0");
    const address = this.address();
    const members = shape === "foreign" ? this.foreignMembers(id, address) : this.members(shape, id, address);
    const head = members[0] as PersonRecord;
    return {
      household: { id, headPersonId: head.id, address, formedOn: this.formedOn(members) },
      members,
      shape,
    };
  }

  /** Formed when the head was 20–30, or by the birth of the eldest child. */
  private formedOn(members: readonly PersonRecord[]): string {
    const random = this.people.random;
    const head = members[0] as PersonRecord;
    let formed = addYears(head.birthDate ?? this.people.asOf, random.int(20, 30));
    for (const member of members) {
      if (member.relationship === "子" && member.birthDate && member.birthDate < formed)
        formed = member.birthDate;
    }
    return earlierOf(formed, this.people.asOf);
  }

  address(): Address {
    const random = this.people.random;
    const town = townTable.pick(random);
    const chome = town.chomeCount > 0 ? `${random.int(1, town.chomeCount)}丁目` : "";
    const lot =
      town.chomeCount > 0
        ? `${chome}${random.int(1, 30)}番${random.int(1, 25)}号`
        : `${random.int(1, 3000)}番地${random.chance(0.4) ? random.int(1, 12) : ""}`;
    const katagaki = random.chance(0.14)
      ? `${random.pick(apartments)}${town.name.replace(/町.*$/, "")} ${random.int(1, 3)}0${random.int(1, 8)}号`
      : "";
    return { townCode: town.code, lot, katagaki };
  }

  private members(shape: Exclude<Shape, "foreign">, id: string, address: Address): PersonRecord[] {
    const { people } = this;
    const random = people.random;
    const surname = people.surname();
    const add = (sex: Sex, age: number, relationship: Relationship, name: NameEntry = surname) =>
      people.resident({ surname: name, sex, age, householdId: id, relationship, address });
    const sex = (): Sex => (random.chance(0.5) ? "male" : "female");
    const children = (parentAge: number, count: number, relationship: Relationship = "子") => {
      const out: PersonRecord[] = [];
      // Children are born when the parent is 22–42, so a parent's age decides theirs.
      for (let i = 0; i < count; i++)
        out.push(add(sex(), Math.max(0, parentAge - random.int(22, 42)), relationship));
      return out;
    };
    switch (shape) {
      case "singleYoung":
        return [add(sex(), random.int(18, 44), "世帯主")];
      case "singleMiddle":
        return [add(sex(), random.int(45, 69), "世帯主")];
      case "singleElderly":
        return [add(random.chance(0.7) ? "female" : "male", random.int(65, random.int(78, 99)), "世帯主")];
      case "couple": {
        const age = random.int(24, 72);
        return [add("male", age, "世帯主"), add("female", clampAge(age + random.int(-6, 3)), "妻")];
      }
      case "elderlyCouple": {
        const age = random.int(66, random.int(76, 94));
        return [add("male", age, "世帯主"), add("female", clampAge(age + random.int(-6, 2)), "妻")];
      }
      case "coupleWithChildren": {
        const age = random.int(28, 58);
        const head = add("male", age, "世帯主");
        const wife = add("female", clampAge(age + random.int(-5, 2)), "妻");
        return [
          head,
          wife,
          ...children(
            age,
            random.weighted([1, 2, 3, 4], (n) => [38, 42, 17, 3][n - 1] ?? 1),
          ),
        ];
      }
      case "singleParent": {
        const age = random.int(22, 52);
        const parent = add(random.chance(0.87) ? "female" : "male", age, "世帯主");
        return [
          parent,
          ...children(
            age,
            random.weighted([1, 2, 3], (n) => [55, 35, 10][n - 1] ?? 1),
          ),
        ];
      }
      case "threeGenerations": {
        const age = random.int(36, 62);
        const head = add("male", age, "世帯主");
        const wife = add("female", clampAge(age + random.int(-4, 2)), "妻");
        const father = add("male", clampAge(age + random.int(25, 34)), "父");
        const members = [head, wife];
        if (random.chance(0.75)) members.push(father);
        members.push(add("female", clampAge(age + random.int(23, 32)), "母"));
        members.push(...children(age, random.int(1, 3)));
        return members;
      }
      case "parentWithAdultChild": {
        const age = random.int(70, random.int(80, 97));
        const head = add(random.chance(0.75) ? "female" : "male", age, "世帯主");
        return [head, add(sex(), clampAge(age - random.int(24, 36)), "子")];
      }
    }
  }

  /** Foreign residents: young workers alone, families, or a foreign spouse in a Japanese household. */
  private foreignMembers(id: string, address: Address): PersonRecord[] {
    const { people } = this;
    const random = people.random;
    const stock = foreignTable.pick(random);
    const family = random.pick(stock.family);
    const status = random.pick(stock.statuses);
    const base = { stock, family, householdId: id, address };
    if (status === "技能実習" || status === "特定技能" || status === "留学" || random.chance(0.35)) {
      return [
        people.foreignResident({
          ...base,
          sex: random.chance(0.6) ? "male" : "female",
          age: random.int(19, 34),
          relationship: "世帯主",
          status,
        }),
      ];
    }
    if (status === "日本人の配偶者等") {
      const surname = people.surname();
      const age = random.int(30, 60);
      const head = people.resident({
        surname,
        sex: "male",
        age,
        householdId: id,
        relationship: "世帯主",
        address,
      });
      const wife = people.foreignResident({
        ...base,
        sex: "female",
        age: clampAge(age + random.int(-12, 0)),
        relationship: "妻",
        status,
      });
      const child = people.resident({
        surname,
        sex: random.chance(0.5) ? "male" : "female",
        age: random.int(0, 15),
        householdId: id,
        relationship: "子",
        address,
      });
      return random.chance(0.6) ? [head, wife, child] : [head, wife];
    }
    const age = random.int(28, 55);
    const members = [
      people.foreignResident({ ...base, sex: "male", age, relationship: "世帯主", status }),
      people.foreignResident({
        ...base,
        sex: "female",
        age: clampAge(age + random.int(-5, 2)),
        relationship: "妻",
        status,
      }),
    ];
    for (let i = random.int(0, 2); i > 0; i--) {
      members.push(
        people.foreignResident({
          ...base,
          sex: random.chance(0.5) ? "male" : "female",
          age: random.int(0, 17),
          relationship: "子",
          status: status === "家族滞在" ? status : "定住者",
        }),
      );
    }
    return members;
  }
}

function clampAge(age: number): number {
  return Math.max(18, Math.min(age, 104));
}
