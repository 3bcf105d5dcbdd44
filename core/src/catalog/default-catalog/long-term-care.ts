import type { ProcedureDefinition } from "../procedures.ts";
import { allOf, answered, anyOf, certifiedCareLevels, on, procedure, self, selfMoving } from "./build.ts";

const longTermCare = { programme: "longTermCare" } as const;
const careCard = "介護保険被保険者証";

/** 高齢者福祉課: 介護保険 (資格, 認定, 給付の申請). */
export const longTermCareProcedures: ProcedureDefinition[] = [
  procedure({
    key: "ltc-enrolment",
    name: "介護保険 資格取得（転入）",
    programme: "longTermCare",
    scope: "person",
    counterId: "koreisha",
    forms: ["ltc-change-notice"],
    guidance:
      "65歳以上の方は転入日から第1号被保険者となり、被保険者証を交付する。前の市区町村で要介護・要支援認定を受けていた方は、受給資格証明書を転入日から14日以内に提出すれば審査なしで認定を引き継げる。施設に入所して住所を移した方は住所地特例（前の市区町村の被保険者のまま）に当たるか確認する。",
    legalBasis: "介護保険法第9条・第10条・第12条・第36条",
    bring: ["介護保険受給資格証明書（要介護・要支援認定を受けている方）", "本人確認書類"],
    rule: allOf(on("moveIn"), selfMoving({ ageAtLeast: 65 })),
  }),
  procedure({
    key: "ltc-certification-transfer",
    name: "介護保険 受給資格証明書の提出（要介護認定の引継ぎ）",
    programme: "longTermCare",
    scope: "household",
    counterId: "koreisha",
    guidance:
      "前の市区町村で要介護・要支援の認定を受けていた方は、そこで交付された受給資格証明書を転入日から14日以内に提出すれば、審査なしで同じ要介護度の認定を受けられる（有効期間は前の認定の残り期間まで）。14日を過ぎると新たな認定申請が要る。ケアマネジャーに当市での認定を伝えるよう案内する。",
    legalBasis: "介護保険法第36条",
    bring: ["介護保険受給資格証明書（前の市区町村で交付）", "本人確認書類"],
    rule: allOf(on("moveIn"), answered("careCertifiedElsewhere", "yes")),
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
    forms: ["ltc-change-notice"],
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
  procedure({
    key: "ltc-certification-application",
    name: "要介護・要支援認定 申請",
    programme: "longTermCare",
    scope: "person",
    counterId: "koreisha",
    guidance:
      "介護サービスを使うための認定の申請。65歳以上の方（第1号被保険者）は原因を問わず、40〜64歳の方（第2号被保険者）は加齢に伴う16の特定疾病による場合に申請できる。市の調査員が訪問調査を行い、主治医意見書とあわせて介護認定審査会で審査し、原則30日以内に結果を通知する。認定の効力は申請日に遡る。本人・家族のほか地域包括支援センター・居宅介護支援事業者が代行できる。",
    legalBasis: "介護保険法第27条・第32条",
    bring: [
      `${careCard}（第2号被保険者は医療保険の資格確認書など）`,
      "主治医の医療機関名・医師名がわかるもの",
      "申請者の本人確認書類",
    ],
    rule: null,
    questions: ["attendingDoctor"],
  }),
  procedure({
    key: "ltc-certification-renewal",
    name: "要介護・要支援認定 更新・区分変更申請",
    programme: "longTermCare",
    scope: "person",
    counterId: "koreisha",
    guidance:
      "認定の有効期間が満了する日の60日前から更新の申請ができる（満了前に通知する）。有効期間中に心身の状態が変わったときは区分変更を申請する。審査の流れは新規の申請と同じ。",
    legalBasis: "介護保険法第28条・第29条・第33条・第33条の2",
    bring: [careCard, "申請者の本人確認書類"],
    rule: null,
    questions: ["attendingDoctor"],
  }),
  procedure({
    key: "ltc-premium-reduction",
    name: "介護保険料の減免・徴収猶予申請",
    programme: "longTermCare",
    scope: "person",
    counterId: "koreisha",
    guidance:
      "災害で住宅・家財に著しい損害を受けたとき、世帯の生計を主に維持する方の死亡・長期入院・失業などで収入が著しく減ったときに、条例に基づき保険料の減免または徴収猶予を申請できる。納期限までの申請が原則。",
    legalBasis: "介護保険法第142条、市介護保険条例",
    bring: ["被害・収入の減少がわかる書類（罹災証明書・離職票など）", "本人確認書類"],
    rule: null,
  }),
  procedure({
    key: "ltc-high-cost-services",
    name: "高額介護サービス費 支給申請",
    programme: "longTermCare",
    scope: "person",
    counterId: "koreisha",
    guidance:
      "同じ月の介護サービスの利用者負担の合計が所得区分ごとの上限額を超えたとき、超えた分を支給する。該当する方に申請書を送付し、初回に申請すれば以後は自動で振り込む。医療保険と合算する高額医療合算介護サービス費は年単位で別に申請する。",
    legalBasis: "介護保険法第51条・第61条",
    bring: ["申請書（送付されたもの）", "振込先口座がわかるもの", "本人確認書類"],
    rule: null,
  }),
  procedure({
    key: "ltc-burden-limit",
    name: "介護保険 負担限度額認定申請（施設の居住費・食費）",
    programme: "longTermCare",
    scope: "person",
    counterId: "koreisha",
    guidance:
      "介護保険施設やショートステイを利用する住民税非課税世帯の方は、居住費（滞在費）と食費の負担が軽くなる。本人と配偶者の預貯金等が基準額以下であることを通帳の写しなどで確認する。認定は8月から翌年7月まで（毎年申請が要る）。",
    legalBasis: "介護保険法第51条の3・第61条の3",
    bring: ["本人と配偶者の預貯金等がわかる通帳の写しなど", "介護保険被保険者証", "本人確認書類"],
    rule: null,
  }),
  procedure({
    key: "ltc-home-modification",
    name: "介護保険 住宅改修費 支給申請",
    programme: "longTermCare",
    scope: "person",
    counterId: "koreisha",
    guidance:
      "要介護・要支援の方の住宅に手すりの取付け・段差の解消などの改修をするとき、工事の前に事前申請をしてもらう（事後の申請は原則として認めない）。支給限度基準額は20万円（1割〜3割は自己負担）。工事後に領収書・写真などで支給申請する。",
    legalBasis: "介護保険法第45条・第57条",
    bring: [
      "住宅改修が必要な理由書（ケアマネジャー等が作成）",
      "工事費の見積書",
      "改修前の写真",
      "本人確認書類",
    ],
    rule: null,
  }),
  procedure({
    key: "ltc-equipment-purchase",
    name: "介護保険 福祉用具購入費 支給申請",
    programme: "longTermCare",
    scope: "person",
    counterId: "koreisha",
    guidance:
      "要介護・要支援の方が、指定を受けた事業者から腰掛便座・入浴補助用具などの特定福祉用具を購入したとき、年度10万円を上限に購入費の7〜9割を支給する。同じ種目は原則として1回限り。",
    legalBasis: "介護保険法第44条・第56条",
    bring: [
      "領収書",
      "福祉用具のパンフレット等（品目がわかるもの）",
      "振込先口座がわかるもの",
      "本人確認書類",
    ],
    rule: null,
  }),
];
