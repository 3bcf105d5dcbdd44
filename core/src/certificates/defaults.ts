import type { CertificateOption, CertificateType, FeeExemption, Purpose, RequesterKind } from "./schemas.ts";

/**
 * The certificate settings a new installation starts with: the national standard for 戸籍
 * (地方公共団体の手数料の標準に関する政令) and typical city amounts otherwise, all editable. Keys are
 * the catalog's certificate procedures, so a request adds its procedure to the case.
 */
const residentOptions: CertificateOption[] = [
  { key: "householdHead", name: "世帯主の氏名", refusedTo: [], delegationMustName: false },
  { key: "relationship", name: "続柄", refusedTo: [], delegationMustName: false },
  // 住民基本台帳法第12条の3第7項: a third party's copy leaves out 本籍, 個人番号 and 住民票コード.
  { key: "domicile", name: "本籍・筆頭者", refusedTo: ["thirdParty"], delegationMustName: false },
  {
    key: "residentCode",
    name: "住民票コード",
    refusedTo: ["thirdParty", "official"],
    delegationMustName: true,
  },
  {
    key: "myNumber",
    name: "個人番号",
    refusedTo: ["thirdParty", "official"],
    delegationMustName: true,
  },
];

const everyone: RequesterKind[] = ["self", "household", "proxy", "thirdParty", "official"];
const familyRegisterRequesters: RequesterKind[] = ["self", "family", "proxy", "thirdParty", "official"];
const own: RequesterKind[] = ["self", "household", "proxy", "official"];

const type = (
  t: Omit<CertificateType, "maxCopies" | "maxPeriods" | "legalBasis" | "guidance" | "options"> &
    Partial<CertificateType>,
): CertificateType => ({
  maxCopies: 10,
  maxPeriods: 5,
  legalBasis: "",
  guidance: "",
  options: [],
  ...t,
});

export const defaultCertificateTypes: readonly CertificateType[] = [
  type({
    key: "certificate-resident-record",
    name: "住民票の写し",
    guidance:
      "世帯全員か一部か、本籍・続柄の要否を提出先の指定どおりに確認してください。第三者の請求では本籍・個人番号・住民票コードは記載できません。",
    group: "residentRecord",
    procedureKey: "certificate-resident-record",
    fee: { kind: "perCopy", amount: 300 },
    options: residentOptions,
    requesters: everyone,
    legalBasis: "住民基本台帳法第12条・第12条の2・第12条の3",
  }),
  type({
    key: "certificate-resident-record-entries",
    name: "住民票記載事項証明書",
    group: "residentRecord",
    procedureKey: "certificate-resident-record-entries",
    fee: { kind: "perCopy", amount: 300 },
    options: residentOptions.filter((o) => o.key !== "myNumber"),
    requesters: everyone,
  }),
  type({
    key: "certificate-removed-resident-record",
    name: "住民票の除票の写し",
    group: "residentRecord",
    procedureKey: "certificate-removed-resident-record",
    fee: { kind: "perCopy", amount: 300 },
    options: residentOptions.filter((o) => o.key !== "myNumber"),
    requesters: everyone,
    legalBasis: "住民基本台帳法第15条の4",
  }),
  type({
    key: "certificate-family-register-annex",
    name: "戸籍の附票の写し",
    group: "residentRecord",
    procedureKey: "certificate-family-register-annex",
    fee: { kind: "perCopy", amount: 300 },
    requesters: familyRegisterRequesters,
    legalBasis: "住民基本台帳法第20条",
  }),
  type({
    key: "certificate-seal",
    name: "印鑑登録証明書",
    guidance:
      "印鑑登録証（カード）の提示が必要です。代理人でも委任状は不要ですが、登録者の住所・氏名・生年月日を申告してもらいます。",
    group: "seal",
    procedureKey: "certificate-seal",
    fee: { kind: "perCopy", amount: 300 },
    // Whoever brings the 印鑑登録証 (the card is the authority, not a 委任状).
    requesters: ["self", "proxy"],
    legalBasis: "市印鑑条例",
  }),
  type({
    key: "certificate-family-register",
    name: "戸籍全部事項・個人事項証明書（謄本・抄本）",
    guidance:
      "本籍地が当市の方に交付します。年金・手当・健康保険の給付の請求に使う場合は、使用目的を選ぶと手数料が免除されます。",
    group: "familyRegister",
    procedureKey: "certificate-family-register",
    fee: { kind: "perCopy", amount: 450 },
    requesters: familyRegisterRequesters,
    legalBasis: "戸籍法第10条・第10条の2",
  }),
  type({
    key: "certificate-removed-family-register",
    name: "除籍・改製原戸籍謄本・抄本",
    group: "familyRegister",
    procedureKey: "certificate-removed-family-register",
    fee: { kind: "perCopy", amount: 750 },
    requesters: familyRegisterRequesters,
    legalBasis: "戸籍法第12条の2",
  }),
  type({
    key: "certificate-register-entries",
    name: "戸籍記載事項証明書",
    group: "familyRegister",
    procedureKey: "certificate-register-entries",
    fee: { kind: "perCopy", amount: 350 },
    requesters: familyRegisterRequesters,
  }),
  type({
    key: "certificate-identity",
    name: "身分証明書",
    guidance: "本籍地が当市の方に交付します（破産・後見登記の有無の証明）。",
    group: "identity",
    procedureKey: "certificate-identity",
    fee: { kind: "perCopy", amount: 300 },
    requesters: ["self", "proxy", "official"],
  }),
  type({
    key: "certificate-single-status",
    name: "独身証明書",
    guidance: "本人からの請求に限ります。",
    group: "identity",
    procedureKey: "certificate-single-status",
    fee: { kind: "perCopy", amount: 300 },
    // Only the person, in person (the certificate is for a marriage agency).
    requesters: ["self"],
  }),
  type({
    key: "certificate-income",
    name: "所得証明書",
    guidance:
      "1月1日に当市に住所があった方の年度分を交付します。新年度分の交付は6月からです。年度ごとに1件の手数料です。",
    group: "tax",
    procedureKey: "certificate-income",
    fee: { kind: "perPeriod", amount: 300 },
    requesters: own,
    legalBasis: "地方税法第20条の10",
  }),
  type({
    key: "certificate-tax-assessment",
    name: "課税（非課税）証明書",
    group: "tax",
    procedureKey: "certificate-tax-assessment",
    fee: { kind: "perPeriod", amount: 300 },
    requesters: own,
    legalBasis: "地方税法第20条の10",
  }),
  type({
    key: "certificate-tax-payment",
    name: "納税証明書",
    guidance: "税目と年度ごとに1件の手数料です。未納のある税目・年度の証明はできません。",
    group: "tax",
    procedureKey: "certificate-tax-payment",
    // Per 税目 and 年度.
    fee: { kind: "perPeriod", amount: 300 },
    requesters: own,
    maxPeriods: 10,
    legalBasis: "地方税法第20条の10",
  }),
  type({
    key: "certificate-light-vehicle-tax",
    name: "軽自動車税納税証明書（継続検査用）",
    guidance: "車検（継続検査）に使う場合に限り手数料はかかりません。車両番号を確認してください。",
    group: "tax",
    procedureKey: "certificate-light-vehicle-tax",
    fee: { kind: "perCopy", amount: 0 },
    requesters: everyone,
  }),
  type({
    key: "certificate-property-valuation",
    name: "固定資産評価証明書",
    guidance: "基本手数料で5筆（土地・家屋の件数）まで、それを超える分は1筆ごとに加算します。",
    group: "property",
    procedureKey: "certificate-property-valuation",
    fee: { kind: "parcels", base: 300, includedParcels: 5, perExtraParcel: 50 },
    requesters: own,
  }),
  type({
    key: "certificate-property-tax",
    name: "固定資産公課証明書",
    group: "property",
    procedureKey: "certificate-property-tax",
    fee: { kind: "parcels", base: 300, includedParcels: 5, perExtraParcel: 50 },
    requesters: own,
  }),
  type({
    key: "certificate-other",
    name: "その他の証明書",
    group: "other",
    procedureKey: null,
    fee: { kind: "perCopy", amount: 300 },
    requesters: everyone,
  }),
];

export const defaultFeeExemptions: readonly FeeExemption[] = [
  {
    key: "pensionClaim",
    name: "年金の請求",
    legalBasis: "国民年金法第104条・厚生年金保険法第95条",
    groups: ["familyRegister"],
  },
  {
    key: "childBenefitClaim",
    name: "児童扶養手当・特別児童扶養手当の請求",
    legalBasis: "児童扶養手当法第33条・特別児童扶養手当等の支給に関する法律第39条",
    groups: ["familyRegister"],
  },
  {
    key: "healthInsuranceClaim",
    name: "健康保険の給付の請求",
    legalBasis: "国民健康保険法第112条・健康保険法第196条",
    groups: ["familyRegister"],
  },
  { key: "publicAssistance", name: "生活保護受給者", legalBasis: "市手数料条例（減免）", groups: [] },
  { key: "disasterVictim", name: "被災者（罹災証明）", legalBasis: "市手数料条例（減免）", groups: [] },
  { key: "officialRequest", name: "公用請求", legalBasis: "市手数料条例（公用）", groups: [] },
];

export const defaultPurposes: readonly Purpose[] = [
  { key: "pensionClaim", name: "年金の請求", exemption: "pensionClaim" },
  { key: "childBenefit", name: "児童扶養手当等の請求", exemption: "childBenefitClaim" },
  { key: "healthInsurance", name: "健康保険の給付の請求", exemption: "healthInsuranceClaim" },
  { key: "inheritance", name: "相続の手続き", exemption: null },
  { key: "realEstate", name: "不動産の登記", exemption: null },
  { key: "vehicle", name: "自動車の登録・車検", exemption: null },
  { key: "employment", name: "就職・勤務先への提出", exemption: null },
  { key: "bank", name: "金融機関・保険会社への提出", exemption: null },
  { key: "school", name: "学校・保育所への提出", exemption: null },
  { key: "residenceStatus", name: "在留資格の手続き", exemption: null },
  { key: "other", name: "その他（具体的に記入）", exemption: null },
];
