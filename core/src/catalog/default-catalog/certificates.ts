import type { ProgrammeKey } from "../../programmes/programmes.ts";
import type { ProcedureDefinition } from "../procedures.ts";
import { procedure } from "./build.ts";

/** A certificate request (5-③): one per person asked about, always added by hand. */
const certificate = (definition: {
  key: string;
  name: string;
  programme: ProgrammeKey;
  counterId: string;
  guidance: string;
  legalBasis: string;
  bring: string[];
}): ProcedureDefinition => procedure({ ...definition, scope: "person", rule: null });

const identity = "窓口に来る方の本人確認書類";
const delegation = "委任状（代理人の場合）";
const feeOrdinance = "市手数料条例";
const feeOrder = "地方公共団体の手数料の標準に関する政令";
const taxCertificate = "地方税法第20条の10";

/**
 * 証明書交付請求 (5-③), in the programme that issues them. Fees follow the national standard for
 * 戸籍 and the city's ordinance otherwise; 戸籍 certificates for pension and benefit claims are free.
 * 資産税 certificates sit under 個人住民税 (the tax programme of 市民税課) until a property-tax
 * programme exists.
 */
export const certificateProcedures: ProcedureDefinition[] = [
  certificate({
    key: "certificate-resident-record",
    name: "住民票の写し",
    programme: "residency",
    counterId: "shimin",
    guidance:
      "本人または同じ世帯の方は請求できる。別世帯の家族・第三者は正当な理由（権利行使・義務履行・提出先）を、弁護士・司法書士などは職務上請求書を確認する。本籍・続柄・世帯主・マイナンバーなどの記載事項と使用目的を確認する（マイナンバー入りは本人・同じ世帯の方のみ、代理人へは住所地へ郵送）。支援措置の対象者は交付制限を確認する。手数料は1通300円（条例による）。マイナンバーカードでコンビニ交付もできる。",
    legalBasis: `住民基本台帳法第12条・第12条の2・第12条の3、${feeOrdinance}`,
    bring: [identity, delegation, "職務上請求書（士業の場合）"],
  }),
  certificate({
    key: "certificate-resident-record-entries",
    name: "住民票記載事項証明書",
    programme: "residency",
    counterId: "shimin",
    guidance:
      "勤務先・年金・手当などの提出先の様式に記載された住所・氏名などを、住民票の記載と相違ないと証明する。提出先の様式を持参してもらい、記載内容を住民票と照合する。請求できる方は住民票の写しと同じ。手数料は1件300円（条例による）。",
    legalBasis: `住民基本台帳法第12条第1項、${feeOrdinance}`,
    bring: ["提出先の証明様式", identity, delegation],
  }),
  certificate({
    key: "certificate-removed-resident-record",
    name: "住民票の除票の写し",
    programme: "residency",
    counterId: "shimin",
    guidance:
      "転出・死亡により消除された住民票の写し。相続や登記の住所のつながりの証明に使う。保存期間は消除から150年（令和元年6月20日以降に消除されたもの。それ以前は5年で廃棄された場合がある）。請求できる方は住民票の写しに準じる。手数料は1通300円（条例による）。",
    legalBasis: `住民基本台帳法第15条の4、${feeOrdinance}`,
    bring: [identity, delegation, "請求者との関係・利用目的がわかる書類（相続などの場合）"],
  }),
  certificate({
    key: "certificate-seal",
    name: "印鑑登録証明書",
    programme: "sealRegistration",
    counterId: "shimin",
    guidance:
      "印鑑登録証（カード）の提示が必須（登録証がなければ本人でも交付できない）。登録証を持参すれば代理人でも請求でき、委任状は要らない。請求書に本人の住所・氏名・生年月日を正しく書いてもらい照合する。マイナンバーカードに利用者証明用電子証明書があればコンビニ交付もできる。手数料は1通300円（条例による）。",
    legalBasis: "市印鑑条例（印鑑登録証明事務処理要領（昭和49年自治振第10号）に準拠）",
    bring: ["印鑑登録証（カード）", identity],
  }),
  certificate({
    key: "certificate-family-register",
    name: "戸籍謄本・抄本（戸籍全部事項・個人事項証明書）",
    programme: "familyRegister",
    counterId: "shimin",
    guidance:
      "戸籍に記載されている方、その配偶者・直系尊属・直系卑属は請求できる。それ以外の方は権利行使などの正当な理由を確認する。本籍地以外でも、本人・配偶者・直系の方が本人確認書類（顔写真付き）を持参して窓口に来れば請求できる（広域交付。代理人・郵送は不可）。手数料は1通450円。年金・手当の請求に使うものは法令に基づき無料。",
    legalBasis: `戸籍法第10条・第10条の2・第120条の2、${feeOrder}`,
    bring: [
      "顔写真付きの本人確認書類（広域交付の場合）",
      identity,
      delegation,
      "手数料免除の場合は年金・手当の請求書類など",
    ],
  }),
  certificate({
    key: "certificate-removed-family-register",
    name: "除籍謄本・改製原戸籍謄本",
    programme: "familyRegister",
    counterId: "shimin",
    guidance:
      "全員が除かれた戸籍（除籍）や、法令改正で作り替える前の戸籍（改製原戸籍）の証明。相続では亡くなった方の出生から死亡までの連続した戸籍を揃えるため、どこまで当市にあるかを確認して案内する（広域交付で他の市区町村の分もまとめて請求できる）。手数料は1通750円。",
    legalBasis: `戸籍法第12条の2・第120条の2、${feeOrder}`,
    bring: [identity, delegation, "請求者との関係がわかる戸籍（当市で確認できない場合）"],
  }),
  certificate({
    key: "certificate-register-entries",
    name: "戸籍記載事項証明書・届書記載事項証明書",
    programme: "familyRegister",
    counterId: "shimin",
    guidance:
      "戸籍の記載の一部を証明するもの（手数料は1件350円、除籍は450円）。届書記載事項証明書は、届書の写しに証明をするもの（死亡届の写しを遺族年金・保険金の請求に使う場合など）で、利害関係人が特別の事由のある場合に請求できる。",
    legalBasis: `戸籍法第10条・第48条第2項、${feeOrder}`,
    bring: [identity, delegation, "提出先・利害関係がわかる書類（届書記載事項証明の場合）"],
  }),
  certificate({
    key: "certificate-notification-acceptance",
    name: "届出受理証明書",
    programme: "familyRegister",
    counterId: "shimin",
    guidance:
      "婚姻・出生などの届出を受理したことを証明する（戸籍への記載前でも発行できる）。届出人が請求できる。手数料は1通350円、賞状形式（上質紙）のものは1,400円。",
    legalBasis: `戸籍法第48条第1項、${feeOrder}`,
    bring: [identity],
  }),
  certificate({
    key: "certificate-family-register-annex",
    name: "戸籍の附票の写し",
    programme: "familyRegister",
    counterId: "shimin",
    guidance:
      "本籍地で、その戸籍に在籍する間の住所の履歴を証明する（登記の住所のつながり、車の名義変更などに使う）。戸籍に記載されている方・配偶者・直系の方が請求でき、第三者は正当な理由を確認する。支援措置の対象者の交付制限を確認する。手数料は1通300円（条例による）。",
    legalBasis: `住民基本台帳法第20条、${feeOrdinance}`,
    bring: [identity, delegation],
  }),
  certificate({
    key: "certificate-income",
    name: "所得証明書",
    programme: "residentTax",
    counterId: "shiminzei",
    guidance:
      "その年の1月1日に当市に住所があった方の前年の所得を証明する（例：令和7年度の証明は令和6年中の所得）。新年度の証明は6月頃から発行する。申告のない方は発行できないため、市県民税の申告を案内する。本人・同一世帯の方以外は委任状が要る。手数料は1年度1人300円（条例による）。",
    legalBasis: `${taxCertificate}、${feeOrdinance}`,
    bring: [identity, delegation],
  }),
  certificate({
    key: "certificate-tax-assessment",
    name: "課税（非課税）証明書",
    programme: "residentTax",
    counterId: "shiminzei",
    guidance:
      "市県民税の所得・控除・税額（課税されない方は非課税であること）を証明する。保育・奨学金・公営住宅の申込みなどに使う。発行できる年度と請求できる方は所得証明書と同じ。手数料は1年度1人300円（条例による）。",
    legalBasis: `${taxCertificate}、${feeOrdinance}`,
    bring: [identity, delegation],
  }),
  certificate({
    key: "certificate-tax-payment",
    name: "納税証明書",
    programme: "collection",
    counterId: "shiminzei",
    guidance:
      "市税の税目・年度ごとに納付額と未納額を証明する（入札参加資格・融資などに使う）。納付直後は金融機関からの入金の確認に日数がかかるため、領収書で確認する。手数料は1税目1年度300円（条例による）。",
    legalBasis: `${taxCertificate}、${feeOrdinance}`,
    bring: [identity, delegation, "最近納付した場合は領収書"],
  }),
  certificate({
    key: "certificate-light-vehicle-tax",
    name: "軽自動車税（種別割）納税証明書（継続検査用）",
    programme: "collection",
    counterId: "shiminzei",
    guidance:
      "軽自動車の車検（継続検査）用の納税証明書で、手数料は無料。軽自動車税納付確認システムで検査場が納付を確認できるため原則として提示は不要だが、納付直後でシステムに反映されていない場合や中古車を買った場合などに交付する。未納があると交付できない。",
    legalBasis: `道路運送車両法第97条の2、${taxCertificate}`,
    bring: ["車検証（車両番号がわかるもの）", "最近納付した場合は領収書"],
  }),
  certificate({
    key: "certificate-property-valuation",
    name: "固定資産評価証明書",
    programme: "residentTax",
    counterId: "shiminzei",
    guidance:
      "土地・家屋の評価額を証明する（登記の登録免許税の計算、訴訟、相続などに使う）。所有者、相続人、借地人・借家人、訴訟の当事者などが請求できる（関係を書類で確認する）。法人は代表者印の押された委任状または社員証などを確認する。手数料は条例による（1件目と追加の筆・棟ごと）。",
    legalBasis: `${taxCertificate}・第382条の3、同法施行令第52条の15、${feeOrdinance}`,
    bring: [identity, delegation, "相続人・借地人などであることがわかる書類"],
  }),
  certificate({
    key: "certificate-property-tax",
    name: "固定資産公課証明書（課税台帳記載事項証明書）",
    programme: "residentTax",
    counterId: "shiminzei",
    guidance:
      "土地・家屋の評価額と固定資産税・都市計画税の税額を証明する。請求できる方は評価証明書と同じ。手数料は条例による。",
    legalBasis: `${taxCertificate}・第382条の3、${feeOrdinance}`,
    bring: [identity, delegation],
  }),
  certificate({
    key: "certificate-property-name-list",
    name: "名寄帳（課税台帳）の写し",
    programme: "residentTax",
    counterId: "shiminzei",
    guidance:
      "所有者ごとに市内の土地・家屋をまとめた一覧。相続で亡くなった方の市内の不動産を調べるときに使う（非課税の物件が載らない場合があることを説明する）。所有者本人、相続人、代理人が請求・閲覧できる。手数料は条例による。",
    legalBasis: `地方税法第382条の2・第387条、${feeOrdinance}`,
    bring: [identity, delegation, "相続人であることがわかる戸籍（相続の場合）"],
  }),
  certificate({
    key: "certificate-identity",
    name: "身分証明書",
    programme: "familyRegister",
    counterId: "shimin",
    guidance:
      "本籍地で、破産手続開始の決定の通知、禁治産・準禁治産の宣告の通知、後見の登記の通知を受けていないことを証明する（許認可の申請などに使う）。本籍が当市にある本人が請求する（代理人は委任状）。成年被後見人等でないことの証明は法務局の「登記されていないことの証明書」になる。手数料は1通300円（条例による）。",
    legalBasis: feeOrdinance,
    bring: [identity, delegation],
  }),
  certificate({
    key: "certificate-non-residence",
    name: "不在住証明書・不在籍証明書",
    programme: "residency",
    counterId: "shimin",
    guidance:
      "請求された住所・氏名の方が当市の住民基本台帳（不在住）や戸籍（不在籍）に記録されていないことを証明する。登記簿上の所有者の住所のつながりを証明できないときなどに使う。手数料は1通300円（条例による）。",
    legalBasis: feeOrdinance,
    bring: [identity, "請求の対象がわかる書類（登記事項証明書など）"],
  }),
  certificate({
    key: "certificate-single-status",
    name: "独身証明書",
    programme: "familyRegister",
    counterId: "shimin",
    guidance:
      "本籍地で、本人が独身であること（民法第732条の重婚にならないこと）を証明する。結婚相談所への登録などに使う。本人のみ請求できる（代理人不可）。手数料は1通300円（条例による）。",
    legalBasis: feeOrdinance,
    bring: ["本人の本人確認書類"],
  }),
];
