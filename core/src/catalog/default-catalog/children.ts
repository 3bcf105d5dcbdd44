import type { ProcedureDefinition } from "../procedures.ts";
import {
  allOf,
  answered,
  anyOf,
  enrolment,
  not,
  on,
  procedure,
  schoolAge,
  selfMoving,
  someInHousehold,
  someMoving,
  upToHighSchool,
} from "./build.ts";

const allowanceRecipient = enrolment("childAllowance", "recipient");
/** A child the household will now raise: born, or moving in while of 児童手当 age. */
const childArrives = anyOf(on("birth"), allOf(on("moveIn"), someMoving(upToHighSchool)));

/** 子ども政策課, 保育幼稚園課, 健康増進課 (母子保健) and the school procedures. */
export const childrenProcedures: ProcedureDefinition[] = [
  procedure({
    key: "child-allowance-claim",
    name: "児童手当 認定請求",
    programme: "childAllowance",
    scope: "household",
    counterId: "kodomo",
    guidance:
      "高校生年代まで（18歳到達後最初の3月31日まで）の子を養育する方が、出生日・転入日（前住所地の転出予定日）の翌日から15日以内に請求すれば翌月分から支給される。遅れると遅れた月の分は支給されない。請求者は原則として父母のうち生計を維持する程度の高い方（所得の高い方）。公務員の方は勤務先で請求する。所得制限はない。",
    legalBasis: "児童手当法第7条・第8条",
    bring: [
      "請求者の本人確認書類",
      "請求者名義の振込先口座がわかるもの",
      "請求者の健康保険の資格がわかるもの（資格確認書など）",
      "子と別居している場合は監護・生計関係の申立書",
    ],
    rule: allOf(childArrives, not(someInHousehold({ enrolledIn: allowanceRecipient }))),
  }),
  procedure({
    key: "child-allowance-revision",
    name: "児童手当 額改定請求",
    programme: "childAllowance",
    scope: "household",
    counterId: "kodomo",
    guidance:
      "既に児童手当を受けている方が養育する子が生まれた・増えたときは15日以内に額改定請求。翌月分から増額する。第3子以降の数え方に大学生年代（22歳到達後最初の3月31日まで）の上の子を含めるときは、監護相当・生計費の負担についての確認書が要る。",
    legalBasis: "児童手当法第9条",
    bring: ["受給者の本人確認書類", "監護相当・生計費の負担についての確認書（大学生年代の子を数える場合）"],
    rule: allOf(childArrives, someInHousehold({ enrolledIn: allowanceRecipient })),
  }),
  procedure({
    key: "child-allowance-end",
    name: "児童手当 受給事由消滅届",
    programme: "childAllowance",
    scope: "person",
    counterId: "kodomo",
    guidance:
      "受給者が市外へ転出するときは消滅届を出し、転出先で転出予定日の翌日から15日以内に改めて認定請求するよう案内する（遅れると支給されない月が出る）。受給者が亡くなったときは、子を養育する方（配偶者など）が新たに認定請求する。",
    legalBasis: "児童手当法第26条",
    bring: ["受給者（または届出人）の本人確認書類"],
    rule: allOf(on("moveOut", "death"), selfMoving({ enrolledIn: allowanceRecipient })),
  }),
  procedure({
    key: "child-allowance-address-change",
    name: "児童手当 住所変更届",
    programme: "childAllowance",
    scope: "person",
    counterId: "kodomo",
    guidance: "受給者が市内で転居したとき。転居で子と別居になる場合は別居監護の申立書も出してもらう。",
    legalBasis: "児童手当法第26条",
    bring: ["受給者の本人確認書類"],
    rule: allOf(on("moveWithin"), selfMoving({ enrolledIn: allowanceRecipient })),
  }),
  procedure({
    key: "child-medical-registration",
    name: "子ども医療費 受給資格登録",
    programme: "childMedical",
    scope: "person",
    counterId: "kodomo",
    guidance:
      "助成の対象年齢の子が転入・出生したとき、受給資格証を交付する（この既定の一覧では高校生年代まで。市の条例の対象年齢に合わせて変更する）。子の健康保険を資格確認書などで確認する（加入手続き前なら後日届出）。出生日・転入日から定められた期間内に申請すれば、その日に遡って助成する。",
    legalBasis: "市子ども医療費助成条例",
    bring: ["子の健康保険の資格がわかるもの（資格確認書・資格情報のお知らせなど）", "保護者の本人確認書類"],
    rule: allOf(on("moveIn", "birth"), selfMoving(upToHighSchool)),
  }),
  procedure({
    key: "child-medical-loss",
    name: "子ども医療費 受給資格喪失届",
    programme: "childMedical",
    scope: "person",
    counterId: "kodomo",
    guidance:
      "対象の子が転出・死亡したとき。受給資格証を返却してもらい、転出日の翌日以降は使えないこと（使った分は返還）を伝える。転出の方には転出先の制度への申請を案内する。",
    legalBasis: "市子ども医療費助成条例",
    bring: ["子ども医療費受給資格証（返却）"],
    rule: allOf(on("moveOut", "death"), selfMoving({ enrolledIn: { programme: "childMedical" } })),
  }),
  procedure({
    key: "single-parent-medical-return",
    name: "ひとり親家庭等医療費 受給資格喪失届",
    programme: "singleParentMedical",
    scope: "person",
    counterId: "kodomo",
    guidance:
      "受給者または対象の子が転出・死亡したとき、受給資格証を返却してもらう。受給者が亡くなり子が残るときは、子を養育する方による申請ができるか確認する。",
    legalBasis: "市ひとり親家庭等医療費助成条例",
    bring: ["ひとり親家庭等医療費受給資格証（返却）"],
    rule: allOf(on("moveOut", "death"), selfMoving({ enrolledIn: { programme: "singleParentMedical" } })),
  }),
  procedure({
    key: "child-rearing-allowance-change",
    name: "児童扶養手当 資格喪失届・住所変更届",
    programme: "childRearingAllowance",
    scope: "person",
    counterId: "kodomo",
    guidance:
      "受給者・対象の子が転出・死亡したときは資格喪失届、市内で転居したときは住所変更届。転出の方は転出先で改めて認定請求する。受給者が婚姻（事実婚を含む）したときも資格を失うことを確認する。",
    legalBasis: "児童扶養手当法第28条",
    bring: ["児童扶養手当証書", "受給者の本人確認書類"],
    rule: allOf(
      on("moveOut", "moveWithin", "death"),
      selfMoving({ enrolledIn: { programme: "childRearingAllowance" } }),
    ),
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
    key: "low-birth-weight-notice",
    name: "低体重児の届出",
    programme: "childSupport",
    scope: "household",
    counterId: "kenko",
    guidance:
      "体重2,500g未満で生まれた子の保護者は、速やかに届け出る。保健師の訪問指導や未熟児養育医療の案内につなげる。母子健康手帳の出生通知書での提出でもよい。",
    legalBasis: "母子保健法第18条",
    bring: ["母子健康手帳"],
    rule: allOf(on("birth"), answered("birthWeightUnder2500", "yes")),
  }),
  procedure({
    key: "prenatal-checkup-exchange",
    name: "妊婦健康診査受診票の交換（転入）",
    programme: "childSupport",
    scope: "household",
    counterId: "kenko",
    guidance:
      "妊娠中の方が転入したとき、前の市区町村の妊婦健康診査受診票は使えないため未使用分を当市の受診票と交換する。母子健康手帳は引き続き使える。保健師による面談を案内する。",
    legalBasis: "母子保健法第13条",
    bring: ["母子健康手帳", "前の市区町村の妊婦健康診査受診票（未使用分）"],
    rule: allOf(on("moveIn"), answered("pregnant", "yes")),
  }),
];
