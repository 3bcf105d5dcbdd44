import { type ProgrammeKey, programmeLabels } from "../programmes/programmes.ts";
import {
  enrollmentRoleLabels,
  personStatusLabels,
  residenceChangeKindLabels,
  sexLabels,
  supportMeasureKindLabels,
} from "../registry/codes.ts";
import {
  arrearsProgrammeByCode,
  changeKindByCode,
  labelled,
  roleByCode,
  sexByCode,
  statusByCode,
  subsidyProgrammeByCode,
  supportKindByCode,
  taxStatusByCode,
} from "./codes.ts";
import type { ColumnType, FeedColumn } from "./columns.ts";

/** Where a feed's rows go. Enrollment feeds share one table, scoped by programme. */
export type FeedTarget =
  | { kind: "residents" }
  | { kind: "nonResidents" }
  | { kind: "corporations" }
  | { kind: "enrollments"; programmes: readonly ProgrammeKey[]; programmeField?: string }
  | { kind: "arrears" }
  | { kind: "addressMaster" }
  | { kind: "registryMemos" }
  | { kind: "moveOutCertificates" }
  | { kind: "gaiji" };

export interface FeedLayout {
  id: string;
  /** The feed's name as the city's spec lists it. */
  name: string;
  /** Default file name in the drop folder (a differential delivery adds `.diff` before `.csv`). */
  fileName: string;
  target: FeedTarget;
  /** Fields that identify a row, for differential deliveries (処理区分 1 追加 / 2 変更 / 3 削除). */
  keys: readonly string[];
  columns: readonly FeedColumn[];
}

function column(
  field: string,
  header: string,
  type: ColumnType,
  options: { required?: boolean; maxLength?: number; codes?: Record<string, string>; description: string },
): FeedColumn {
  return { field, header, type, required: options.required ?? false, ...options };
}

const personId = column("personId", "宛名番号", "personId", {
  required: true,
  description: "市の宛名番号 (10桁, 末尾は検査数字)",
});
const fromDate = column("fromDate", "資格取得日", "date", {
  required: true,
  description: "資格・登録の開始日",
});
const toDate = column("toDate", "資格喪失日", "date", { description: "資格・登録の終了日 (継続中は空)" });
const holder = column("holderPersonId", "関係者宛名番号", "personId", {
  description: "受給者・世帯主など、この資格の基となる人の宛名番号",
});
const text = (field: string, header: string, maxLength: number, description: string, required = false) =>
  column(field, header, "text", { maxLength, description, required });
const roleLabels = labelled(roleByCode, enrollmentRoleLabels);
const roleCodes = (...roles: (keyof typeof roleByCode)[]) =>
  Object.fromEntries(roles.map((r) => [r, roleLabels[r] ?? r]));

function enrollmentFeed(
  id: string,
  name: string,
  fileName: string,
  programmes: readonly ProgrammeKey[],
  roles: (keyof typeof roleByCode)[],
  attributes: FeedColumn[],
  programmeColumn?: FeedColumn,
): FeedLayout {
  const role = column("role", "区分", "code", {
    required: true,
    codes: roleCodes(...roles),
    description: "この人の資格上の立場",
  });
  return {
    id,
    name,
    fileName,
    target: {
      kind: "enrollments",
      programmes,
      ...(programmeColumn ? { programmeField: programmeColumn.field } : {}),
    },
    keys: ["personId", ...(programmeColumn ? [programmeColumn.field] : []), "role", "fromDate"],
    columns: [
      personId,
      ...(programmeColumn ? [programmeColumn] : []),
      role,
      fromDate,
      toDate,
      holder,
      ...attributes,
    ],
  };
}

const sexCodes = labelled(sexByCode, sexLabels);
const statusCodes = labelled(statusByCode, personStatusLabels);

export const feedLayouts: readonly FeedLayout[] = [
  {
    id: "residents",
    name: "住民基本台帳",
    fileName: "jumin.csv",
    target: { kind: "residents" },
    keys: ["personId"],
    columns: [
      personId,
      column("residentCode", "住民票コード", "residentCode", {
        required: true,
        description: "住民票コード (11桁, 末尾は検査数字)",
      }),
      text("householdId", "世帯番号", 20, "世帯番号", true),
      text("relationship", "続柄", 20, "世帯主との続柄 (住民票の記載どおり)", true),
      text("name", "氏名", 60, "氏名 (外字は外字マップで変換; 外国人住民はアルファベット表記)", true),
      column("nameKana", "氏名カナ", "kana", {
        required: true,
        maxLength: 120,
        description: "氏名の読み (カタカナ)",
      }),
      text("nameAlpha", "氏名英字", 100, "外国人住民の氏名 (在留カードのアルファベット表記)"),
      text("alias", "通称", 60, "外国人住民の通称"),
      column("aliasKana", "通称カナ", "kana", { maxLength: 120, description: "通称の読み" }),
      column("birthDate", "生年月日", "date", { required: true, description: "生年月日" }),
      column("sex", "性別", "code", { required: true, codes: sexCodes, description: "1 男 / 2 女" }),
      text("nationality", "国籍・地域", 40, "外国人住民の国籍・地域"),
      text("residenceStatus", "在留資格", 40, "外国人住民の在留資格"),
      column("residencePeriodTo", "在留期間満了日", "date", { description: "在留期間の満了日" }),
      column("status", "住民状態", "code", {
        required: true,
        codes: statusCodes,
        description: "1 在住 / 2 転出 / 3 死亡 / 4 職権消除",
      }),
      column("statusDate", "消除日", "date", { description: "転出・死亡・職権消除の日" }),
      text("townCode", "町字コード", 10, "住所関連マスタの町字コード (取込時にマスタと照合)", true),
      text("lot", "番地", 40, "丁目・番地・号", true),
      text("katagaki", "方書", 80, "方書 (建物名・部屋番号)"),
      text("outsideAddress", "転出先住所", 120, "転出先 (転出者のみ)"),
      column("residentSince", "住民となった日", "date", { description: "住民となった年月日" }),
      column("cardExpiresOn", "個人番号カード有効期限", "date", {
        description: "個人番号カードの有効期限 (未交付は空)",
      }),
      column("lastChangeKind", "最終異動事由", "code", {
        codes: labelled(changeKindByCode, residenceChangeKindLabels),
        description: "最後の異動の事由",
      }),
      column("lastChangeOn", "最終異動日", "date", { description: "最後の異動の日" }),
      column("lastNotifiedOn", "最終届出日", "date", { description: "最後の異動の届出日" }),
      text("previousAddress", "前住所", 120, "最後の異動の前の住所"),
      column("nameChangedOn", "氏名変更日", "date", { description: "直近の氏名変更の日 (旧氏名とともに)" }),
      text("previousName", "旧氏名", 60, "直近の氏名変更の前の氏名 (旧氏名でも検索できるように)"),
      column("previousNameKana", "旧氏名カナ", "kana", {
        maxLength: 120,
        description: "氏名変更前の氏名の読み",
      }),
      column("supportMeasure", "支援措置区分", "code", {
        codes: labelled(supportKindByCode, supportMeasureKindLabels),
        description: "住民基本台帳事務における支援措置の対象 (空は対象外)",
      }),
      column("supportFrom", "支援措置開始日", "date", { description: "支援措置の開始日" }),
      column("supportTo", "支援措置終了日", "date", { description: "支援措置の終了日 (1年ごとに更新)" }),
      text("supportRequestedBy", "支援措置申出経由機関", 60, "意見を求めた機関 (警察署・相談センター等)"),
      text("issuanceBan", "発行禁止理由", 100, "証明書の交付を止めている理由 (空は制限なし)"),
      column("issuanceBanFrom", "発行禁止開始日", "date", { description: "交付制限の開始日" }),
    ],
  },
  enrollmentFeed(
    "sealRegistration",
    "印鑑登録",
    "inkan.csv",
    ["sealRegistration"],
    ["5"],
    [text("registrationNumber", "登録番号", 20, "印鑑登録番号", true)],
  ),
  enrollmentFeed(
    "residentTax",
    "個人住民税",
    "juminzei.csv",
    ["residentTax"],
    ["5"],
    [
      column("fiscalYear", "年度", "int", { required: true, description: "課税年度" }),
      column("taxStatus", "課税区分", "code", {
        required: true,
        codes: taxStatusByCode,
        description: "課税状況",
      }),
      column("income", "所得額", "int", { description: "合計所得金額 (円)" }),
    ],
  ),
  {
    id: "arrears",
    name: "滞納管理",
    fileName: "tainou.csv",
    target: { kind: "arrears" },
    keys: ["personId", "programme", "fiscalYear"],
    columns: [
      personId,
      column("programme", "税目", "code", {
        required: true,
        codes: labelled(arrearsProgrammeByCode, programmeLabels),
        description: "滞納している税目",
      }),
      column("fiscalYear", "年度", "int", { required: true, description: "賦課年度" }),
      column("amount", "滞納額", "int", { required: true, description: "未納額 (円)" }),
    ],
  },
  enrollmentFeed(
    "schoolAid",
    "就学援助",
    "shugaku.csv",
    ["schoolAid"],
    ["3"],
    [text("aidKind", "認定区分", 20, "要保護 / 準要保護")],
  ),
  enrollmentFeed(
    "childRearingAllowance",
    "児童扶養手当",
    "jifu.csv",
    ["childRearingAllowance"],
    ["2", "3"],
    [text("paymentKind", "支給区分", 20, "全部支給 / 一部支給 (受給者のみ)")],
  ),
  enrollmentFeed(
    "publicAssistance",
    "生活保護",
    "seiho.csv",
    ["publicAssistance"],
    ["4"],
    [text("caseNumber", "ケース番号", 20, "生活保護のケース番号", true)],
  ),
  enrollmentFeed(
    "disabilityWelfare",
    "障がい者福祉",
    "shogai.csv",
    ["disabilityWelfare"],
    ["5"],
    [
      text("book", "手帳種別", 30, "身体障害者手帳 / 療育手帳 / 精神障害者保健福祉手帳", true),
      text("grade", "等級", 10, "手帳の等級・判定", true),
    ],
  ),
  enrollmentFeed(
    "longTermCare",
    "介護保険",
    "kaigo.csv",
    ["longTermCare"],
    ["1"],
    [
      text("insuredNumber", "被保険者番号", 10, "介護保険被保険者番号", true),
      text("careLevel", "要介護度", 10, "非該当 / 要支援1・2 / 要介護1〜5"),
    ],
  ),
  enrollmentFeed(
    "nationalHealthInsurance",
    "国民健康保険",
    "kokuho.csv",
    ["nationalHealthInsurance"],
    ["1"],
    [
      text("insuredNumber", "被保険者証番号", 20, "国民健康保険の記号番号", true),
      text("copayment", "負担割合", 4, "2割 / 3割"),
    ],
  ),
  enrollmentFeed(
    "lateElderlyMedical",
    "後期高齢者医療",
    "kouki.csv",
    ["lateElderlyMedical"],
    ["1"],
    [
      text("insuredNumber", "被保険者番号", 8, "後期高齢者医療の被保険者番号", true),
      text("copayment", "負担割合", 4, "1割 / 2割 / 3割"),
    ],
  ),
  enrollmentFeed(
    "nationalPension",
    "国民年金",
    "nenkin.csv",
    ["nationalPension"],
    ["1"],
    [
      text("category", "種別", 10, "第1号 / 第3号", true),
      text("pensionNumber", "基礎年金番号", 10, "基礎年金番号"),
      text("exemption", "免除", 20, "全額免除 / 一部免除 / なし"),
    ],
  ),
  enrollmentFeed(
    "childAllowance",
    "児童手当",
    "jidouteate.csv",
    ["childAllowance"],
    ["2", "3"],
    [column("childCount", "支給対象児童数", "int", { description: "受給者の行のみ" })],
  ),
  enrollmentFeed(
    "medicalSubsidy",
    "医療費助成",
    "iryouhi.csv",
    ["childMedical", "singleParentMedical", "severeDisabilityMedical", "medicalSubsidy"],
    ["2", "3"],
    [
      text("recipientNumber", "受給者番号", 10, "受給者証の番号"),
      text("scheme", "制度", 40, "特定医療費 (指定難病) など"),
    ],
    column("programme", "助成種別", "code", {
      required: true,
      codes: labelled(subsidyProgrammeByCode, programmeLabels),
      description: "どの医療費助成か",
    }),
  ),
  enrollmentFeed(
    "nursery",
    "保育園",
    "hoiku.csv",
    ["nurseryKindergarten"],
    ["3"],
    [
      text("facility", "施設名", 60, "在園する保育所・幼稚園・認定こども園", true),
      text("certification", "認定区分", 4, "1号 / 2号 / 3号"),
    ],
  ),
  enrollmentFeed(
    "cemetery",
    "墓地",
    "bochi.csv",
    ["cemetery"],
    ["5"],
    [text("cemetery", "墓地名", 40, "市営墓地の名称", true), text("plot", "区画", 20, "区画番号", true)],
  ),
  enrollmentFeed(
    "publicHousing",
    "公営住宅",
    "jutaku.csv",
    ["publicHousing"],
    ["4"],
    [text("housing", "住宅", 80, "団地名・棟・部屋番号", true)],
  ),
  enrollmentFeed(
    "dogRegistration",
    "畜犬",
    "chikuken.csv",
    ["dogRegistration"],
    ["5"],
    [
      text("dogName", "犬の名前", 30, "登録犬の名前"),
      text("registrationNumber", "登録番号", 20, "畜犬登録番号", true),
      text("rabiesShot", "狂犬病予防注射", 4, "当年度の注射済 / 未"),
    ],
  ),
  {
    id: "nonResidents",
    name: "住登外者",
    fileName: "jutougai.csv",
    target: { kind: "nonResidents" },
    keys: ["personId"],
    columns: [
      personId,
      text("name", "氏名", 60, "氏名", true),
      column("nameKana", "氏名カナ", "kana", { required: true, maxLength: 120, description: "氏名の読み" }),
      column("birthDate", "生年月日", "date", { description: "生年月日" }),
      column("sex", "性別", "code", { codes: sexCodes, description: "1 男 / 2 女" }),
      text("outsideAddress", "住所", 120, "市外の住所", true),
    ],
  },
  {
    id: "corporations",
    name: "法人情報",
    fileName: "houjin.csv",
    target: { kind: "corporations" },
    keys: ["personId"],
    columns: [
      personId,
      column("corporateNumber", "法人番号", "corporateNumber", {
        required: true,
        description: "法人番号 (13桁, 先頭は検査数字)",
      }),
      text("name", "名称", 100, "法人の名称", true),
      column("nameKana", "名称カナ", "kana", { required: true, maxLength: 200, description: "名称の読み" }),
      text("representative", "代表者", 60, "代表者の役職・氏名"),
      text("townCode", "町字コード", 10, "市内の所在地の町字コード (取込時にマスタと照合)"),
      text("lot", "番地", 40, "丁目・番地・号"),
      text("katagaki", "方書", 80, "方書 (ビル名・部屋番号)"),
      text("outsideAddress", "市外所在地", 120, "市外に所在する場合の住所"),
      column("establishedOn", "設立日", "date", { description: "設立年月日" }),
    ],
  },
  {
    id: "addressMaster",
    name: "住所関連マスタ",
    fileName: "jusho.csv",
    target: { kind: "addressMaster" },
    keys: ["code"],
    columns: [
      text("code", "町字コード", 10, "町字コード", true),
      text("name", "町字名", 40, "町字の名称", true),
      column("nameKana", "町字名カナ", "kana", { required: true, maxLength: 80, description: "町字の読み" }),
      text("area", "地区", 20, "旧市町の地区 (出雲・平田・佐田・多伎・湖陵・大社・斐川)", true),
      text("postalCode", "郵便番号", 8, "郵便番号 (NNN-NNNN)", true),
      column("chomeCount", "丁目数", "int", { description: "丁目のある町字の最大丁目 (無い場合 0)" }),
      text("elementarySchool", "小学校区", 40, "通学区域の小学校", true),
      text("juniorHighSchool", "中学校区", 40, "通学区域の中学校", true),
    ],
  },
  {
    id: "registryMemos",
    name: "住基メモ情報",
    fileName: "jukimemo.csv",
    target: { kind: "registryMemos" },
    keys: ["personId", "writtenOn", "text"],
    columns: [
      personId,
      column("writtenOn", "記載日", "date", { required: true, description: "メモの記載日" }),
      text("text", "メモ", 400, "住民記録システムのメモ", true),
    ],
  },
  {
    id: "moveOutCertificates",
    name: "転出証明書情報",
    fileName: "tenshutsu.csv",
    target: { kind: "moveOutCertificates" },
    keys: ["personId", "issuedOn"],
    columns: [
      personId,
      column("issuedOn", "交付日", "date", {
        required: true,
        description: "転出証明書 (または転出届の受理) の日",
      }),
      column("plannedOn", "転出予定日", "date", { required: true, description: "転出予定日" }),
      text("destination", "転出先", 120, "転出先の住所", true),
      column("cardBased", "特例転出", "code", {
        codes: { "0": "通常", "1": "マイナンバーカードによる特例転出" },
        description: "0 通常 / 1 特例転出",
      }),
    ],
  },
  {
    id: "gaiji",
    name: "外字",
    fileName: "gaiji.csv",
    target: { kind: "gaiji" },
    keys: ["cityCode"],
    columns: [
      column("cityCode", "外字コード", "codePoints", {
        required: true,
        maxLength: 6,
        description: "基幹系システムでの外字コード (私用領域 E000–F8FF のコードポイント, 16進)",
      }),
      column("unicode", "Unicode", "codePoints", {
        required: true,
        maxLength: 40,
        description: "対応する Unicode (異体字セレクタ付きは 845B_E0102 の形)",
      }),
      text("mjCode", "MJ文字図形名", 10, "文字情報基盤の MJ 文字図形名 (例 MJ000001)"),
      text("note", "備考", 100, "備考"),
    ],
  },
];

export const feedLayoutById: ReadonlyMap<string, FeedLayout> = new Map(feedLayouts.map((l) => [l.id, l]));
