import type { ProcedureDefinition } from "../procedures.ts";
import {
  allOf,
  answered,
  anyOf,
  certifiedCareLevels,
  movedInFrom,
  not,
  on,
  procedure,
  self,
  selfMoving,
} from "./build.ts";

/**
 * The pension feed delivers 被保険者 only; a city that also delivers 受給権者 (role recipient) gets
 * these from data, every other city through the navigation question.
 */
const receivedPension = anyOf(
  self({ enrolledIn: { programme: "nationalPension", roles: ["recipient"] } }),
  answered("pensionRecipient", "yes"),
);
const longTermCare = { programme: "longTermCare" } as const;

/** 保険年金課 (国民年金) and 高齢者福祉課 (介護保険). */
export const pensionCareProcedures: ProcedureDefinition[] = [
  procedure({
    key: "pension-recipient-death",
    name: "年金受給権者死亡届",
    programme: "nationalPension",
    scope: "person",
    counterId: "hokennenkin",
    guidance:
      "年金を受け取っていた方が亡くなったとき。日本年金機構にマイナンバーが収録されている方は、死亡届が7日以内に出されていれば原則として届出を省略できる。国民年金（基礎年金）のみの受給者は市で、厚生年金・共済年金を受けていた方は年金事務所・共済組合で受け付ける。届出が遅れて受け取り過ぎた年金は返還を求められる。",
    legalBasis: "国民年金法第105条第4項",
    bring: [
      "亡くなった方の年金証書",
      "死亡の事実がわかる書類（死亡診断書の写し・住民票の除票など）",
      "届出人の本人確認書類",
    ],
    rule: allOf(on("death"), selfMoving(), receivedPension),
  }),
  procedure({
    key: "pension-unpaid-claim",
    name: "未支給年金の請求",
    programme: "nationalPension",
    scope: "person",
    counterId: "hokennenkin",
    guidance:
      "亡くなった月の分までの年金で受け取っていないものは、生計を同じくしていた遺族（配偶者、子、父母、孫、祖父母、兄弟姉妹、その他3親等内の親族の順）が請求する。受給権者死亡届と同じ用紙で請求できる。年金の請求に使う戸籍証明書は手数料を免除する。",
    legalBasis: "国民年金法第19条",
    bring: [
      "亡くなった方の年金証書",
      "亡くなった方と請求者の続柄がわかる戸籍謄本",
      "世帯全員の住民票（別世帯のときは生計同一関係に関する申立書）",
      "請求者名義の受取口座",
      "請求者の本人確認書類",
    ],
    rule: allOf(on("death"), selfMoving(), receivedPension),
  }),
  procedure({
    key: "pension-insured-death",
    name: "国民年金 被保険者死亡届・遺族の給付の請求",
    programme: "nationalPension",
    scope: "person",
    counterId: "hokennenkin",
    guidance:
      "国民年金第1号被保険者が亡くなったときは14日以内に死亡届。18歳到達年度末までの子（障がいのある子は20歳未満）のいる配偶者または子には遺族基礎年金を、保険料を納めた期間が36月以上ある方の遺族には死亡一時金を、第1号被保険者としての納付済・免除期間が10年以上ある夫を亡くした妻には寡婦年金を案内する（死亡一時金と寡婦年金はどちらか一方）。",
    legalBasis: "国民年金法第105条第4項・第37条・第49条・第52条の2",
    bring: [
      "亡くなった方の基礎年金番号がわかるもの（基礎年金番号通知書・年金手帳）",
      "亡くなった方と請求者の続柄がわかる戸籍謄本",
      "世帯全員の住民票",
      "請求者名義の受取口座",
      "請求者の本人確認書類",
    ],
    rule: allOf(
      on("death"),
      selfMoving({
        enrolledIn: { programme: "nationalPension", attribute: { key: "category", values: ["第1号"] } },
      }),
    ),
  }),
  procedure({
    key: "pension-first-category-enrolment",
    name: "国民年金 第1号被保険者 資格取得届（国外からの転入）",
    programme: "nationalPension",
    scope: "person",
    counterId: "hokennenkin",
    guidance:
      "20歳以上60歳未満で国外から転入した方は、会社員・公務員（第2号）やその被扶養配偶者（第3号）でなければ14日以内に第1号被保険者の資格取得届（外国籍の方も対象）。国内の他市区町村からの転入では届出は要らない。保険料の免除・納付猶予、学生納付特例の申請もあわせて案内する。",
    legalBasis: "国民年金法第7条第1項第1号・第12条第1項、同法施行規則第1条の2",
    bring: ["基礎年金番号がわかるもの（お持ちの方）", "旅券（出入国の日付がわかるもの）", "本人確認書類"],
    rule: allOf(
      movedInFrom("abroad"),
      selfMoving({ ageAtLeast: 20, ageUnder: 60 }),
      not(answered("workplaceInsurance", "yes")),
    ),
  }),
  procedure({
    key: "ltc-enrolment",
    name: "介護保険 資格取得（転入）",
    programme: "longTermCare",
    scope: "person",
    counterId: "koreisha",
    guidance:
      "65歳以上の方は転入日から第1号被保険者となり、被保険者証を交付する。前の市区町村で要介護・要支援認定を受けていた方は、受給資格証明書を転入日から14日以内に提出すれば審査なしで認定を引き継げる。施設に入所して住所を移した方は住所地特例（前の市区町村の被保険者のまま）に当たるか確認する。",
    legalBasis: "介護保険法第9条・第10条・第12条・第36条",
    bring: ["介護保険受給資格証明書（要介護・要支援認定を受けている方）", "本人確認書類"],
    rule: allOf(on("moveIn"), selfMoving({ ageAtLeast: 65 })),
  }),
  procedure({
    key: "ltc-eligibility-certificate",
    name: "介護保険 受給資格証明書の交付（転出）",
    programme: "longTermCare",
    scope: "person",
    counterId: "koreisha",
    guidance:
      "要介護・要支援認定を受けている方が転出するときは受給資格証明書を交付する。転出先に転入日から14日以内に提出すれば、新たな審査なしで認定が引き継がれる（過ぎると改めて認定申請が要る）。被保険者証は返却してもらう。",
    legalBasis: "介護保険法第36条",
    bring: ["介護保険被保険者証"],
    rule: allOf(
      on("moveOut"),
      selfMoving({
        enrolledIn: {
          programme: "longTermCare",
          attribute: { key: "careLevel", values: certifiedCareLevels },
        },
      }),
    ),
  }),
  procedure({
    key: "ltc-loss",
    name: "介護保険 資格喪失届",
    programme: "longTermCare",
    scope: "person",
    counterId: "koreisha",
    guidance:
      "転出・死亡により資格を失う。被保険者証・負担割合証などを返却してもらう。保険料は月割で再計算し、還付または追加の納付を通知する。死亡の場合、高額介護サービス費などの未支給分は相続人に案内する。",
    legalBasis: "介護保険法第11条・第12条",
    bring: ["介護保険被保険者証（返却）", "介護保険負担割合証（返却）"],
    // 65+ without an enrollment row still lost the 第1号 資格; a 40–64 member appears only if enrolled.
    rule: allOf(
      on("moveOut", "death"),
      selfMoving(),
      anyOf(self({ enrolledIn: longTermCare }), self({ ageAtLeast: 65 })),
    ),
  }),
  procedure({
    key: "ltc-address-change",
    name: "介護保険 住所変更",
    programme: "longTermCare",
    scope: "person",
    counterId: "koreisha",
    guidance:
      "介護保険の被保険者が市内で転居したとき。被保険者証を差し替える。ケアマネジャー・サービス事業所にも住所変更を伝えるよう案内する。",
    legalBasis: "介護保険法第12条",
    bring: ["介護保険被保険者証"],
    rule: allOf(on("moveWithin"), selfMoving({ enrolledIn: longTermCare })),
  }),
];
