import type { DefaultForm } from "./default-forms.ts";
import { f, full, half, row, third } from "./form-layout.ts";

/**
 * The initial forms of the counters past 市民課 and 保険年金課: one 申請書 or 届 for the main
 * procedure of each area, so a new installation prints something there too. The items are the
 * ones such forms generally carry; what the register cannot know (口座, 障がい名, 希望する施設 …)
 * is left for the visitor to write.
 */

/** 申請日 and the case number: the first row of an application. */
const dateRow = (dateLabel: string) =>
  row(40, 16, [
    { label: dateLabel, width: half, field: f("appliedOn", "today.wareki") },
    { label: "受付番号", width: half, field: f("caseId", "case.id") },
  ]);

/** The subject's kana, name, birth date, sex and address, from y to y + 54. */
const personRows = (y: number, who: string) => [
  ...row(y, 16, [{ label: `${who}のフリガナ`, width: full, field: f("nameKana", "person.nameKana") }]),
  ...row(y + 16, 18, [
    { label: `${who}の氏名`, width: half, field: f("name", "person.name", "name", 14) },
    { label: "生年月日", width: third, field: f("birthDate", "person.birthDate.wareki") },
    { label: "性別", width: full - half - third, field: f("sex", "person.sex") },
  ]),
  ...row(y + 34, 20, [{ label: "住所", width: full, field: f("address", "person.address", "name") }]),
];

/** Telephone and 世帯主 under the address, at y. */
const phoneAndHead = (y: number) =>
  row(y, 16, [
    { label: "電話番号", width: half, field: f("phone", "visitor.phone") },
    { label: "世帯主", width: half, field: f("householdHead", "person.householdHead", "name") },
  ]);

/** Who came, how they are related to the subject, their telephone: at y. */
const visitorRow = (y: number, relationLabel: string) =>
  row(y, 16, [
    { label: "届出人の氏名", width: third, field: f("visitorName", "visitor.name", "name") },
    { label: relationLabel, width: third, field: f("visitorRelation", "visitor.relation") },
    { label: "電話番号", width: third, field: f("visitorPhone", "visitor.phone") },
  ]);

const account = (y: number, label = "振込先口座（金融機関・支店・種別・口座番号・名義人）") =>
  row(y, 24, [{ label, width: full }]);

export const serviceForms: readonly DefaultForm[] = [
  {
    key: "pension-insured-notice",
    name: "国民年金 被保険者関係届書（資格取得・種別変更）",
    title: "国民年金　被保険者関係届書",
    addressee: "厚生労働大臣　あて（出雲市長経由）",
    boxes: [
      ...row(40, 16, [
        { label: "届出日", width: half, field: f("notifiedOn", "today.wareki") },
        { label: "受付番号", width: half, field: f("caseId", "case.id") },
      ]),
      ...row(56, 16, [{ label: "届出の内容", width: full, field: f("procedure", "case.procedureName") }]),
      ...personRows(72, "被保険者"),
      ...row(126, 16, [{ label: "基礎年金番号（または個人番号）", width: full }]),
      ...row(142, 16, [
        { label: "資格取得・種別変更の年月日", width: half },
        { label: "理由（退職・扶養から外れた・国外から転入など）", width: half },
      ]),
      ...row(158, 16, [
        { label: "前に加入していた年金制度（厚生年金保険・共済組合・第3号被保険者）", width: full },
      ]),
      ...row(174, 16, [
        { label: "配偶者の氏名（あわせて届け出る場合）", width: half },
        { label: "配偶者の基礎年金番号", width: half },
      ]),
      ...visitorRow(190, "被保険者との関係"),
      ...row(206, 16, [{ label: "届出人の署名", width: full }]),
    ],
  },
  {
    key: "child-rearing-allowance-claim-form",
    name: "児童扶養手当 認定請求書",
    title: "児童扶養手当　認定請求書",
    addressee: "出雲市長　あて",
    boxes: [
      ...dateRow("請求日"),
      ...personRows(56, "請求者"),
      ...phoneAndHead(110),
      ...row(126, 36, [{ label: "対象となる児童（氏名・生年月日・請求者との続柄）", width: full }]),
      ...row(162, 16, [
        { label: "支給要件（父母の離婚・死亡・障がい・遺棄など）", width: half },
        { label: "支給要件に当たった日", width: half },
      ]),
      ...row(178, 16, [{ label: "公的年金・遺族補償などの受給（種類と額）", width: full }]),
      ...account(194),
      ...row(218, 16, [{ label: "請求者の署名", width: full }]),
    ],
  },
  {
    key: "child-medical-registration-form",
    name: "子ども医療費 受給資格登録申請書",
    title: "子ども医療費　受給資格登録申請書",
    addressee: "出雲市長　あて",
    boxes: [
      ...dateRow("申請日"),
      ...personRows(56, "対象の子"),
      ...row(110, 16, [
        { label: "世帯主", width: half, field: f("householdHead", "person.householdHead", "name") },
        { label: "続柄", width: half, field: f("relationship", "person.relationship") },
      ]),
      ...row(126, 20, [{ label: "子の健康保険（保険者名・記号・番号）", width: full }]),
      ...row(146, 16, [
        { label: "保護者（申請者）の氏名", width: third, field: f("visitorName", "visitor.name", "name") },
        { label: "子との関係", width: third, field: f("visitorRelation", "visitor.relation") },
        { label: "電話番号", width: third, field: f("visitorPhone", "visitor.phone") },
      ]),
      ...row(162, 20, [
        { label: "保護者の住所", width: full, field: f("visitorAddress", "visitor.address", "name") },
      ]),
      ...row(182, 16, [{ label: "申請者の署名", width: full }]),
    ],
  },
  {
    key: "physical-disability-handbook-application",
    name: "身体障害者手帳 交付申請書",
    title: "身体障害者手帳　交付申請書",
    addressee: "島根県知事　あて（出雲市長経由）",
    boxes: [
      ...dateRow("申請日"),
      ...row(56, 16, [{ label: "申請の区分（新規・再交付・等級変更・障がいの追加）", width: full }]),
      ...personRows(72, "申請者"),
      ...row(126, 16, [
        { label: "連絡先電話番号", width: half, field: f("phone", "visitor.phone") },
        { label: "世帯主", width: half, field: f("householdHead", "person.householdHead", "name") },
      ]),
      ...row(142, 24, [{ label: "障がい名（指定医の診断書・意見書のとおり）", width: full }]),
      ...row(166, 44, [
        { label: "写真（縦4cm×横3cm）", width: 40 },
        { label: "申請者の署名", width: full - 40 },
      ]),
      ...row(210, 16, [
        { label: "代理人の氏名", width: half, field: f("visitorName", "visitor.name", "name") },
        { label: "本人との関係", width: half, field: f("visitorRelation", "visitor.relation") },
      ]),
    ],
  },
  {
    key: "school-aid-application-form",
    name: "就学援助 申請書",
    title: "就　学　援　助　申　請　書",
    addressee: "出雲市教育委員会　あて",
    boxes: [
      ...dateRow("申請日"),
      ...personRows(56, "申請者（保護者）"),
      ...phoneAndHead(110),
      ...row(126, 36, [
        {
          label: "転入した世帯員（児童生徒を含む）",
          width: full,
          field: f("members", "case.movingMembers", "name"),
        },
      ]),
      ...row(162, 24, [{ label: "援助を受ける児童生徒（氏名・学校名・学年）", width: full }]),
      ...row(186, 16, [
        { label: "申請の理由（生活保護・市民税非課税・児童扶養手当の受給など）", width: full },
      ]),
      ...account(202),
      ...row(226, 16, [{ label: "申請者の署名", width: full }]),
    ],
  },
  {
    key: "nursery-application-form",
    name: "保育所等 利用申込書",
    title: "保育所等　利用申込書",
    addressee: "出雲市長　あて",
    boxes: [
      ...row(40, 16, [
        { label: "申込日", width: third, field: f("appliedOn", "today.wareki") },
        { label: "利用を希望する開始日", width: third, field: f("startDate", "answer:nurseryStartDate") },
        { label: "受付番号", width: third, field: f("caseId", "case.id") },
      ]),
      ...personRows(56, "申込者（保護者）"),
      ...phoneAndHead(110),
      ...row(126, 36, [
        {
          label: "転入した世帯員（利用する子を含む）",
          width: full,
          field: f("members", "case.movingMembers", "name"),
        },
      ]),
      ...row(162, 24, [{ label: "利用を希望する子（氏名・生年月日）", width: full }]),
      ...row(186, 24, [{ label: "希望する施設（第1希望から第3希望）", width: full }]),
      ...row(210, 24, [
        {
          label: "保育を必要とする事由（就労・妊娠出産・疾病・介護・求職活動など、保護者ごと）",
          width: full,
        },
      ]),
      ...row(234, 16, [{ label: "申込者の署名", width: full }]),
    ],
  },
  {
    key: "dog-registration-change-notice",
    name: "畜犬 登録事項変更届",
    title: "畜犬登録事項変更届",
    addressee: "出雲市長　あて",
    boxes: [
      ...row(40, 16, [
        { label: "届出日", width: third, field: f("notifiedOn", "today.wareki") },
        { label: "変更の日", width: third, field: f("occurredOn", "case.occurredOn.wareki") },
        { label: "受付番号", width: third, field: f("caseId", "case.id") },
      ]),
      ...row(56, 16, [{ label: "変更の内容", width: full, field: f("procedure", "case.procedureName") }]),
      ...row(72, 16, [{ label: "所有者のフリガナ", width: full, field: f("nameKana", "person.nameKana") }]),
      ...row(88, 18, [
        { label: "所有者の氏名", width: half, field: f("name", "person.name", "name", 14) },
        { label: "生年月日", width: half, field: f("birthDate", "person.birthDate.wareki") },
      ]),
      ...row(106, 20, [
        { label: "変更前の所在地", width: full, field: f("oldAddress", "case.oldAddress", "name") },
      ]),
      ...row(126, 20, [
        { label: "変更後の所在地", width: full, field: f("newAddress", "case.newAddress", "name") },
      ]),
      ...row(146, 16, [
        { label: "登録番号（鑑札の番号）", width: third },
        { label: "犬の名前", width: third },
        { label: "犬の種類・毛色・性別", width: third },
      ]),
      ...row(162, 20, [{ label: "新しい所有者の氏名・住所（所有者が変わる場合）", width: full }]),
      ...visitorRow(182, "所有者との関係"),
      ...row(198, 16, [{ label: "届出人の署名", width: full }]),
    ],
  },
  {
    key: "public-housing-move-out-notice",
    name: "市営住宅 退去届・同居者異動届",
    title: "市営住宅　退去届・同居者異動届",
    addressee: "出雲市長　あて",
    boxes: [
      ...row(40, 16, [
        { label: "届出日", width: third, field: f("notifiedOn", "today.wareki") },
        { label: "異動日", width: third, field: f("occurredOn", "case.occurredOn.wareki") },
        { label: "届出の種類", width: third, field: f("kind", "case.residenceChangeType") },
      ]),
      ...row(56, 16, [
        { label: "住宅名・棟・号室", width: half },
        { label: "名義人（世帯主）", width: half, field: f("householdHead", "person.householdHead", "name") },
      ]),
      ...row(72, 20, [
        { label: "今までの住所（市営住宅）", width: full, field: f("oldAddress", "case.oldAddress", "name") },
      ]),
      ...row(92, 20, [
        { label: "新しい住所", width: full, field: f("newAddress", "case.newAddress", "name") },
      ]),
      ...row(112, 36, [
        { label: "退去・転出する人", width: full, field: f("movingMembers", "case.movingMembers", "name") },
      ]),
      ...row(148, 16, [
        { label: "区分（名義人の退去・同居者の異動）", width: half },
        { label: "退去検査の希望日", width: half },
      ]),
      ...account(164, "敷金の返還先口座（名義人が退去する場合）"),
      ...visitorRow(188, "名義人との関係"),
      ...row(204, 16, [
        { label: "受付番号", width: half, field: f("caseId", "case.id") },
        { label: "届出人の署名", width: half },
      ]),
    ],
  },
];
