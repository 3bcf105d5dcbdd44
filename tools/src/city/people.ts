import { withCheckDigit } from "@ichimado/core/registry/check-digit";
import type { Relationship, Sex } from "@ichimado/core/registry/codes";
import type { Address, PersonRecord } from "@ichimado/core/registry/records";
import { isoDate, yearOf } from "./dates.ts";
import { type ForeignNameStock, generationOf, givenNames, type NameEntry, surnames } from "./names.ts";
import { type Random, WeightedTable } from "./random.ts";

const surnameTable = new WeightedTable(surnames, (s) => s.weight);
const givenTables = {
  male: {
    old: new WeightedTable(givenNames.male.old, (n) => n.weight),
    middle: new WeightedTable(givenNames.male.middle, (n) => n.weight),
    young: new WeightedTable(givenNames.male.young, (n) => n.weight),
  },
  female: {
    old: new WeightedTable(givenNames.female.old, (n) => n.weight),
    middle: new WeightedTable(givenNames.female.middle, (n) => n.weight),
    young: new WeightedTable(givenNames.female.young, (n) => n.weight),
  },
};

/** Mints identifiers and people; owns the sequences so the same seed gives the same numbers. */
export class PersonFactory {
  private personSeq = 100_000;
  private readonly residentCodes = new Set<string>();

  constructor(
    readonly random: Random,
    readonly asOf: string,
  ) {}

  personId(): string {
    this.personSeq += this.random.int(1, 3);
    return withCheckDigit(String(this.personSeq).padStart(9, "0"));
  }

  residentCode(): string {
    for (;;) {
      const code = withCheckDigit(this.random.digits(10));
      if (!this.residentCodes.has(code)) {
        this.residentCodes.add(code);
        return code;
      }
    }
  }

  surname(): NameEntry {
    return surnameTable.pick(this.random);
  }

  birthDateForAge(age: number): string {
    const year = yearOf(this.asOf) - age - (this.random.chance(0.5) ? 1 : 0);
    const month = this.random.int(1, 12);
    const day = this.random.int(1, month === 2 ? 28 : [4, 6, 9, 11].includes(month) ? 30 : 31);
    const date = isoDate(Math.max(year, 1910), month, day);
    return date > this.asOf ? isoDate(year - 1, month, day) : date;
  }

  given(sex: Sex, birthDate: string): NameEntry {
    return givenTables[sex][generationOf(yearOf(birthDate))].pick(this.random);
  }

  resident(options: {
    surname: NameEntry;
    sex: Sex;
    age: number;
    householdId: string;
    relationship: Relationship;
    address: Address;
  }): PersonRecord {
    const birthDate = this.birthDateForAge(options.age);
    const given = this.given(options.sex, birthDate);
    return {
      ...blankPerson(),
      id: this.personId(),
      kind: "resident",
      residentCode: this.residentCode(),
      householdId: options.householdId,
      relationship: options.relationship,
      name: `${options.surname.text}　${given.text}`,
      nameKana: `${options.surname.kana}　${given.kana}`,
      birthDate,
      sex: options.sex,
      address: options.address,
      residentSince: birthDate,
    };
  }

  foreignResident(options: {
    stock: ForeignNameStock;
    family: readonly [string, string];
    sex: Sex;
    age: number;
    householdId: string;
    relationship: Relationship;
    address: Address;
    status: string;
  }): PersonRecord {
    const birthDate = this.birthDateForAge(options.age);
    const given = this.random.pick(options.stock[options.sex]);
    const [familyAlpha, familyKana] = options.family;
    const alpha = options.stock.familyFirst ? `${familyAlpha} ${given[0]}` : `${given[0]} ${familyAlpha}`;
    const kana = options.stock.familyFirst ? `${familyKana}　${given[1]}` : `${given[1]}　${familyKana}`;
    const permanent = options.status === "永住者" || options.status === "特別永住者";
    const periodYears = this.random.pick([1, 3, 5]);
    // 通称 are registered by long-settled residents who live and work under a Japanese name.
    const alias = permanent && this.random.chance(0.3) ? this.surname() : null;
    return {
      ...blankPerson(),
      id: this.personId(),
      kind: "resident",
      residentCode: this.residentCode(),
      householdId: options.householdId,
      relationship: options.relationship,
      name: alpha,
      nameKana: kana,
      nameAlpha: alpha,
      alias: alias ? `${alias.text}　${given[1]}` : null,
      aliasKana: alias ? `${alias.kana}　${given[1]}` : null,
      birthDate,
      sex: options.sex,
      nationality: options.stock.nationality,
      residenceStatus: options.status,
      residencePeriodTo: permanent
        ? null
        : isoDate(yearOf(this.asOf) + periodYears, this.random.int(1, 12), 15),
      address: options.address,
      residentSince: isoDate(yearOf(this.asOf) - this.random.int(0, Math.min(options.age, 25)), 4, 1),
    };
  }
}

export function blankPerson(): Omit<PersonRecord, "id" | "kind" | "name" | "nameKana"> {
  return {
    residentCode: null,
    householdId: null,
    relationship: null,
    nameAlpha: null,
    alias: null,
    aliasKana: null,
    birthDate: null,
    sex: null,
    nationality: null,
    residenceStatus: null,
    residencePeriodTo: null,
    status: "active",
    statusDate: null,
    address: null,
    outsideAddress: null,
    corporateNumber: null,
    representative: null,
    residentSince: null,
    cardExpiresOn: null,
  };
}
