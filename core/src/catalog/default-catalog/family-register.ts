import type { ProcedureDefinition } from "../procedures.ts";
import { answered, procedure } from "./build.ts";

const identity = "届出人の本人確認書類";

/**
 * 市民課 (戸籍). 婚姻・離婚・養子縁組 are not 住民異動届 and no event says they happen:
 * reception asks (question familyRegisterNotice) when a 転入・転居・世帯変更 comes with one, and staff
 * add them by hand otherwise. The other 届出 are always added by hand.
 */
export const familyRegisterProcedures: ProcedureDefinition[] = [
  procedure({
    key: "marriage-notice",
    name: "婚姻届",
    programme: "familyRegister",
    scope: "household",
    counterId: "shimin",
    guidance:
      "届出によって婚姻が成立する（期限はない）。成年の証人2人の署名、夫婦が称する氏、新しい本籍を確認する。婚姻できるのは男女とも18歳から。本籍地以外での届出は、戸籍情報連携システムで戸籍を確認できるため原則として戸籍謄本は要らない。氏が変わる方には、マイナンバーカードの記載事項変更・印鑑登録・国保などの手続きを案内する。住所を移すときは転入届・転居届が別に要る。",
    legalBasis: "民法第739条・第750条、戸籍法第74条",
    bring: [
      "婚姻届（成年の証人2人の署名があるもの）",
      "届出人の本人確認書類",
      "外国籍の方は国籍を証明する書類と婚姻要件具備証明書（訳文付き）",
    ],
    rule: answered("familyRegisterNotice", "marriage"),
    questions: ["surnameChange", "newSurname"],
  }),
  procedure({
    key: "divorce-notice",
    name: "離婚届",
    programme: "familyRegister",
    scope: "household",
    counterId: "shimin",
    guidance:
      "協議離婚は届出によって成立し、成年の証人2人と未成年の子の親権者の記載が要る。裁判離婚（調停・審判・判決・和解）は成立から10日以内に申立人が届け出る（調停調書・判決の謄本と確定証明書を添付）。婚姻で氏を改めた方は婚姻前の氏に戻るが、離婚の日から3か月以内なら「離婚の際に称していた氏を称する届」で婚姻中の氏を続けられる。子がいる場合は児童扶養手当・ひとり親家庭等医療費を案内する。",
    legalBasis: "民法第763条・第764条・第767条・第819条、戸籍法第76条・第77条",
    bring: [
      "離婚届（協議離婚は成年の証人2人の署名があるもの）",
      "調停調書・審判書・判決の謄本と確定証明書（裁判離婚の場合）",
      identity,
    ],
    rule: answered("familyRegisterNotice", "divorce"),
    questions: ["surnameChange", "newSurname"],
  }),
  procedure({
    key: "divorce-surname-retention",
    name: "離婚の際に称していた氏を称する届",
    programme: "familyRegister",
    scope: "person",
    counterId: "shimin",
    guidance:
      "婚姻で氏を改めた方が、離婚後も婚姻中の氏を使い続けるための届出。離婚の日から3か月以内なら家庭裁判所の許可なく届け出られる（離婚届と同時でもよい）。子の氏は自動では変わらないため、子を自分の戸籍に入れるには家庭裁判所の許可を得て入籍届が要ることを伝える。",
    legalBasis: "民法第767条第2項、戸籍法第77条の2",
    bring: ["届書", identity],
    rule: null,
  }),
  procedure({
    key: "adoption-notice",
    name: "養子縁組届",
    programme: "familyRegister",
    scope: "household",
    counterId: "shimin",
    guidance:
      "届出によって縁組が成立する。成年の証人2人が要る。未成年者を養子にするときは家庭裁判所の許可（自己または配偶者の直系卑属を除く）、配偶者のある方が未成年者を養子にするときは夫婦共同での縁組、15歳未満の養子は法定代理人の代諾を確認する。養子は原則として養親の氏を称する。",
    legalBasis: "民法第792条・第795条・第797条・第798条・第799条、戸籍法第66条",
    bring: [
      "養子縁組届（成年の証人2人の署名があるもの）",
      "家庭裁判所の許可審判書の謄本（必要な場合）",
      identity,
    ],
    rule: answered("familyRegisterNotice", "adoption"),
    questions: ["surnameChange", "newSurname"],
  }),
  procedure({
    key: "adoption-dissolution-notice",
    name: "養子離縁届",
    programme: "familyRegister",
    scope: "household",
    counterId: "shimin",
    guidance:
      "協議離縁は届出によって成立し、成年の証人2人が要る（養子が15歳未満なら離縁後の法定代理人が協議する）。裁判離縁は確定から10日以内に届け出る。縁組で氏を改めた養子は縁組前の氏に戻る（縁組から7年を経ていれば3か月以内に縁組中の氏を称する届ができる）。",
    legalBasis: "民法第811条・第816条、戸籍法第70条・第73条",
    bring: ["養子離縁届", "調停調書・審判書・判決の謄本と確定証明書（裁判離縁の場合）", identity],
    rule: null,
    questions: ["surnameChange", "newSurname"],
  }),
  procedure({
    key: "acknowledgement-notice",
    name: "認知届",
    programme: "familyRegister",
    scope: "person",
    counterId: "shimin",
    guidance:
      "婚姻していない父母の子を父が認知する届出（任意認知は届出で効力が生じる）。成年の子は本人の承諾、胎児認知は母の承諾と母の本籍地での届出が要る。裁判認知は確定から10日以内に届け出る。認知によって子の氏や親権は変わらない（変えるには別の手続き）。",
    legalBasis: "民法第779条・第781条・第782条・第783条、戸籍法第60条・第61条・第63条",
    bring: ["認知届", "承諾書（成年の子・胎児の認知の場合）", identity],
    rule: null,
  }),
  procedure({
    key: "child-surname-change-notice",
    name: "入籍届（子の氏の変更）",
    programme: "familyRegister",
    scope: "person",
    counterId: "shimin",
    guidance:
      "父母の離婚・再婚などで子と親の氏が異なるとき、子を親の戸籍に入れる届出。原則として家庭裁判所の子の氏の変更許可の審判書が要る（父母の婚姻中に父母と同じ氏に変える場合などは不要）。15歳未満の子は法定代理人が届け出る。",
    legalBasis: "民法第791条、戸籍法第98条",
    bring: ["入籍届", "家庭裁判所の許可審判書の謄本（必要な場合）", identity],
    rule: null,
  }),
  procedure({
    key: "domicile-transfer-notice",
    name: "転籍届",
    programme: "familyRegister",
    scope: "household",
    counterId: "shimin",
    guidance:
      "本籍を移す届出で、筆頭者とその配偶者が届け出る。新しい本籍は日本国内の地番または住居表示のある場所。他の市区町村へ転籍すると新しい戸籍には除籍された方・離婚などの過去の一部事項が移記されないことを説明する。期限はない。",
    legalBasis: "戸籍法第108条",
    bring: ["転籍届（筆頭者と配偶者の署名があるもの）", identity],
    rule: null,
  }),
  procedure({
    key: "separate-register-notice",
    name: "分籍届",
    programme: "familyRegister",
    scope: "person",
    counterId: "shimin",
    guidance:
      "成年に達した方が、親の戸籍から出て自分を筆頭者とする戸籍をつくる届出。戸籍の筆頭者とその配偶者はできない。一度分籍すると元の戸籍には戻れないことを説明する。",
    legalBasis: "戸籍法第21条・第100条",
    bring: ["分籍届", identity],
    rule: null,
  }),
  procedure({
    key: "surname-change-notice",
    name: "氏の変更届（家庭裁判所の許可・外国人との婚姻）",
    programme: "familyRegister",
    scope: "household",
    counterId: "shimin",
    guidance:
      "やむを得ない事由で家庭裁判所の許可を得て氏を変えるときの届出。外国人と婚姻した方が配偶者の氏に変えるときは、婚姻の日から6か月以内なら許可なく届け出られる（離婚などで元に戻す場合は3か月以内）。氏が変わる方には印鑑登録・マイナンバーカードの手続きを案内する。",
    legalBasis: "戸籍法第107条",
    bring: ["氏の変更届", "家庭裁判所の許可審判書の謄本と確定証明書（許可による場合）", identity],
    rule: null,
    questions: ["surnameChange", "newSurname"],
  }),
  procedure({
    key: "given-name-change-notice",
    name: "名の変更届",
    programme: "familyRegister",
    scope: "person",
    counterId: "shimin",
    guidance:
      "正当な事由で家庭裁判所の許可を得て名を変えるときの届出（許可を得た本人が届け出る。15歳未満は法定代理人）。期限はないが、許可後は速やかに。マイナンバーカードの記載事項変更を案内する。",
    legalBasis: "戸籍法第107条の2",
    bring: ["名の変更届", "家庭裁判所の許可審判書の謄本", identity],
    rule: null,
  }),
  procedure({
    key: "non-acceptance-request",
    name: "不受理申出",
    programme: "familyRegister",
    scope: "person",
    counterId: "shimin",
    guidance:
      "本人の意思に基づかない婚姻・離婚・養子縁組・離縁・認知の届出が受理されないよう、あらかじめ申し出るもの。本人が来庁し、顔写真付きの本人確認書類で確認する（来庁できないときは公正証書などで）。有効期間はなく、取り下げるまで続く。申出先は本籍地以外の市区町村でもよい。",
    legalBasis: "戸籍法第27条の2第3項〜第5項",
    bring: ["不受理申出書", "顔写真付きの本人確認書類"],
    rule: null,
  }),
];
