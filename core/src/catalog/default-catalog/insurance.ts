import type { ProcedureDefinition } from "../procedures.ts";
import {
  allOf,
  answered,
  anyOf,
  enrolment,
  not,
  on,
  procedure,
  self,
  selfMoving,
  someInHousehold,
  someMoving,
  someRemaining,
} from "./build.ts";

const nhi = { programme: "nationalHealthInsurance" } as const;
const nhiInsured = enrolment("nationalHealthInsurance", "insured");

/**
 * 保険年金課: 国民健康保険. Gaining or losing a 資格 is one entry per person (each person's 資格
 * changes); a 国保 household's own record (住所, 世帯主, 氏名) is one entry per household.
 */
export const insuranceProcedures: ProcedureDefinition[] = [
  procedure({
    key: "nhi-enrolment",
    name: "国民健康保険 加入届",
    programme: "nationalHealthInsurance",
    scope: "person",
    counterId: "hokennenkin",
    guidance:
      "職場の健康保険に加入していない75歳未満の方（生活保護を受けている方を除く）は、転入日・出生日から国保の被保険者となる。世帯主が14日以内に届出。出生した子は、父母が職場の健康保険に加入していればそちらの扶養とする。保険税は資格を得た月から賦課（届出が遅れても遡る）。資格確認書または資格情報のお知らせを交付する。",
    legalBasis: "国民健康保険法第5条・第7条・第9条第1項、同法施行規則第2条",
    bring: [
      "本人確認書類",
      "マイナンバーカードまたは個人番号がわかる書類",
      "職場の健康保険の資格喪失証明書（退職して加入する場合）",
    ],
    rule: allOf(
      selfMoving({ ageUnder: 75, notEnrolledIn: "nationalHealthInsurance" }),
      self({ notEnrolledIn: "lateElderlyMedical" }),
      self({ notEnrolledIn: "publicAssistance" }),
      anyOf(
        allOf(on("moveIn"), not(answered("workplaceInsurance", "yes"))),
        allOf(on("birth"), someRemaining({ enrolledIn: nhiInsured })),
      ),
    ),
    forms: ["nhi-change-notice"],
  }),
  procedure({
    key: "nhi-loss",
    name: "国民健康保険 資格喪失届",
    programme: "nationalHealthInsurance",
    scope: "person",
    counterId: "hokennenkin",
    guidance:
      "転出・死亡により当市の国保の資格を失う（同じ県内の市町村への転出では高額療養費の該当回数などが引き継がれる）。資格確認書・被保険者証を返却してもらい、保険税を月割で再計算する。転出の方には転出先での加入手続きを案内する。死亡の場合は葬祭費の申請を、世帯主が亡くなり国保加入者が残る場合は世帯主変更をあわせて案内する。",
    legalBasis: "国民健康保険法第8条・第9条第1項",
    bring: ["国民健康保険の資格確認書・被保険者証（返却）", "届出人の本人確認書類"],
    rule: allOf(on("moveOut", "death"), selfMoving({ enrolledIn: nhi })),
    forms: ["nhi-change-notice"],
  }),
  procedure({
    key: "nhi-address-change",
    name: "国民健康保険 住所変更",
    programme: "nationalHealthInsurance",
    scope: "household",
    counterId: "hokennenkin",
    guidance:
      "国保加入者が市内で転居したとき。住所は転居届の異動で変わるため、住所の記載がある資格確認書・被保険者証の差し替えや送付先の変更を受け付ける。世帯の一部だけが転居して世帯が分かれる場合は世帯変更として扱う。",
    legalBasis: "国民健康保険法第9条第1項",
    bring: ["国民健康保険の資格確認書・被保険者証"],
    rule: allOf(on("moveWithin"), someMoving({ enrolledIn: nhi })),
    forms: ["nhi-change-notice"],
  }),
  procedure({
    key: "nhi-household-change",
    name: "国民健康保険 世帯主・世帯の変更届",
    programme: "nationalHealthInsurance",
    scope: "household",
    counterId: "hokennenkin",
    guidance:
      "世帯主の変更・世帯分離・世帯合併で国保の世帯や世帯主が変わるとき、世帯主が亡くなり国保加入者が残るときは14日以内に届出。世帯主が国保に加入していない世帯（擬制世帯主）の変更は別に申出が要る。保険税の納税義務者が変わるため口座振替の再登録を案内する。",
    legalBasis: "国民健康保険法第9条第1項",
    bring: ["国民健康保険の資格確認書・被保険者証", "新しい世帯主の口座がわかるもの（口座振替の場合）"],
    rule: anyOf(
      allOf(
        on("householdSplit", "householdMerge", "householdRecompose", "headChange"),
        someInHousehold({ enrolledIn: nhi }),
      ),
      allOf(on("death"), someMoving({ isHead: true }), someRemaining({ enrolledIn: nhi })),
    ),
    forms: ["nhi-change-notice"],
  }),
  procedure({
    key: "nhi-childbirth-lump-sum",
    name: "出産育児一時金 支給申請",
    programme: "nationalHealthInsurance",
    scope: "household",
    counterId: "hokennenkin",
    guidance:
      "国保加入者が出産したとき（妊娠85日以上の死産・流産を含む）、1児につき50万円（産科医療補償制度の対象外の出産は48万8千円）。医療機関への直接支払制度を使い出産費用が一時金より少なかったときは差額を申請する。職場の健康保険から支給される場合（退職後6か月以内の出産など）は重ねて受けられない。申請期限は出産の翌日から2年。",
    legalBasis: "国民健康保険法第58条第1項、市国民健康保険条例",
    bring: [
      "母子健康手帳",
      "直接支払制度の合意文書",
      "出産費用の領収・明細書",
      "世帯主名義の振込先口座",
      "本人確認書類",
    ],
    // The mother is not marked in the facts; a household with a 国保 insured member is asked.
    rule: allOf(on("birth"), someRemaining({ enrolledIn: nhiInsured })),
  }),
  procedure({
    key: "nhi-funeral-expenses",
    name: "葬祭費 支給申請（国民健康保険）",
    programme: "nationalHealthInsurance",
    scope: "person",
    counterId: "hokennenkin",
    guidance:
      "国保加入者が亡くなったとき、葬祭を行った方（喪主）に葬祭費を支給する（額は市の条例による）。申請期限は葬祭を行った日の翌日から2年。資格喪失届とあわせて受け付ける。",
    legalBasis: "国民健康保険法第58条第1項、市国民健康保険条例",
    bring: [
      "会葬礼状または葬儀費用の領収書（喪主の氏名がわかるもの）",
      "喪主名義の振込先口座",
      "喪主の本人確認書類",
    ],
    rule: allOf(on("death"), selfMoving({ enrolledIn: nhi })),
    questions: ["funeralHost", "funeralDate"],
  }),
  procedure({
    key: "nhi-name-change",
    name: "国民健康保険 氏名変更届",
    programme: "nationalHealthInsurance",
    scope: "household",
    counterId: "hokennenkin",
    guidance:
      "国保加入者の氏名が婚姻・離婚などで変わったとき、14日以内に世帯主が届け出る。氏名の記載がある資格確認書などを差し替える。婚姻で配偶者の職場の健康保険の扶養に入る方は、国保の脱退届もあわせて受け付ける（扶養に入った日がわかる書類が要る）。",
    legalBasis: "国民健康保険法第9条第1項",
    bring: ["国民健康保険の資格確認書・被保険者証", "届出人の本人確認書類"],
    rule: allOf(answered("surnameChange", "yes"), someInHousehold({ enrolledIn: nhi })),
    questions: ["newSurname"],
  }),
  procedure({
    key: "nhi-enrolment-job-loss",
    name: "国民健康保険 加入届（職場の健康保険をやめたとき）",
    programme: "nationalHealthInsurance",
    scope: "person",
    counterId: "hokennenkin",
    guidance:
      "退職などで職場の健康保険の資格を失い、任意継続や家族の扶養に入らない方は、資格喪失日から国保の被保険者となる。14日以内に世帯主が届出。資格喪失日を健康保険資格喪失証明書などで確認する（届出が遅れても保険税は資格喪失日の属する月から）。倒産・解雇などによる離職の方は、雇用保険受給資格者証で国保税の軽減（非自発的失業者）を確認する。国民年金の種別変更もあわせて案内する。",
    legalBasis: "国民健康保険法第5条・第7条・第9条第1項",
    bring: [
      "健康保険資格喪失証明書（退職日・資格喪失日がわかるもの）",
      "マイナンバーカードまたは個人番号がわかる書類",
      "雇用保険受給資格者証（会社都合の離職で軽減を受ける場合）",
      "本人確認書類",
    ],
    rule: null,
    questions: ["previousInsuranceLossDate", "jobLossInvoluntary"],
  }),
  procedure({
    key: "nhi-withdrawal-workplace",
    name: "国民健康保険 脱退届（職場の健康保険に加入したとき）",
    programme: "nationalHealthInsurance",
    scope: "person",
    counterId: "hokennenkin",
    guidance:
      "就職や家族の扶養に入ったことで職場の健康保険に加入したときは、14日以内に国保の脱退を届け出る（自動では脱退しない）。職場の健康保険の資格取得日を確認し、その前日までで保険税を再計算する。資格取得日以後に国保で受診した分は、国保が負担した医療費の返還を求めることがある。",
    legalBasis: "国民健康保険法第6条・第8条・第9条第1項",
    bring: [
      "職場の健康保険の資格確認書・資格情報のお知らせなど（資格取得日がわかるもの）",
      "国民健康保険の資格確認書・被保険者証（返却）",
      "届出人の本人確認書類",
    ],
    rule: null,
    questions: ["newInsuranceAcquiredDate"],
  }),
  procedure({
    key: "nhi-student-special",
    name: "国民健康保険 修学中の特例の届出",
    programme: "nationalHealthInsurance",
    scope: "household",
    counterId: "hokennenkin",
    guidance:
      "国保の世帯の学生が修学のため市外に住所を移すときは、在学証明書を出せば当市の国保の被保険者のまま（世帯主の世帯に属するものとみなす）となり、転出先で加入しなくてよい。該当する方は資格喪失届ではなくこの届出になる。毎年度、在学証明書の提出が要る。",
    legalBasis: "国民健康保険法第116条",
    bring: ["在学証明書または学生証の写し", "国民健康保険の資格確認書・被保険者証"],
    rule: allOf(on("moveOut"), answered("studentLeaving", "yes")),
  }),
  procedure({
    key: "nhi-high-cost-medical",
    name: "国民健康保険 高額療養費 支給申請",
    programme: "nationalHealthInsurance",
    scope: "person",
    counterId: "hokennenkin",
    guidance:
      "同じ月の医療費の自己負担額が所得区分に応じた限度額を超えたとき、超えた分を支給する。該当する世帯には診療月のおおむね3か月後に通知する。申請期限は診療月の翌月1日から2年。世帯内で合算できる場合や、過去12か月に3回以上該当した場合（多数回該当）の限度額の引下げを確認する。",
    legalBasis: "国民健康保険法第57条の2、同法施行令第29条の2〜第29条の4",
    bring: ["医療機関の領収書", "世帯主名義の振込先口座", "本人確認書類"],
    rule: null,
  }),
  procedure({
    key: "nhi-limit-certificate",
    name: "国民健康保険 限度額適用認定証 交付申請",
    programme: "nationalHealthInsurance",
    scope: "person",
    counterId: "hokennenkin",
    guidance:
      "入院などで窓口負担が高額になる見込みの方に、自己負担を限度額までにする認定証を交付する。マイナ保険証で受診すれば医療機関が限度額を確認できるため認定証は不要と説明する。住民税非課税世帯の方は入院時の食事代が減額される（標準負担額減額認定）。保険税の滞納があると交付できない場合がある。",
    legalBasis: "国民健康保険法第57条の2、同法施行規則第27条の14の2",
    bring: [
      "国民健康保険の資格確認書・被保険者証",
      "本人確認書類",
      "入院日数がわかる領収書（長期入院該当の申請をする場合）",
    ],
    rule: null,
  }),
  procedure({
    key: "nhi-tax-reduction",
    name: "国民健康保険税の減免・非自発的失業者の軽減申請",
    programme: "nationalHealthInsurance",
    scope: "household",
    counterId: "hokennenkin",
    guidance:
      "倒産・解雇・雇止めなどで離職した65歳未満の方は、前年の給与所得を100分の30として保険税を計算する軽減がある（離職の翌日の属する月から翌年度末まで）。災害・失業・事業の休廃止などで著しく所得が減った世帯は条例に基づく減免を申請できる。納期限前までの申請が原則。",
    legalBasis: "地方税法第703条の4・第703条の5・第717条、市国民健康保険税条例",
    bring: ["雇用保険受給資格者証（非自発的失業者の軽減）", "所得の減少がわかる書類（減免）", "本人確認書類"],
    rule: null,
    questions: ["jobLossInvoluntary"],
  }),
];
