import { corporateCheckDigit } from "@ichimado/core/registry/check-digit";
import type { PersonRecord } from "@ichimado/core/registry/records";
import { addYears } from "./dates.ts";
import { corporationKinds, corporationStems } from "./names.ts";
import { blankPerson, type PersonFactory } from "./people.ts";

const elsewhere = [
  "島根県松江市殿町",
  "島根県大田市大田町",
  "鳥取県米子市角盤町",
  "広島県広島市中区基町",
  "岡山県岡山市北区大供",
  "大阪府大阪市北区中之島",
  "東京都千代田区丸の内",
  "福岡県福岡市中央区天神",
];

export function outsideAddress(people: PersonFactory): string {
  const random = people.random;
  return `${random.pick(elsewhere)}${random.int(1, 9)}丁目${random.int(1, 30)}番${random.int(1, 20)}号`;
}

/** 住登外者: taxpayers and owners who live elsewhere, known to the city by 宛名番号 only. */
export function nonResident(people: PersonFactory): PersonRecord {
  const random = people.random;
  const surname = people.surname();
  const sex = random.chance(0.5) ? "male" : "female";
  const birthDate = people.birthDateForAge(random.int(25, 90));
  const given = people.given(sex, birthDate);
  return {
    ...blankPerson(),
    id: people.personId(),
    kind: "nonResident",
    name: `${surname.text}　${given.text}`,
    nameKana: `${surname.kana}　${given.kana}`,
    birthDate,
    sex,
    outsideAddress: outsideAddress(people),
  };
}

export function corporation(people: PersonFactory, address: PersonRecord["address"]): PersonRecord {
  const random = people.random;
  const stem = random.pick(corporationStems);
  const [kind, kindKana, trade] = random.pick(corporationKinds);
  const before = random.chance(0.7);
  const base = people.random.digits(12);
  const representative = people.surname();
  return {
    ...blankPerson(),
    id: people.personId(),
    kind: "corporation",
    name: before ? `${kind}${stem.text}${trade}` : `${stem.text}${trade}${kind}`,
    nameKana: before ? `${kindKana}${stem.kana}` : `${stem.kana}${kindKana}`,
    address,
    corporateNumber: `${corporateCheckDigit(base)}${base}`,
    representative: `代表取締役　${representative.text}　${people.given("male", addYears(people.asOf, -60)).text}`,
    residentSince: addYears(people.asOf, -random.int(1, 60)),
  };
}
