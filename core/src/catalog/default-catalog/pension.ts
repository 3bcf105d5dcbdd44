import type { ProcedureDefinition } from "../procedures.ts";
import type { MemberPredicate } from "../rules.ts";
import {
  allOf,
  answered,
  anyOf,
  movedInFrom,
  not,
  on,
  procedure,
  self,
  selfMoving,
  someRemaining,
} from "./build.ts";

/**
 * The pension feed delivers 被保険者 only; a city that also delivers 受給権者 (role recipient) gets
 * these from data, every other city through the navigation question.
 */
const receivedPension = anyOf(
  self({ enrolledIn: { programme: "nationalPension", roles: ["recipient"] } }),
  answered("pensionRecipient", "yes"),
);
const firstCategory: NonNullable<MemberPredicate["enrolledIn"]> = {
  programme: "nationalPension",
  attribute: { key: "category", values: ["第1号"] },
};

/** 保険年金課 (国民年金): the city takes the 第1号 被保険者' 届出 and the 基礎年金 claims. */
export const pensionProcedures: ProcedureDefinition[] = [
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
    questions: ["pensionKind"],
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
    questions: ["pensionKind"],
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
    forms: ["pension-insured-notice"],
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
    key: "pension-first-category-job-loss",
    name: "国民年金 第1号被保険者 資格取得・種別変更届（退職など）",
    programme: "nationalPension",
    scope: "person",
    counterId: "hokennenkin",
    forms: ["pension-insured-notice"],
    guidance:
      "20歳以上60歳未満の方が退職して厚生年金・共済組合の加入者（第2号）でなくなったとき、または配偶者の退職や収入の増加で扶養から外れた（第3号でなくなった）ときは、14日以内に第1号被保険者への種別変更を届け出る。扶養していた配偶者がいる場合はその方の届出も要る。保険料の納付が難しい方には免除・納付猶予の申請を案内する。",
    legalBasis: "国民年金法第7条第1項第1号・第12条第1項",
    bring: [
      "基礎年金番号がわかるもの（基礎年金番号通知書・年金手帳）またはマイナンバーカード",
      "退職日（資格喪失日）がわかる書類",
      "本人確認書類",
    ],
    rule: null,
    questions: ["previousInsuranceLossDate", "spouseDependent"],
  }),
  procedure({
    key: "pension-premium-exemption",
    name: "国民年金保険料 免除・納付猶予申請",
    programme: "nationalPension",
    scope: "person",
    counterId: "hokennenkin",
    guidance:
      "所得が少ないなど保険料の納付が難しい第1号被保険者は、全額・4分の3・半額・4分の1の免除、50歳未満の方は納付猶予を申請できる。本人・配偶者・世帯主の前年所得で審査する（失業した方は特例あり）。申請は7月から翌年6月までを1期間とし、過去2年1か月前の分まで遡れる。免除期間は年金額に一部反映され、10年以内なら追納できる。",
    legalBasis:
      "国民年金法第90条・第90条の2、政府管掌年金事業等の運営の改善のための国民年金法等の一部を改正する法律附則第14条",
    bring: [
      "基礎年金番号がわかるものまたはマイナンバーカード",
      "雇用保険受給資格者証・離職票の写し（失業による特例の場合）",
      "本人確認書類",
    ],
    rule: null,
  }),
  procedure({
    key: "pension-student-deferral",
    name: "国民年金 学生納付特例申請",
    programme: "nationalPension",
    scope: "person",
    counterId: "hokennenkin",
    guidance:
      "大学・短大・専門学校などの学生で本人の前年所得が一定以下の方は、在学中の保険料の納付が猶予される。毎年度（4月から翌年3月）の申請が要る（前年度に承認された方には継続の申請書が届く）。猶予期間は受給資格期間に算入されるが年金額には反映されないため、10年以内の追納を案内する。",
    legalBasis: "国民年金法第90条の3",
    bring: [
      "学生証の写しまたは在学証明書",
      "基礎年金番号がわかるものまたはマイナンバーカード",
      "本人確認書類",
    ],
    rule: null,
  }),
  procedure({
    key: "pension-maternity-exemption",
    name: "国民年金 産前産後期間の保険料免除届",
    programme: "nationalPension",
    scope: "household",
    counterId: "hokennenkin",
    guidance:
      "第1号被保険者の方の出産予定月（出産月）の前月から4か月間（多胎妊娠は3か月前から6か月間）の保険料が免除され、納付したものとして年金額に反映される。出産予定日の6か月前から届け出られ、出産後でもよい（期限はないが、納付済の分は還付または充当）。所得の審査はない。",
    legalBasis: "国民年金法第88条の2",
    bring: [
      "母子健康手帳（出産予定日・出産日がわかるもの）",
      "基礎年金番号がわかるものまたはマイナンバーカード",
      "本人確認書類",
    ],
    // The mother is not marked in the facts: a female 第1号 member of the household is asked.
    rule: allOf(on("birth"), someRemaining({ sex: "female", enrolledIn: firstCategory })),
  }),
  procedure({
    key: "pension-voluntary-enrolment",
    name: "国民年金 任意加入申出（国外への転出など）",
    programme: "nationalPension",
    scope: "person",
    counterId: "hokennenkin",
    guidance:
      "国外に住む20歳以上65歳未満の日本人は、希望すれば国民年金に任意加入できる（将来の年金額を増やし、障害・遺族の保障を受けられる）。国内に住む60歳以上65歳未満の方で受給資格期間や満額に足りない方も任意加入できる。保険料は原則として口座振替。国外転出後は国内の協力者または日本年金機構を通じて手続きする。",
    legalBasis: "国民年金法附則第5条",
    bring: [
      "基礎年金番号がわかるものまたはマイナンバーカード",
      "保険料を引き落とす口座がわかるもの",
      "本人確認書類",
    ],
    rule: allOf(
      on("moveOut"),
      answered("movingAbroad", "yes"),
      selfMoving({ ageAtLeast: 20, ageUnder: 65, foreign: false }),
    ),
  }),
  procedure({
    key: "pension-old-age-claim",
    name: "老齢基礎年金 請求",
    programme: "nationalPension",
    scope: "person",
    counterId: "hokennenkin",
    guidance:
      "受給資格期間（保険料納付済・免除・合算対象期間の合計）が10年以上ある方は、65歳から老齢基礎年金を受けられる。国民年金第1号被保険者の期間だけの方は市で、厚生年金・共済組合の期間がある方は年金事務所で請求する。誕生月の3か月前に年金請求書が届く。60歳からの繰上げ受給・75歳までの繰下げ受給による増減額を説明する。",
    legalBasis: "国民年金法第16条・第26条・第28条、附則第9条の2",
    bring: [
      "年金請求書",
      "基礎年金番号がわかるもの",
      "受取口座がわかるもの",
      "戸籍謄本など（加給・振替加算がある場合）",
      "本人確認書類",
    ],
    rule: null,
  }),
  procedure({
    key: "pension-disability-claim",
    name: "障害基礎年金 請求",
    programme: "nationalPension",
    scope: "person",
    counterId: "hokennenkin",
    guidance:
      "初診日に国民年金第1号被保険者（または20歳前・60歳以上65歳未満の国内居住）だった方が、障害認定日（初診日から1年6か月後など）に1級・2級の障害の状態にあるときに請求する。初診日の前日に保険料納付要件を満たしているか確認する。20歳前の初診の方は所得による支給制限がある。初診日の証明（受診状況等証明書）と診断書が要る。",
    legalBasis: "国民年金法第16条・第30条・第30条の4",
    bring: [
      "年金請求書",
      "医師の診断書",
      "受診状況等証明書",
      "病歴・就労状況等申立書",
      "受取口座がわかるもの",
      "本人確認書類",
    ],
    rule: null,
  }),
];
