import type { ProcedureDefinition } from "../procedures.ts";
import {
  allOf,
  answered,
  anyOf,
  childArrives,
  enrolment,
  not,
  on,
  procedure,
  selfMoving,
  someInHousehold,
  someMoving,
  someRemaining,
  upToHighSchool,
} from "./build.ts";

const allowanceRecipient = enrolment("childAllowance", "recipient");
const specialAllowance = { programme: "specialChildRearingAllowance" } as const;
const childMedical = { programme: "childMedical" } as const;
const singleParentMedical = { programme: "singleParentMedical" } as const;
/** A single-parent household raising a child: just divorced, or says so when moving in. */
const singleParentWithChild = allOf(
  anyOf(answered("familyRegisterNotice", "divorce"), answered("singleParent", "yes")),
  someInHousehold(upToHighSchool),
);
const specialAct = "特別児童扶養手当等の支給に関する法律";
const singleParentOrdinance = "市ひとり親家庭等医療費助成条例";
const childMedicalOrdinance = "市子ども医療費助成条例";

/** 子ども政策課: 児童手当, 児童扶養手当, 特別児童扶養手当, 子ども医療費, ひとり親家庭等医療費. */
export const childAllowanceProcedures: ProcedureDefinition[] = [
  procedure({
    key: "child-allowance-claim",
    name: "児童手当 認定請求",
    programme: "childAllowance",
    scope: "household",
    counterId: "kodomo",
    forms: ["child-allowance-claim-form"],
    guidance:
      "高校生年代まで（18歳到達後最初の3月31日まで）の子を養育する方が、出生日・転入日（前住所地の転出予定日）の翌日から15日以内に請求すれば翌月分から支給される。遅れると遅れた月の分は支給されない。請求者は原則として父母のうち生計を維持する程度の高い方（所得の高い方）。公務員の方は勤務先で請求する。所得制限はない。",
    legalBasis: "児童手当法第7条・第8条",
    bring: [
      "請求者の本人確認書類",
      "請求者名義の振込先口座がわかるもの",
      "請求者の健康保険の資格がわかるもの（資格確認書など）",
      "子と別居している場合は監護・生計関係の申立書",
    ],
    // A public servant claims at the workplace (児童手当法第17条), not at the city.
    rule: allOf(
      childArrives,
      not(someInHousehold({ enrolledIn: allowanceRecipient })),
      not(answered("publicServant", "yes")),
    ),
    questions: ["publicServant"],
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
    key: "child-allowance-decrease",
    name: "児童手当 額改定届（減額）",
    programme: "childAllowance",
    scope: "household",
    counterId: "kodomo",
    guidance:
      "受給者が養育する子が転出・死亡などで減ったときに届け出てもらう。事由が生じた月の翌月分から減額する。届出が遅れると受け取り過ぎた手当の返還が要る。養育する子がいなくなるときは受給事由消滅届になる。",
    legalBasis: "児童手当法第9条・第26条",
    bring: ["受給者の本人確認書類"],
    rule: allOf(
      on("moveOut", "death"),
      someMoving({ enrolledIn: enrolment("childAllowance", "subjectChild") }),
      someRemaining({ enrolledIn: allowanceRecipient }),
    ),
  }),
  procedure({
    key: "child-allowance-end",
    name: "児童手当 受給事由消滅届",
    programme: "childAllowance",
    scope: "person",
    counterId: "kodomo",
    forms: ["child-allowance-end-notice"],
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
    key: "child-rearing-allowance-claim",
    name: "児童扶養手当 認定請求",
    programme: "childRearingAllowance",
    scope: "household",
    counterId: "kodomo",
    forms: ["child-rearing-allowance-claim-form"],
    guidance:
      "父母の離婚・死亡などで、父または母の一方（または養育者）が18歳の年度末まで（一定の障がいのある子は20歳未満）の子を養育しているとき。請求の翌月分から支給される（遡らない）。受給者・扶養義務者の所得制限、公的年金との併給調整を確認する。事実婚（同居・定期的な訪問・生計の援助など）があると対象外。面談で生活状況を確認するため、本人の来庁が要る。転入の方は前住所地の資格が転出で終わるため、早めに請求してもらう。",
    legalBasis: "児童扶養手当法第4条・第6条・第7条",
    bring: [
      "請求者と子の戸籍謄本（離婚日などの記載があるもの）",
      "請求者名義の振込先口座がわかるもの",
      "年金手帳・年金証書など（公的年金を受けている場合）",
      "マイナンバーがわかるもの",
      "本人確認書類",
    ],
    rule: singleParentWithChild,
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
    key: "child-rearing-allowance-status",
    name: "児童扶養手当 現況届",
    programme: "childRearingAllowance",
    scope: "person",
    counterId: "kodomo",
    guidance:
      "受給者全員（所得により全部停止の方を含む）が毎年8月1日から31日までに、前年の所得と8月1日時点の養育の状況を届け出る。出さないと11月分以降が支給されず、2年間出さないと受給資格がなくなる。面談で生活状況・養育費・事実婚の有無を確認する。",
    legalBasis: "児童扶養手当法第28条、同法施行規則第4条",
    bring: ["現況届（送付されたもの）", "児童扶養手当証書", "養育費の状況がわかるもの", "本人確認書類"],
    rule: null,
  }),
  procedure({
    key: "child-rearing-allowance-partial-stop",
    name: "児童扶養手当 一部支給停止適用除外事由届出",
    programme: "childRearingAllowance",
    scope: "person",
    counterId: "kodomo",
    guidance:
      "支給開始から5年（または手当の要件に当たってから7年）を経過する受給者は、就業・求職活動・障がい・疾病などの事情を届け出ないと手当が2分の1に減額される。対象者に通知するので、期限までに証明書類を添えて届け出てもらう。",
    legalBasis: "児童扶養手当法第13条の3",
    bring: ["一部支給停止適用除外事由届出書", "就業・求職活動・疾病などがわかる書類", "本人確認書類"],
    rule: null,
  }),
  procedure({
    key: "special-child-allowance-claim",
    name: "特別児童扶養手当 認定請求",
    programme: "specialChildRearingAllowance",
    scope: "person",
    counterId: "kodomo",
    guidance:
      "精神または身体に中程度以上の障がいのある20歳未満の子を家庭で養育する父母などに支給する（1級・2級）。所定の様式の診断書（障害者手帳の等級で省略できる場合がある）を添えて請求し、県が認定する。請求の翌月分から支給。受給者・配偶者・扶養義務者の所得制限がある。子が施設に入所している場合は対象外。",
    legalBasis: `${specialAct}第3条・第5条`,
    bring: [
      "所定の様式の医師の診断書（または障害者手帳）",
      "請求者と子の戸籍謄本",
      "請求者名義の振込先口座",
      "マイナンバーがわかるもの",
      "本人確認書類",
    ],
    rule: null,
  }),
  procedure({
    key: "special-child-allowance-status",
    name: "特別児童扶養手当 所得状況届",
    programme: "specialChildRearingAllowance",
    scope: "person",
    counterId: "kodomo",
    guidance:
      "受給者は毎年8月12日から9月11日までに所得の状況を届け出る（所得制限で支給停止中の方も）。出さないと8月分以降の手当が支給されない。あわせて障害の再認定の時期を確認する。",
    legalBasis: `${specialAct}第35条、同法施行規則`,
    bring: ["所得状況届（送付されたもの）", "特別児童扶養手当証書", "本人確認書類"],
    rule: null,
  }),
  procedure({
    key: "special-child-allowance-change",
    name: "特別児童扶養手当 住所変更届・資格喪失届",
    programme: "specialChildRearingAllowance",
    scope: "person",
    counterId: "kodomo",
    guidance:
      "受給者が転居・転出したときは住所変更届（県外への転出は転出先へ引継ぎ）、受給者や対象の子が亡くなったとき、子が施設に入所したときは資格喪失届。届出が遅れて受け取り過ぎた手当は返還を求められる。",
    legalBasis: `${specialAct}第35条`,
    bring: ["特別児童扶養手当証書", "受給者（届出人）の本人確認書類"],
    rule: allOf(on("moveOut", "moveWithin", "death"), selfMoving({ enrolledIn: specialAllowance })),
  }),
  procedure({
    key: "child-medical-registration",
    name: "子ども医療費 受給資格登録",
    programme: "childMedical",
    scope: "person",
    counterId: "kodomo",
    forms: ["child-medical-registration-form"],
    guidance:
      "助成の対象年齢の子が転入・出生したとき、受給資格証を交付する（この既定の一覧では高校生年代まで。市の条例の対象年齢に合わせて変更する）。子の健康保険を資格確認書などで確認する（加入手続き前なら後日届出）。出生日・転入日から定められた期間内に申請すれば、その日に遡って助成する。",
    legalBasis: "市子ども医療費助成条例",
    bring: ["子の健康保険の資格がわかるもの（資格確認書・資格情報のお知らせなど）", "保護者の本人確認書類"],
    rule: allOf(on("moveIn", "birth"), selfMoving(upToHighSchool)),
  }),
  procedure({
    key: "child-medical-change",
    name: "子ども医療費 変更届（住所・健康保険）",
    programme: "childMedical",
    scope: "person",
    counterId: "kodomo",
    guidance:
      "対象の子が市内で転居したとき、加入する健康保険・保護者・氏名が変わったときに届け出てもらい、受給資格証を差し替える。",
    legalBasis: childMedicalOrdinance,
    bring: ["子ども医療費受給資格証", "子の健康保険の資格がわかるもの（変わった場合）"],
    rule: allOf(on("moveWithin"), selfMoving({ enrolledIn: childMedical })),
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
    key: "child-medical-refund",
    name: "子ども医療費 払い戻し申請",
    programme: "childMedical",
    scope: "person",
    counterId: "kodomo",
    guidance:
      "県外の医療機関で受診したとき、受給資格証を出さずに受診したとき、治療用装具を作ったときなどに、支払った自己負担分を申請により払い戻す（高額療養費・付加給付の分を除く）。申請期限は受診日の翌日から市の条例が定める期間内。",
    legalBasis: childMedicalOrdinance,
    bring: ["医療機関の領収書（受診者名・保険点数がわかるもの）", "受給資格証", "保護者名義の振込先口座"],
    rule: null,
  }),
  procedure({
    key: "single-parent-medical-application",
    name: "ひとり親家庭等医療費 受給資格申請",
    programme: "singleParentMedical",
    scope: "household",
    counterId: "kodomo",
    guidance:
      "ひとり親家庭の父または母と、18歳の年度末までの子（父母のいない子を養育する方を含む）の医療費の自己負担を助成する。所得制限があり、児童扶養手当の所得基準に準じることが多い。受給資格証を交付し、申請月（転入の場合は定められた期間内の申請で転入日）から助成する。児童扶養手当の請求とあわせて受け付ける。",
    legalBasis: singleParentOrdinance,
    bring: [
      "戸籍謄本（ひとり親であることがわかるもの）",
      "健康保険の資格確認書など（親子全員分）",
      "本人確認書類",
    ],
    rule: singleParentWithChild,
  }),
  procedure({
    key: "single-parent-medical-change",
    name: "ひとり親家庭等医療費 変更届（住所・健康保険）",
    programme: "singleParentMedical",
    scope: "person",
    counterId: "kodomo",
    guidance:
      "受給者が市内で転居したとき、健康保険・氏名が変わったときに届け出てもらい、受給資格証を差し替える。婚姻（事実婚を含む）したときは資格がなくなるため喪失届を出してもらう。",
    legalBasis: singleParentOrdinance,
    bring: ["ひとり親家庭等医療費受給資格証", "健康保険の資格確認書など（変わった場合）"],
    rule: allOf(on("moveWithin"), selfMoving({ enrolledIn: singleParentMedical })),
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
];
