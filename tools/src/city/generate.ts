import type { CityData, GaijiRecord, PersonRecord } from "@ichimado/core/registry/records";
import { addDays, addYears } from "./dates.ts";
import { EnrollmentRules } from "./enrollments.ts";
import { addressText, historyOf } from "./history.ts";
import { HouseholdBuilder } from "./households.ts";
import { corporation, nonResident, outsideAddress } from "./others.ts";
import { PersonFactory } from "./people.ts";
import { Random } from "./random.ts";
import { towns } from "./towns.ts";

export interface GenerateOptions {
  /** Active residents to make (the register's population). */
  residents: number;
  seed?: number;
  /** The day the data describes; fixed so that the same seed gives the same city on any day. */
  asOf?: string;
}

export const defaultSeed = 20_261_001;
export const defaultAsOf = "2026-10-01";

/**
 * Makes a synthetic 出雲市-shaped city. Besides the residents it adds people who moved out or died
 * (kept, flagged, as the register keeps 除票), 住登外者 (3 %), corporations (1 per 40 residents), a few
 * hundred 支援措置 subjects, 発行禁止 and 住基メモ.
 */
export function generateCity(options: GenerateOptions): CityData {
  const seed = options.seed ?? defaultSeed;
  const asOf = options.asOf ?? defaultAsOf;
  const random = new Random(seed);
  const people = new PersonFactory(random, asOf);
  const builder = new HouseholdBuilder(people);
  const rules = new EnrollmentRules(random, asOf);
  const city: CityData = {
    seed,
    towns: towns.map(({ weight: _weight, ...town }) => town),
    households: [],
    persons: [],
    residenceChanges: [],
    enrollments: rules.enrollments,
    supportMeasures: [],
    issuanceBans: [],
    arrears: rules.arrears,
    memos: [],
    moveOutCertificates: [],
    gaiji: [],
  };

  let residents = 0;
  const singleParentHouseholds: PersonRecord[][] = [];
  while (residents < options.residents) {
    const built = builder.build();
    const members = built.members.slice(0, options.residents - residents);
    built.members = members;
    rules.apply(built);
    city.households.push(built.household);
    for (const member of members) {
      city.persons.push(member);
      city.residenceChanges.push(...historyOf(people, member));
    }
    if (built.shape === "singleParent" || (built.shape === "singleYoung" && members[0]?.sex === "female")) {
      singleParentHouseholds.push(members);
    }
    residents += members.length;
  }

  // 除票: people who moved away or died in the last five years stay findable.
  const leavers = Math.round(options.residents * 0.05);
  for (let i = 0; i < leavers; i++) {
    const template = random.pick(city.households);
    const person = nonResident(people);
    const died = random.chance(0.4);
    const on = addDays(asOf, -random.int(1, 1800));
    Object.assign(person, {
      kind: "resident",
      residentCode: people.residentCode(),
      householdId: template.id,
      relationship: "同居人",
      status: died ? "deceased" : "movedOut",
      statusDate: on,
      address: template.address,
      outsideAddress: died ? null : outsideAddress(people),
      birthDate: died ? people.birthDateForAge(random.int(70, 100)) : person.birthDate,
    } satisfies Partial<PersonRecord>);
    city.persons.push(person);
    city.residenceChanges.push({
      personId: person.id,
      kind: died ? "death" : "moveOut",
      occurredOn: on,
      notifiedOn: addDays(on, random.int(0, 10)),
      fromAddress: addressText(template.address),
      toAddress: person.outsideAddress,
      previousName: null,
      previousNameKana: null,
    });
  }

  for (let i = Math.round(options.residents * 0.03); i > 0; i--) city.persons.push(nonResident(people));
  for (let i = Math.round(options.residents / 40); i > 0; i--)
    city.persons.push(corporation(people, builder.address()));

  // 支援措置: whole households of people protected from an abuser, renewed yearly.
  const protectedHouseholds = Math.max(1, Math.round(options.residents / 1200));
  for (let i = 0; i < protectedHouseholds && singleParentHouseholds.length > 0; i++) {
    const index = random.int(0, singleParentHouseholds.length - 1);
    const [members] = singleParentHouseholds.splice(index, 1);
    const fromDate = addDays(asOf, -random.int(0, 360));
    for (const member of members ?? []) {
      city.supportMeasures.push({
        personId: member.id,
        kind: random.chance(0.85) ? "dv" : random.pick(["stalker", "childAbuse"] as const),
        fromDate,
        toDate: addDays(addYears(fromDate, 1), -1),
        requestedBy: random.pick(["出雲警察署", "島根県女性相談センター", "出雲児童相談所"]),
      });
    }
  }

  const active = city.persons.filter((p) => p.kind === "resident" && p.status === "active");
  for (let i = Math.max(1, Math.round(options.residents / 6000)); i > 0; i--) {
    city.issuanceBans.push({
      personId: random.pick(active).id,
      reason: random.pick(["不正請求のおそれ（警察から連絡）", "本人からの申出（なりすまし被害）"]),
      fromDate: addDays(asOf, -random.int(0, 700)),
    });
  }
  for (let i = Math.round(options.residents / 200); i > 0; i--) {
    city.memos.push({
      personId: random.pick(active).id,
      text: random.pick([
        "郵便物が届かない旨の連絡あり",
        "実態調査中",
        "本人確認書類の再確認が必要",
        "転送不要郵便が返戻",
      ]),
      writtenOn: addDays(asOf, -random.int(0, 1500)),
    });
  }
  // 転出証明書: people who notified a move out that has not happened yet (still residents).
  for (let i = Math.round(options.residents / 400); i > 0; i--) {
    const person = random.pick(active);
    const issuedOn = addDays(asOf, -random.int(0, 13));
    city.moveOutCertificates.push({
      personId: person.id,
      issuedOn,
      plannedOn: addDays(issuedOn, random.int(1, 14)),
      destination: outsideAddress(people),
      cardBased: Boolean(person.cardExpiresOn) && random.chance(0.4),
    });
  }
  city.gaiji = gaijiUsed([
    ...city.persons.flatMap((p) => [p.name, p.alias, p.representative]),
    ...city.residenceChanges.map((c) => c.previousName),
  ]);
  return city;
}

/**
 * The gaiji the city's names (persons, 通称, 代表者, 旧氏名) use, each with a vendor code in the
 * Private Use Area as core systems deliver them. MJ codes are left for the city to map (issue:
 * common database).
 */
function gaijiUsed(texts: readonly (string | null)[]): GaijiRecord[] {
  const seen = new Set<string>();
  // An IVS sequence first, so that a variant-form base (髙) keeps its selector.
  const pattern = /.[\u{E0100}-\u{E01EF}]|[\u{20000}-\u{3FFFF}\uF900-\uFAFF\u9AD9]/gu;
  for (const text of texts) for (const match of text?.matchAll(pattern) ?? []) seen.add(match[0]);
  return [...seen].sort().map((text, index) => ({
    cityCode: (0xe000 + index).toString(16).toUpperCase(),
    text,
    mjCode: null,
    note: [...text].map((c) => `U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase()}`).join(" "),
  }));
}
