import type { ProcedureDefinition } from "../procedures.ts";
import { allOf, on, procedure, selfMoving, someMoving, someRemaining } from "./build.ts";

/** 市民課 (住民基本台帳): 住民異動届 themselves, the 在留カード, protection and 旧氏. */
export const residencyProcedures: ProcedureDefinition[] = [
  procedure({
    key: "move-in-notice",
    name: "転入届",
    programme: "residency",
    scope: "household",
    counterId: "shimin",
    guidance:
      "他の市区町村・国外から住所を移した日から14日以内に届出。転出証明書を確認する。マイナンバーカードで転出届をした方（特例転出）は転出証明書が不要で、転入届と同時にカードを提出し暗証番号を入力してもらう（転出予定日から30日以内かつ転入日から14日以内）。国外からの転入は旅券で入国日を、本籍のある方は戸籍の附票を確認する。国保・後期高齢・介護・国民年金・児童手当の該当者は転入届に付記し、各課の手続きへ案内する。",
    legalBasis: "住民基本台帳法第22条・第24条の2",
    bring: [
      "転出証明書（マイナンバーカードで転出届をした方は不要）",
      "マイナンバーカード（異動する方全員分）",
      "届出人の本人確認書類",
      "旅券・戸籍の附票の写し（国外から転入する方）",
      "在留カード・特別永住者証明書（外国人住民）",
      "委任状（代理人が届け出る場合）",
    ],
    rule: on("moveIn"),
    forms: ["resident-move-notice"],
  }),
  procedure({
    key: "move-out-notice",
    name: "転出届",
    programme: "residency",
    scope: "household",
    counterId: "shimin",
    guidance:
      "市外・国外へ住所を移すとき。転出予定日のおおむね14日前から届出でき、転出後は14日以内。転出証明書を交付する。マイナンバーカードをお持ちの方はマイナポータルからのオンライン転出届もでき、その場合は転出証明書を交付せず転入先で特例転入となる。国保・後期高齢・介護・児童手当・子ども医療などの資格の喪失や証の返却を各課へ案内する。",
    legalBasis: "住民基本台帳法第24条",
    bring: [
      "届出人の本人確認書類",
      "マイナンバーカード（お持ちの方）",
      "国民健康保険・後期高齢者医療の資格確認書・被保険者証など返却するもの",
      "委任状（代理人が届け出る場合）",
    ],
    rule: on("moveOut"),
    questions: ["cardBasedMoveOut"],
    forms: ["resident-move-notice"],
  }),
  procedure({
    key: "move-within-notice",
    name: "転居届",
    programme: "residency",
    scope: "household",
    counterId: "shimin",
    guidance:
      "市内で住所を移した日から14日以内（移る前には届け出られない）。マイナンバーカード・在留カードの住所変更を同時に行う。国保・後期高齢・介護・児童手当は住民記録の異動で住所が変わるが、証の差し替えや通学区域の確認が要る場合は各課へ案内する。",
    legalBasis: "住民基本台帳法第23条",
    bring: [
      "届出人の本人確認書類",
      "マイナンバーカード（異動する方全員分）",
      "在留カード・特別永住者証明書（外国人住民）",
      "委任状（代理人が届け出る場合）",
    ],
    rule: on("moveWithin"),
    forms: ["resident-move-notice"],
  }),
  procedure({
    key: "household-change-notice",
    name: "世帯変更届（世帯主変更・世帯分離・世帯合併・世帯構成変更）",
    programme: "residency",
    scope: "household",
    counterId: "shimin",
    guidance:
      "住所を変えずに世帯主や世帯の構成が変わった日から14日以内（住所が変わるときは転居届）。同じ住所での世帯分離は生計が別であることを確認する。国保の世帯・世帯主（擬制世帯主を含む）が変わるときは保険年金課での手続きが別に要る。",
    legalBasis: "住民基本台帳法第25条",
    bring: [
      "届出人の本人確認書類",
      "国民健康保険の資格確認書・被保険者証（加入者がいる場合）",
      "委任状（代理人が届け出る場合）",
    ],
    rule: on("householdSplit", "householdMerge", "householdRecompose", "headChange"),
    forms: ["resident-move-notice"],
  }),
  procedure({
    key: "birth-notice",
    name: "出生届",
    programme: "residency",
    scope: "person",
    counterId: "shimin",
    guidance:
      "生まれた日から14日以内（国外で生まれた場合は3か月以内）に父または母が届出。医師・助産師が記入した出生証明書と母子健康手帳を確認し、手帳に出生届出済証明を記入する。子の氏名の振り仮名を確認する。受理により住民票に記載される。",
    legalBasis: "戸籍法第49条・第52条",
    bring: ["出生届（出生証明書欄に医師・助産師の記入があるもの）", "母子健康手帳", "届出人の本人確認書類"],
    rule: allOf(on("birth"), selfMoving()),
  }),
  procedure({
    key: "death-notice",
    name: "死亡届・火葬許可申請",
    programme: "residency",
    scope: "person",
    counterId: "shimin",
    guidance:
      "死亡の事実を知った日から7日以内（国外での死亡は3か月以内）。死亡診断書（死体検案書）を確認し、火葬許可証を交付する（死亡後24時間を経過するまで火葬はできない）。葬儀社が届書を持参するときは使者として受け付ける。遺族には、おくやみの手続き一覧（本一覧の手続き案内書）を渡す。",
    legalBasis: "戸籍法第86条・第87条、墓地、埋葬等に関する法律第3条・第5条",
    bring: [
      "死亡届（死亡診断書・死体検案書欄に医師の記入があるもの）",
      "届出人（持参する方）の本人確認書類",
      "火葬の日時・火葬場がわかるもの",
    ],
    rule: allOf(on("death"), selfMoving()),
    questions: ["crematorium", "cremationDate"],
  }),
  procedure({
    key: "head-change-on-death",
    name: "世帯主変更届（世帯主の死亡）",
    programme: "residency",
    scope: "household",
    counterId: "shimin",
    guidance:
      "世帯主が亡くなり、世帯に残る方が2人以上のときは新しい世帯主を定めて14日以内に届出。残る方が1人のときはその方が世帯主となるため届出は要らない。国保加入者がいるときは国保の世帯主変更もあわせて案内する。",
    legalBasis: "住民基本台帳法第25条",
    bring: ["届出人の本人確認書類", "国民健康保険の資格確認書・被保険者証（加入者がいる場合）"],
    // The law needs a choice only when there is more than one person to choose from.
    rule: allOf(on("death"), someMoving({ isHead: true }), someRemaining({}, 2)),
  }),
  procedure({
    key: "residence-card-address",
    name: "在留カード等の住居地届出",
    programme: "residency",
    scope: "person",
    counterId: "shimin",
    guidance:
      "外国人住民が転入届・転居届をするときは在留カード（特別永住者の方は特別永住者証明書）を提出してもらい、裏面に新しい住居地を記載する。在留カードを添えた転入届・転居届は入管法の住居地の届出とみなされる。新規入国の方は住居地を定めてから14日以内。",
    legalBasis: "出入国管理及び難民認定法第19条の7・第19条の9、入管特例法第10条",
    bring: ["在留カードまたは特別永住者証明書（異動する方全員分）", "旅券（新規入国の方）"],
    rule: allOf(on("moveIn", "moveWithin"), selfMoving({ foreign: true })),
  }),
  procedure({
    key: "support-measure-application",
    name: "住民基本台帳事務における支援措置申出（DV・ストーカー・児童虐待等）",
    programme: "residency",
    scope: "person",
    counterId: "shimin",
    guidance:
      "DV・ストーカー行為等・児童虐待等の被害者が、加害者からの住民票の写し・戸籍の附票の写し等の請求や閲覧を制限するよう申し出るもの。警察・配偶者暴力相談支援センター・児童相談所などの意見を確認して支援の必要性を判断する。期間は1年で、終了日の1か月前から延長の申出ができる。併せて申出者と同じ住所の家族も対象にできる。対応は個室で行い、申出の事実を他の来庁者に知られないよう配慮する。",
    legalBasis: "住民基本台帳法第12条第6項・第20条、住民基本台帳事務処理要領（DV等支援措置）",
    bring: ["本人確認書類", "相談機関の意見がわかるもの（保護命令決定書の写し等、お持ちの場合）"],
    rule: null,
  }),
  procedure({
    key: "maiden-name-record",
    name: "旧氏（旧姓）の記載請求",
    programme: "residency",
    scope: "person",
    counterId: "shimin",
    guidance:
      "婚姻などで氏が変わった方が、住民票・マイナンバーカードに旧氏を併記するよう請求するもの。旧氏は戸籍謄本等で確認する（記載できる旧氏は過去の戸籍に記載された氏のうち1つ）。マイナンバーカードをお持ちの方はカードにも追記するため持参してもらう。旧氏を変更・削除する請求もここで受け付ける。",
    legalBasis: "住民基本台帳法第7条第14号、同法施行令第30条の13",
    bring: [
      "旧氏が記載された戸籍謄本等（本籍地が当市の方は不要）",
      "マイナンバーカード（お持ちの方）",
      "本人確認書類",
    ],
    rule: null,
    questions: ["newSurname"],
  }),
];
