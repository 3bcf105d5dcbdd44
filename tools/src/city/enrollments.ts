import { ageOn } from "@ichimado/core/common/wareki";
import type { ProgrammeKey } from "@ichimado/core/programmes/programmes";
import type { EnrollmentRole } from "@ichimado/core/registry/codes";
import type { ArrearsRecord, EnrollmentRecord, PersonRecord } from "@ichimado/core/registry/records";
import { addDays, addYears, earlierOf, fiscalYearOf, isoDate, laterOf, yearOf } from "./dates.ts";
import type { BuiltHousehold } from "./households.ts";
import type { Random } from "./random.ts";

const nurseries = [
  "ひかり保育園",
  "さくら保育所",
  "出雲幼稚園",
  "しおみ認定こども園",
  "ひかわ保育園",
  "たいしゃ幼稚園",
];
const housingEstates = ["市営塩冶団地", "市営大津団地", "市営高松住宅", "市営平田住宅", "市営斐川団地"];
const dogNames = ["ポチ", "モモ", "ココ", "ハナ", "チョコ", "ソラ", "コタロウ", "マロン"];
const disabilityBooks = [
  ["身体障害者手帳", ["1級", "2級", "3級", "4級", "5級", "6級"]],
  ["療育手帳", ["A", "B"]],
  ["精神障害者保健福祉手帳", ["1級", "2級", "3級"]],
] as const;

/**
 * Works out a household's enrollments the way the programmes' own rules decide them: 後期高齢者
 * at 75, 介護保険 第1号 from the day before the 65th birthday, 児童手当 until the first 31 March after
 * the 18th birthday, 国保 for households without employee insurance, 生活保護 excluding 国保, …
 */
export class EnrollmentRules {
  readonly enrollments: EnrollmentRecord[] = [];
  readonly arrears: ArrearsRecord[] = [];
  private numberSeq = 0;

  constructor(
    private readonly random: Random,
    private readonly asOf: string,
  ) {}

  apply({ household, members, shape }: BuiltHousehold): void {
    const random = this.random;
    const head = members[0] as PersonRecord;
    const age = (p: PersonRecord) => ageOn(p.birthDate ?? this.asOf, this.asOf);
    const headAge = age(head);
    const children = members.filter((m) => m.relationship === "子" && age(m) < 19);
    const singleParent = shape === "singleParent";

    const assistance = random.chance(singleParent ? 0.06 : shape === "singleElderly" ? 0.03 : 0.003);
    if (assistance) {
      const caseNo = `HG${this.number(6)}`;
      for (const m of members)
        this.add(m, "publicAssistance", "member", head, addYears(this.asOf, -random.int(0, 8)), {
          caseNumber: caseNo,
        });
    }
    const employeeInsured = !assistance && headAge < 65 && random.chance(0.72);
    const nhiSymbol = `${this.number(7)}`;
    for (const m of members) {
      const a = age(m);
      const birth = m.birthDate ?? this.asOf;
      if (!assistance && !employeeInsured && a < 75) {
        this.add(m, "nationalHealthInsurance", "insured", head, laterOf(birth, household.formedOn), {
          insuredNumber: nhiSymbol,
          copayment: a >= 70 ? "2割" : "3割",
        });
      }
      if (a >= 75)
        this.add(m, "lateElderlyMedical", "insured", null, addYears(birth, 75), {
          insuredNumber: this.number(8),
          copayment: random.weighted(["1割", "2割", "3割"], (r) => (r === "1割" ? 70 : 15)),
        });
      if (a >= 65) {
        const grade = random.chance(Math.min(0.75, Math.max(0, (a - 70) / 40)))
          ? random.pick(["要支援1", "要支援2", "要介護1", "要介護2", "要介護3", "要介護4", "要介護5"])
          : "非該当";
        this.add(m, "longTermCare", "insured", null, addDays(addYears(birth, 65), -1), {
          insuredNumber: this.number(10),
          careLevel: grade,
        });
      }
      if (a >= 20 && a < 60 && !employeeInsured && !assistance) {
        this.add(m, "nationalPension", "insured", null, addYears(birth, 20), {
          category: "第1号",
          pensionNumber: this.number(10),
          exemption: random.chance(0.25) ? "全額免除" : "なし",
        });
      }
      if (a >= 18 && random.chance(a < 65 ? 0.82 : 0.55)) {
        const taxed = random.chance(a < 65 ? 0.88 : 0.5);
        this.add(m, "residentTax", "holder", null, isoDate(fiscalYearOf(this.asOf), 6, 1), {
          fiscalYear: fiscalYearOf(this.asOf),
          taxStatus: taxed ? "課税" : "非課税",
          income: taxed ? random.int(120, 900) * 10_000 : random.int(0, 45) * 10_000,
        });
      }
      if (a >= 15 && random.chance(0.45))
        this.add(m, "sealRegistration", "holder", null, addYears(birth, random.int(15, Math.max(15, a))), {
          registrationNumber: this.number(7),
        });
      // 個人番号カード: the register holds its expiry (10 years, 5 for minors at issue).
      if (random.chance(0.78))
        m.cardExpiresOn = addYears(addYears(this.asOf, -random.int(0, 8)), a < 18 ? 5 : 10);
      if (random.chance(a >= 65 ? 0.09 : 0.03)) {
        const [book, grades] = random.pick(disabilityBooks);
        const grade = random.pick(grades);
        this.add(m, "disabilityWelfare", "holder", null, addYears(this.asOf, -random.int(0, 20)), {
          book: book,
          grade: grade,
        });
        if (grade === "1級" || grade === "2級" || grade === "A")
          this.add(m, "severeDisabilityMedical", "recipient", null, addYears(this.asOf, -random.int(0, 10)), {
            recipientNumber: this.number(7),
          });
      }
      if (random.chance(0.004))
        this.add(m, "medicalSubsidy", "recipient", null, addYears(this.asOf, -random.int(0, 5)), {
          scheme: "特定医療費（指定難病）",
        });
    }
    this.childProgrammes(head, children, singleParent, assistance);
    if (random.chance(singleParent || shape === "singleElderly" ? 0.06 : 0.015)) {
      household.address.katagaki = `${random.pick(housingEstates)} ${random.int(1, 12)}号棟${random.int(1, 4)}0${random.int(1, 6)}号`;
      for (const m of members)
        this.add(m, "publicHousing", "member", head, household.formedOn, {
          housing: household.address.katagaki,
        });
    }
    if (random.chance(0.07))
      this.add(head, "dogRegistration", "holder", null, addYears(this.asOf, -random.int(0, 12)), {
        dogName: random.pick(dogNames),
        registrationNumber: `出雲${this.number(6)}`,
        rabiesShot: random.chance(0.8) ? "済" : "未",
      });
    if (random.chance(0.01))
      this.add(head, "cemetery", "holder", null, addYears(this.asOf, -random.int(0, 40)), {
        cemetery: "市営墓地",
        plot: `${random.pick(["A", "B", "C"])}-${random.int(1, 300)}`,
      });
    if (random.chance(0.03) && headAge >= 20) {
      const year = fiscalYearOf(this.asOf) - random.int(0, 3);
      this.arrears.push({
        personId: head.id,
        programme: random.chance(0.6) ? "residentTax" : "nationalHealthInsurance",
        fiscalYear: year,
        amount: random.int(5, 400) * 1_000,
      });
    }
  }

  private childProgrammes(
    head: PersonRecord,
    children: PersonRecord[],
    singleParent: boolean,
    assistance: boolean,
  ): void {
    if (children.length === 0) return;
    const random = this.random;
    let allowanceChildren = 0;
    const aid = random.chance(assistance ? 0 : singleParent ? 0.45 : 0.1);
    const rearing = singleParent && random.chance(0.75);
    for (const child of children) {
      const birth = child.birthDate ?? this.asOf;
      const end = firstMarch31After(addYears(birth, 18));
      if (this.asOf <= end) {
        allowanceChildren++;
        this.add(child, "childAllowance", "subjectChild", head, laterOf(birth, "2024-10-01"), {}, end);
        this.add(
          child,
          "childMedical",
          "subjectChild",
          head,
          birth,
          { recipientNumber: this.number(7) },
          end,
        );
        if (rearing)
          this.add(
            child,
            "childRearingAllowance",
            "subjectChild",
            head,
            laterOf(birth, addYears(this.asOf, -3)),
            {},
            end,
          );
        if (singleParent) this.add(child, "singleParentMedical", "subjectChild", head, birth, {}, end);
      }
      const schoolYearAge = fiscalYearOf(this.asOf) - yearOf(birth) - (birth.slice(5) < "04-02" ? 0 : 1);
      if (schoolYearAge >= 0 && schoolYearAge <= 5 && random.chance(schoolYearAge < 3 ? 0.45 : 0.95)) {
        this.add(child, "nurseryKindergarten", "subjectChild", head, isoDate(fiscalYearOf(this.asOf), 4, 1), {
          facility: random.pick(nurseries),
          certification: schoolYearAge < 3 ? "3号" : random.pick(["1号", "2号"]),
        });
      }
      // 学校校区 is not an enrollment: it follows from the address master.
      if (schoolYearAge >= 6 && schoolYearAge <= 14 && aid) {
        this.add(child, "schoolAid", "subjectChild", head, isoDate(fiscalYearOf(this.asOf), 4, 1), {
          aidKind: "準要保護",
        });
      }
    }
    if (allowanceChildren > 0)
      this.add(head, "childAllowance", "recipient", null, addYears(this.asOf, -random.int(0, 5)), {
        childCount: allowanceChildren,
      });
    if (rearing)
      this.add(head, "childRearingAllowance", "recipient", null, addYears(this.asOf, -random.int(0, 3)), {
        paymentKind: random.pick(["全部支給", "一部支給"]),
      });
    if (singleParent)
      this.add(head, "singleParentMedical", "recipient", null, addYears(this.asOf, -random.int(0, 5)), {
        recipientNumber: this.number(7),
      });
  }

  private add(
    person: PersonRecord,
    programme: ProgrammeKey,
    role: EnrollmentRole,
    holder: PersonRecord | null,
    fromDate: string,
    attributes: EnrollmentRecord["attributes"],
    toDate: string | null = null,
  ): void {
    const from = earlierOf(fromDate, this.asOf);
    this.enrollments.push({
      personId: person.id,
      programme,
      role,
      holderPersonId: holder && holder.id !== person.id ? holder.id : null,
      fromDate: from,
      toDate,
      attributes,
    });
  }

  private number(length: number): string {
    this.numberSeq++;
    return String((this.numberSeq * 7919) % 10 ** length).padStart(length, "0");
  }
}

/** The first 31 March on or after a date. */
function firstMarch31After(iso: string): string {
  const year = yearOf(iso);
  const march = isoDate(year, 3, 31);
  return iso <= march ? march : isoDate(year + 1, 3, 31);
}
