import type { ProcedureDefinition } from "../procedures.ts";
import { allOf, answered, on, procedure, selfMoving, someInHousehold } from "./build.ts";

const myNumberAct = "行政手続における特定の個人を識別するための番号の利用等に関する法律";
const sealOrdinance = "市印鑑条例（印鑑登録証明事務処理要領（昭和49年自治振第10号）に準拠）";
const surnameChanged = answered("surnameChange", "yes");

/** 市民課: マイナンバーカード and 印鑑登録. */
export const myNumberSealProcedures: ProcedureDefinition[] = [
  procedure({
    key: "my-number-card-address",
    name: "マイナンバーカードの住所変更（継続利用）",
    programme: "myNumberCard",
    scope: "person",
    counterId: "shimin",
    guidance:
      "カードの追記欄に新しい住所を記載し、署名用電子証明書は住所変更で失効するため希望者に再発行する。転入の場合は転入届と同時にカードを提出してもらう。転入届の日から90日以内に継続利用の手続きをしないとカードは失効する。本人の暗証番号（住民基本台帳用4桁）の入力が要る。15歳未満の方は法定代理人が手続きする。",
    legalBasis: "行政手続における特定の個人を識別するための番号の利用等に関する法律第17条第2項・第4項",
    bring: [
      "マイナンバーカード",
      "暗証番号（住民基本台帳用4桁）",
      "委任状（代理人の場合。暗証番号を封をした書面で）",
    ],
    rule: allOf(on("moveIn", "moveWithin"), selfMoving({ hasMyNumberCard: true })),
    questions: ["myNumberPinKnown"],
  }),
  procedure({
    key: "my-number-card-name-change",
    name: "マイナンバーカードの記載事項変更（氏名の変更）",
    programme: "myNumberCard",
    scope: "household",
    counterId: "shimin",
    guidance:
      "婚姻・離婚などで氏名が変わった方は、変更の日から14日以内にカードを提出して追記欄に新しい氏名を記載する。署名用電子証明書は氏名の変更で失効するため、希望者に再発行する。旧氏の併記を希望する方は旧氏の記載請求もあわせて受け付ける。本人の暗証番号（住民基本台帳用4桁）の入力が要る。",
    legalBasis: `${myNumberAct}第17条`,
    bring: ["マイナンバーカード", "暗証番号（住民基本台帳用4桁）", "本人確認書類"],
    rule: allOf(surnameChanged, someInHousehold({ hasMyNumberCard: true })),
    questions: ["newSurname", "myNumberPinKnown"],
  }),
  procedure({
    key: "my-number-card-application",
    name: "マイナンバーカード 交付申請",
    programme: "myNumberCard",
    scope: "person",
    counterId: "shimin",
    guidance:
      "交付申請書（QRコード付き）による郵送・オンライン申請のほか、窓口で写真撮影から申請まで補助する。初回の交付は無料。申請からおおむね1か月でカードが届き、交付通知書（はがき）で受取りを案内する。15歳未満の方・成年被後見人は法定代理人が申請する。窓口で本人確認を済ませた場合はカードを本人限定郵便で送付できる（申請時来庁方式）。",
    legalBasis: `${myNumberAct}第16条の2・第17条`,
    bring: ["個人番号カード交付申請書（お持ちの方）", "本人確認書類", "顔写真（窓口で撮影する場合は不要）"],
    rule: null,
  }),
  procedure({
    key: "my-number-card-issuance",
    name: "マイナンバーカード 交付（受取り）",
    programme: "myNumberCard",
    scope: "person",
    counterId: "shimin",
    guidance:
      "交付通知書を持参した本人に、本人確認のうえ交付する。暗証番号（署名用英数字6〜16桁、利用者証明用・住民基本台帳用・券面事項入力補助用の数字4桁）を本人に設定してもらう。病気・障がいなどで来庁できない方は、診断書などで事情を確認して代理人への交付ができる。15歳未満の方は法定代理人が同行する。",
    legalBasis: `${myNumberAct}第17条`,
    bring: [
      "交付通知書（はがき）",
      "本人確認書類",
      "通知カード（お持ちの方）",
      "委任状と来庁が困難な事情がわかる書類（代理人の場合）",
    ],
    rule: null,
  }),
  procedure({
    key: "my-number-card-loss",
    name: "マイナンバーカードの紛失届・再交付申請",
    programme: "myNumberCard",
    scope: "person",
    counterId: "shimin",
    guidance:
      "カードを紛失したときは、まずマイナンバー総合フリーダイヤルで一時利用停止をし、警察に遺失届を出してもらう（受理番号を確認する）。市に紛失届を出し、再交付を申請する。再交付は手数料がかかる（本人の責によらない場合を除く）。見つかったときは一時停止の解除を受け付ける。",
    legalBasis: `${myNumberAct}第17条`,
    bring: ["本人確認書類", "警察の遺失届の受理番号（紛失・盗難の場合）", "消防の罹災証明書（焼失の場合）"],
    rule: null,
  }),
  procedure({
    key: "my-number-certificate-renewal",
    name: "マイナンバーカード 電子証明書・カードの更新",
    programme: "myNumberCard",
    scope: "person",
    counterId: "shimin",
    guidance:
      "電子証明書の有効期限は発行から5回目の誕生日。期限の2〜3か月前に地方公共団体情報システム機構から通知書が届く。期限の3か月前から窓口で更新でき、本人の暗証番号の入力が要る。カード自体の有効期限（18歳以上は発行から10回目の誕生日、18歳未満は5回目の誕生日）が近い方はカードの更新申請を案内する。",
    legalBasis: "電子署名等に係る地方公共団体情報システム機構の認証業務に関する法律第3条・第22条",
    bring: ["マイナンバーカード", "有効期限通知書（お持ちの方）", "暗証番号"],
    rule: null,
    questions: ["myNumberPinKnown"],
  }),
  procedure({
    key: "seal-registration-new",
    name: "印鑑登録（新規）",
    programme: "sealRegistration",
    scope: "person",
    counterId: "shimin",
    forms: ["seal-registration-application"],
    guidance:
      "前の市区町村の印鑑登録は転出で抹消されているため、希望する方は当市で新たに登録する。15歳以上の方が対象（意思能力のない方は除く）。本人が顔写真付きの官公署発行の本人確認書類を持参すれば即日登録、ない場合は照会書による確認（後日来庁）または保証人による登録となる。",
    legalBasis: "市印鑑条例（印鑑登録証明事務処理要領（昭和49年自治振第10号）に準拠）",
    bring: ["登録する印鑑", "顔写真付きの本人確認書類（マイナンバーカード・運転免許証等）"],
    rule: allOf(on("moveIn"), selfMoving({ ageAtLeast: 15 })),
    questions: ["sealPhotoId"],
  }),
  procedure({
    key: "seal-registration-end",
    name: "印鑑登録の廃止（お知らせ）",
    programme: "sealRegistration",
    scope: "person",
    counterId: "shimin",
    guidance:
      "転出・死亡により印鑑登録は職権で抹消されるため、届出は要らない。印鑑登録証（カード）の返却を依頼する。転出の方には転出先で新たに登録するよう案内する。死亡後は印鑑登録証明書を交付できないことを遺族に伝える。",
    legalBasis: "市印鑑条例（印鑑登録証明事務処理要領（昭和49年自治振第10号）に準拠）",
    bring: ["印鑑登録証（カード）"],
    rule: allOf(on("moveOut", "death"), selfMoving({ enrolledIn: { programme: "sealRegistration" } })),
  }),
  procedure({
    key: "seal-registration-name-change",
    name: "印鑑登録の廃止（氏名の変更）・再登録",
    programme: "sealRegistration",
    scope: "household",
    counterId: "shimin",
    guidance:
      "印鑑登録をしている方の氏名が変わり、登録した印鑑が変更後の氏名を表さなくなったとき（氏だけを彫った印鑑で氏が変わった場合など）は、登録が職権で廃止される。名だけの印鑑など、変更後も氏名を表す場合は続けて使える。引き続き登録が必要な方には、新しい印鑑での登録を案内する。",
    legalBasis: sealOrdinance,
    bring: ["印鑑登録証（カード）", "新しく登録する印鑑（再登録する場合）", "顔写真付きの本人確認書類"],
    rule: allOf(surnameChanged, someInHousehold({ enrolledIn: { programme: "sealRegistration" } })),
    questions: ["newSurname", "sealPhotoId"],
  }),
  procedure({
    key: "seal-registration-card-loss",
    name: "印鑑登録証の亡失届",
    programme: "sealRegistration",
    scope: "person",
    counterId: "shimin",
    guidance:
      "印鑑登録証（カード）をなくしたときは、直ちに届け出てもらい、その登録を廃止する。引き続き登録が必要な方は、あわせて新たな登録を受け付ける。第三者に悪用されるおそれがある場合は警察への届出も案内する。",
    legalBasis: sealOrdinance,
    bring: ["本人確認書類", "新しく登録する印鑑（再登録する場合）"],
    rule: null,
    questions: ["sealPhotoId"],
  }),
  procedure({
    key: "seal-registration-abolition",
    name: "印鑑登録の廃止申請",
    programme: "sealRegistration",
    scope: "person",
    counterId: "shimin",
    guidance:
      "登録した本人が登録の廃止を申請するもの（印鑑の変更・紛失など）。印鑑登録証を返却してもらう。代理人の場合は本人の委任状が要る。",
    legalBasis: sealOrdinance,
    bring: ["印鑑登録証（カード）", "登録している印鑑", "本人確認書類", "委任状（代理人の場合）"],
    rule: null,
  }),
];
