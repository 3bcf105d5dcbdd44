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
const lateElderly = { programme: "lateElderlyMedical" } as const;

/**
 * 保険年金課: 国民健康保険 and 後期高齢者医療. Gaining or losing a 資格 is one entry per person (each
 * person's 資格 changes); a 国保 household's own record (住所, 世帯主) is one entry per household.
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
  }),
  procedure({
    key: "late-elderly-enrolment",
    name: "後期高齢者医療 資格取得（転入）",
    programme: "lateElderlyMedical",
    scope: "person",
    counterId: "hokennenkin",
    guidance:
      "75歳以上の方は転入日から後期高齢者医療の被保険者となる（運営は県の後期高齢者医療広域連合）。他の都道府県から転入した方は、前住所地で交付された負担区分等証明書を提出してもらう（一部負担金の割合の判定に使う）。65〜74歳で一定の障がいの認定を受けている方も対象になり得る。",
    legalBasis: "高齢者の医療の確保に関する法律第50条・第52条・第54条",
    bring: ["負担区分等証明書（他の都道府県から転入した方）", "本人確認書類"],
    rule: allOf(on("moveIn"), selfMoving({ ageAtLeast: 75 })),
  }),
  procedure({
    key: "late-elderly-loss",
    name: "後期高齢者医療 資格喪失届",
    programme: "lateElderlyMedical",
    scope: "person",
    counterId: "hokennenkin",
    guidance:
      "他の都道府県への転出・死亡で資格を失う（県内の市町村への転出は住所変更のみで資格は続く）。資格確認書・被保険者証を返却してもらう。県外への転出では負担区分等証明書を交付し、転出先に提出するよう案内する。死亡の場合は葬祭費の申請を案内する。",
    legalBasis: "高齢者の医療の確保に関する法律第53条・第54条",
    bring: ["後期高齢者医療の資格確認書・被保険者証（返却）", "届出人の本人確認書類"],
    rule: allOf(on("moveOut", "death"), selfMoving({ enrolledIn: lateElderly })),
  }),
  procedure({
    key: "late-elderly-address-change",
    name: "後期高齢者医療 住所変更",
    programme: "lateElderlyMedical",
    scope: "person",
    counterId: "hokennenkin",
    guidance:
      "後期高齢者医療の被保険者が市内で転居したとき。住所の記載がある資格確認書・被保険者証を差し替え、送付先を変更する。",
    legalBasis: "高齢者の医療の確保に関する法律第54条",
    bring: ["後期高齢者医療の資格確認書・被保険者証"],
    rule: allOf(on("moveWithin"), selfMoving({ enrolledIn: lateElderly })),
  }),
  procedure({
    key: "late-elderly-funeral-expenses",
    name: "葬祭費 支給申請（後期高齢者医療）",
    programme: "lateElderlyMedical",
    scope: "person",
    counterId: "hokennenkin",
    guidance:
      "後期高齢者医療の被保険者が亡くなったとき、葬祭を行った方（喪主）に葬祭費を支給する（額は広域連合の条例による）。申請期限は葬祭を行った日の翌日から2年。資格喪失届とあわせて受け付ける。",
    legalBasis: "高齢者の医療の確保に関する法律第86条第1項、県後期高齢者医療広域連合条例",
    bring: [
      "会葬礼状または葬儀費用の領収書（喪主の氏名がわかるもの）",
      "喪主名義の振込先口座",
      "喪主の本人確認書類",
    ],
    rule: allOf(on("death"), selfMoving({ enrolledIn: lateElderly })),
  }),
];
