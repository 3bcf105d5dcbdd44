import type { ProcedureDefinition } from "../procedures.ts";
import { allOf, answered, on, procedure, schoolAge, selfMoving } from "./build.ts";

const childcareAct = "子ども・子育て支援法";
const schoolAidScheme = "学校教育法第19条、市就学援助規則（要綱）";

/**
 * 学校校区 (the 教育委員会's 転入学 done at 市民課), 就学援助, and 保育幼稚園課 (幼稚園・保育園).
 * 就学援助 is placed at 子ども政策課; a city with an education counter moves it there.
 */
export const schoolNurseryProcedures: ProcedureDefinition[] = [
  procedure({
    key: "school-enrolment-move-in",
    name: "小中学校 転入学の手続き",
    programme: "schoolDistrict",
    scope: "person",
    counterId: "shimin",
    guidance:
      "学齢（小学1年〜中学3年）の子が転入したときは、教育委員会の転入学通知書を交付し指定校へ案内する。前の学校で受け取った在学証明書と教科用図書給与証明書を転入先の学校に出してもらう。通学区域外の学校を希望するときは指定校変更の申立てを案内する。国立・私立の学校に通う場合も在学を確認する。",
    legalBasis: "学校教育法施行令第5条・第6条・第7条",
    bring: ["在学証明書（前の学校で発行）", "教科用図書給与証明書（前の学校で発行）"],
    rule: allOf(on("moveIn"), selfMoving(schoolAge)),
  }),
  procedure({
    key: "school-transfer-move-out",
    name: "小中学校 転校の手続き（転出）",
    programme: "schoolDistrict",
    scope: "person",
    counterId: "shimin",
    guidance:
      "学齢の子が市外へ転出するときは、在学中の学校に転校を伝え、在学証明書と教科用図書給与証明書を受け取るよう案内する。転入先の市区町村の教育委員会で転入学の手続きをする。",
    legalBasis: "学校教育法施行令第6条、学校教育法施行規則第24条第3項",
    bring: [],
    rule: allOf(on("moveOut"), selfMoving(schoolAge)),
  }),
  procedure({
    key: "school-district-check",
    name: "小中学校 通学区域の確認（転居）",
    programme: "schoolDistrict",
    scope: "person",
    counterId: "shimin",
    guidance:
      "学齢の子が市内で転居したときは通学区域を確認する。指定校が変わるときは新しい指定校の転入学通知書を交付し、引き続き元の学校に通いたいときは指定校変更の申立てを案内する。指定校が変わらなければ学校への住所変更の連絡のみ。",
    legalBasis: "学校教育法施行令第5条・第8条",
    bring: [],
    rule: allOf(on("moveWithin"), selfMoving(schoolAge)),
  }),
  procedure({
    key: "school-designation-change",
    name: "指定校変更・区域外就学 申立",
    programme: "schoolDistrict",
    scope: "person",
    counterId: "shimin",
    guidance:
      "通学区域で指定された学校以外の市内の学校に通いたいとき（指定校変更）、または市外の学校に通いたいとき（区域外就学）に申し立てる。学年途中の転居で卒業まで元の学校に通う場合、身体的な理由、いじめへの対応などの市の許可基準に当たるかを確認する。区域外就学は相手の市町村の承諾が要る。通学の安全は保護者の責任となることを説明する。",
    legalBasis: "学校教育法施行令第8条・第9条",
    bring: ["申立書", "理由がわかる書類（医師の意見書・就労証明書など、必要な場合）"],
    rule: null,
  }),
  procedure({
    key: "school-aid-application",
    name: "就学援助 申請",
    programme: "schoolAid",
    scope: "household",
    counterId: "kodomo",
    forms: ["school-aid-application-form"],
    guidance:
      "経済的な理由で就学が難しい小中学生の保護者に、学用品費・給食費・修学旅行費・入学準備金などを援助する。生活保護を受けている方（要保護）と、市の所得基準に当たる方（準要保護）が対象。年度の途中でも申請でき、認定は申請月から。転入の方は前住所地での認定を引き継がないため改めて申請してもらう。",
    legalBasis: schoolAidScheme,
    bring: [
      "世帯の所得がわかる書類（市で確認できない場合）",
      "保護者名義の振込先口座がわかるもの",
      "本人確認書類",
    ],
    rule: allOf(on("moveIn"), answered("schoolAidWanted", "yes")),
  }),
  procedure({
    key: "school-aid-change",
    name: "就学援助 変更・辞退届（転出・転居）",
    programme: "schoolAid",
    scope: "person",
    counterId: "kodomo",
    guidance:
      "就学援助を受けている子が市外へ転出するときは援助が終わるため、転出先での申請を案内する（援助費は転出月までを精算する）。市内で転居して学校が変わるときは変更を届け出てもらう。",
    legalBasis: schoolAidScheme,
    bring: ["保護者の本人確認書類"],
    rule: allOf(on("moveOut", "moveWithin"), selfMoving({ enrolledIn: { programme: "schoolAid" } })),
  }),
  procedure({
    key: "special-needs-education-aid",
    name: "特別支援教育就学奨励費 申請",
    programme: "schoolAid",
    scope: "person",
    counterId: "kodomo",
    guidance:
      "特別支援学級・特別支援学校に通う子、通常の学級で学ぶ一定の障がいのある子の保護者に、学用品費・給食費・通学費などを所得の区分に応じて支給する。就学援助を受けている方は就学援助が優先する。年度ごとに申請が要る。",
    legalBasis: "特別支援学校への就学奨励に関する法律第2条、市特別支援教育就学奨励費支給要綱",
    bring: ["世帯の所得がわかる書類（市で確認できない場合）", "保護者名義の振込先口座がわかるもの"],
    rule: null,
  }),
  procedure({
    key: "nursery-application",
    name: "保育所・認定こども園 利用申込（教育・保育給付認定申請）",
    programme: "nurseryKindergarten",
    scope: "household",
    counterId: "hoiku",
    forms: ["nursery-application-form"],
    guidance:
      "保護者の就労・妊娠出産・疾病・介護・求職活動などで保育が必要な小学校入学前の子について、保育の必要性の認定（2号・3号）と利用の申込みを受け付ける。就労証明書などで保育が必要な事由と時間（保育標準時間・短時間）を確認する。入所は月の初日からで、申込みの締切日は市の利用案内による。定員を超える場合は市の基準で利用調整する。3歳児以上と住民税非課税世帯の0〜2歳児の保育料は無償。",
    legalBasis: `${childcareAct}第19条・第20条、児童福祉法第24条`,
    bring: [
      "保育を必要とする事由がわかる書類（就労証明書・診断書など、保護者ごと）",
      "マイナンバーがわかるもの",
      "本人確認書類",
    ],
    rule: allOf(on("moveIn"), answered("nurseryWanted", "yes")),
    questions: ["nurseryStartDate"],
  }),
  procedure({
    key: "kindergarten-application",
    name: "幼稚園・認定こども園（教育）入園申込（1号認定）",
    programme: "nurseryKindergarten",
    scope: "person",
    counterId: "hoiku",
    guidance:
      "満3歳から小学校入学前の子が幼稚園・認定こども園の教育部分を利用するときの教育・保育給付認定（1号）。新制度の園は園を通じて、市立幼稚園は市に申し込む。保育料は無償だが、給食費・行事費などは実費。預かり保育を使う場合は施設等利用給付認定（新2号）が別に要る。",
    legalBasis: `${childcareAct}第19条・第20条、学校教育法第22条・第26条`,
    bring: ["入園申込書", "マイナンバーがわかるもの", "本人確認書類"],
    rule: null,
    questions: ["nurseryStartDate"],
  }),
  procedure({
    key: "childcare-free-use-certification",
    name: "施設等利用給付認定申請（預かり保育・認可外保育施設の無償化）",
    programme: "nurseryKindergarten",
    scope: "person",
    counterId: "hoiku",
    guidance:
      "新制度に移行していない幼稚園、幼稚園の預かり保育、認可外保育施設、一時預かりなどの利用料の無償化を受けるための認定。預かり保育・認可外保育施設は保育の必要性の認定が要り、上限額がある。償還払いの場合は領収証と提供証明書で請求してもらう。",
    legalBasis: `${childcareAct}第30条の4・第30条の5・第30条の11`,
    bring: [
      "保育を必要とする事由がわかる書類（新2号・新3号の場合）",
      "マイナンバーがわかるもの",
      "本人確認書類",
    ],
    rule: null,
  }),
  procedure({
    key: "nursery-certification-change",
    name: "教育・保育給付認定 変更届（就労状況・世帯の変更）",
    programme: "nurseryKindergarten",
    scope: "person",
    counterId: "hoiku",
    guidance:
      "保護者の就労先・勤務時間・保育が必要な事由、世帯の構成、氏名などが変わったときに届け出てもらう。保育の必要量（標準時間・短時間）や保育料の区分が変わる場合は認定を変更する。育児休業を取るときは継続利用の要件を確認する。",
    legalBasis: `${childcareAct}第23条・第24条`,
    bring: ["変更がわかる書類（就労証明書など）", "本人確認書類"],
    rule: null,
  }),
  procedure({
    key: "nursery-change",
    name: "保育施設 退所届・住所変更届",
    programme: "nurseryKindergarten",
    scope: "person",
    counterId: "hoiku",
    guidance:
      "在園児が市外へ転出するときは退所届（転出後も同じ園に通う場合は転出先の市区町村を通じた広域利用の申込み）、市内で転居したときは住所変更届。教育・保育給付認定（1号〜3号）の変更・取消しを確認する。",
    legalBasis: "子ども・子育て支援法第23条・第24条、児童福祉法第24条",
    bring: ["教育・保育給付認定通知書（支給認定証）"],
    rule: allOf(
      on("moveOut", "moveWithin"),
      selfMoving({ enrolledIn: { programme: "nurseryKindergarten" } }),
    ),
  }),
];
