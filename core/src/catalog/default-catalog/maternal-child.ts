import type { ProcedureDefinition } from "../procedures.ts";
import { allOf, answered, on, procedure, someMoving } from "./build.ts";

const handbook = "母子健康手帳";

/**
 * 健康増進課 (母子保健) and 子ども政策課 (子育て支援): the area 子ども支援, and 母子医療 as the
 * medical benefits of 母子保健 (養育医療, 小児慢性特定疾病), kept under 医療費助成.
 */
export const maternalChildProcedures: ProcedureDefinition[] = [
  procedure({
    key: "pregnancy-notification",
    name: "妊娠の届出・母子健康手帳の交付",
    programme: "childSupport",
    scope: "person",
    counterId: "kenko",
    guidance:
      "妊娠した方が届け出ると、母子健康手帳と妊婦健康診査受診票を交付する。保健師・助産師が面談し（妊婦等包括相談支援）、妊娠・出産・子育ての相談先を案内する。妊婦のための支援給付（1回目）の申請もあわせて受け付ける。医療機関の妊娠の診断を確認する。",
    legalBasis: "母子保健法第15条・第16条",
    bring: [
      "妊娠の診断がわかるもの（医療機関の受診日・出産予定日）",
      "マイナンバーがわかるもの",
      "本人確認書類",
    ],
    rule: null,
    questions: ["expectedDeliveryDate"],
  }),
  procedure({
    key: "pregnancy-support-benefit",
    name: "妊婦のための支援給付 申請（妊婦給付認定・胎児の数の届出）",
    programme: "childSupport",
    scope: "person",
    counterId: "kenko",
    guidance:
      "妊婦給付認定を受けた方に1回目として5万円、妊娠後期以降の胎児の数の届出により胎児1人につき5万円を支給する。流産・死産の場合も対象。他の市区町村で既に受けた回の給付は重ねて受けられないため、転入した妊婦は前住所地での受給状況を確認する。面談とあわせて受け付ける。",
    legalBasis: "子ども・子育て支援法第10条の2・第10条の9・第10条の13",
    bring: [handbook, "申請者名義の振込先口座がわかるもの", "本人確認書類"],
    rule: null,
    questions: ["expectedDeliveryDate"],
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
    questions: ["expectedDeliveryDate"],
  }),
  procedure({
    key: "birth-visit-notice",
    name: "出生通知書の提出（新生児訪問・乳児家庭全戸訪問）",
    programme: "childSupport",
    scope: "household",
    counterId: "kenko",
    guidance:
      "母子健康手帳の出生通知書（はがき）を提出してもらい、保健師・助産師が生後4か月までに家庭を訪問する日程を調整する。乳児健康診査・予防接種の予診票、妊婦のための支援給付（2回目）の手続きを案内する。里帰り出産の場合は滞在先での訪問も調整できる。",
    legalBasis: "母子保健法第11条・第17条、児童福祉法第6条の3第4項",
    bring: [handbook],
    rule: on("birth"),
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
    questions: ["birthWeightGrams"],
  }),
  procedure({
    key: "infant-checkup-move-in",
    name: "乳幼児健康診査・予防接種の案内（転入）",
    programme: "childSupport",
    scope: "household",
    counterId: "kenko",
    guidance:
      "小学校入学前の子が転入したときは、母子健康手帳で予防接種の記録と受けた健康診査を確認し、当市の予診票を交付する（前の市区町村の予診票は使えない）。1歳6か月児・3歳児健康診査などの時期と会場を案内する。",
    legalBasis: "母子保健法第12条・第13条、予防接種法第5条",
    bring: [handbook, "前の市区町村の予診票（未使用分）"],
    rule: allOf(on("moveIn"), someMoving({ ageUnder: 6, ageBasis: "schoolYear" })),
  }),
  procedure({
    key: "family-support-consultation",
    name: "子育て相談（こども家庭センター）",
    programme: "childSupport",
    scope: "household",
    counterId: "kodomo",
    guidance:
      "妊娠期から子育て期の悩み、子どもの発達、養育の不安、家庭の困りごとについて相談を受ける。必要に応じて保健師・家庭児童相談員につなぎ、支援計画（サポートプラン）を作る。虐待のおそれがある場合は児童相談所と連携する。相談は個室で行う。",
    legalBasis: "児童福祉法第10条・第10条の2",
    bring: [],
    rule: null,
  }),
  procedure({
    key: "after-school-club",
    name: "放課後児童クラブ 利用申込",
    programme: "childSupport",
    scope: "person",
    counterId: "kodomo",
    guidance:
      "保護者が就労などで昼間家庭にいない小学生を、放課後や長期休業中に預かる。保護者の就労証明書などで必要性を確認する。定員を超える場合は市の基準で調整する。年度ごとの申込みと月途中の申込みの締切日を案内する。",
    legalBasis: "児童福祉法第6条の3第2項・第34条の8、市放課後児童健全育成事業条例",
    bring: ["利用申込書", "保護者の就労証明書など"],
    rule: null,
  }),
  procedure({
    key: "premature-infant-medical",
    name: "未熟児養育医療 給付申請",
    programme: "medicalSubsidy",
    scope: "household",
    counterId: "kenko",
    guidance:
      "出生時の体重が2,000g以下、または生活力が特に弱い状態で、医師が入院して養育する必要があると認めた乳児の入院医療費を給付する（指定養育医療機関での入院に限る）。所得に応じた自己負担があり、子ども医療費で助成される場合がある。入院中にできるだけ早く申請してもらう。",
    legalBasis: "母子保健法第6条・第20条",
    bring: [
      "養育医療意見書（医師が作成）",
      "子の健康保険の資格がわかるもの",
      "世帯の所得がわかる書類（市で確認できない場合）",
      "本人確認書類",
    ],
    rule: allOf(on("birth"), answered("infantHospitalized", "yes")),
  }),
  procedure({
    key: "pediatric-chronic-disease",
    name: "小児慢性特定疾病医療費 申請の案内",
    programme: "medicalSubsidy",
    scope: "person",
    counterId: "kenko",
    guidance:
      "小児慢性特定疾病にかかっている18歳未満（継続する場合は20歳未満）の子の医療費の自己負担を軽減する。申請先は県の保健所のため、必要な書類と窓口を案内する。受給者証の交付後、子ども医療費との併用を確認する。",
    legalBasis: "児童福祉法第6条の2・第19条の2・第19条の3",
    bring: ["指定医の医療意見書", "子の健康保険の資格がわかるもの", "世帯の所得がわかる書類"],
    rule: null,
  }),
];
