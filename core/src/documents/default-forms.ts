import { f, full, half, row, third } from "./form-layout.ts";
import { serviceForms } from "./service-forms.ts";
import type { DocumentSource, FontRole, TemplateField } from "./template.ts";

/**
 * The forms a new installation starts with (初期様式), so the default catalog's procedures print
 * something filled in from the first day. Each is a grid of labelled boxes on A4: the server draws
 * the boxes and labels as the base PDF and places one field in each box. A city replaces a form by
 * saving a new version of the same key over its own paper form's PDF.
 */
export interface FormBox {
  label: string;
  /** mm from the page's top left */
  x: number;
  y: number;
  width: number;
  height: number;
  /** the field filled into the box; none for boxes the visitor writes in (署名) */
  field?: { name: string; source: DocumentSource; font: FontRole; size?: number };
}

export interface DefaultForm {
  key: string;
  name: string;
  title: string;
  /** printed under the title: who receives it */
  addressee: string;
  boxes: readonly FormBox[];
}

/** 届出日・異動日・届出の種類: the first row of every notification form. */
const notificationRow = row(40, 16, [
  { label: "届出日", width: third, field: f("notifiedOn", "today.wareki") },
  { label: "異動日", width: third, field: f("occurredOn", "case.occurredOn.wareki") },
  { label: "届出の種類", width: third, field: f("kind", "case.residenceChangeType") },
]);

/** 届出の種類・手続き and the insured person: the top of every insurance 異動届. */
const insuredHeader = (procedureLabel: string) => [
  ...notificationRow,
  ...row(56, 16, [{ label: procedureLabel, width: full, field: f("procedure", "case.procedureName") }]),
  ...row(72, 16, [{ label: "フリガナ", width: full, field: f("nameKana", "person.nameKana") }]),
  ...row(88, 18, [
    { label: "被保険者の氏名", width: half, field: f("name", "person.name", "name", 14) },
    { label: "生年月日", width: third, field: f("birthDate", "person.birthDate.wareki") },
    { label: "性別", width: full - half - third, field: f("sex", "person.sex") },
  ]),
];

/** The new and the former address of a move, from y = 106. */
const movedAddresses = [
  ...row(106, 20, [{ label: "新しい住所", width: full, field: f("newAddress", "case.newAddress", "name") }]),
  ...row(126, 20, [
    { label: "今までの住所", width: full, field: f("oldAddress", "case.oldAddress", "name") },
  ]),
];

/** Who notifies, and the case number beside their signature: the bottom of every insurance 異動届. */
const notifierRows = (y: number) => [
  ...row(y, 16, [
    { label: "届出人の氏名", width: third, field: f("visitorName", "visitor.name", "name") },
    { label: "被保険者との関係", width: third, field: f("visitorRelation", "visitor.relation") },
    { label: "電話番号", width: third, field: f("visitorPhone", "visitor.phone") },
  ]),
  ...row(y + 16, 16, [
    { label: "受付番号", width: half, field: f("caseId", "case.id") },
    { label: "届出人の署名", width: half },
  ]),
];

export const defaultForms: readonly DefaultForm[] = [
  {
    key: "resident-move-notice",
    name: "住民異動届",
    title: "住　民　異　動　届",
    addressee: "出雲市長　あて",
    boxes: [
      ...notificationRow,
      ...row(56, 20, [
        { label: "新しい住所", width: full, field: f("newAddress", "case.newAddress", "name") },
      ]),
      ...row(76, 20, [
        { label: "今までの住所", width: full, field: f("oldAddress", "case.oldAddress", "name") },
      ]),
      ...row(96, 16, [
        { label: "世帯主", width: half, field: f("householdHead", "person.householdHead", "name") },
        { label: "受付番号", width: half, field: f("caseId", "case.id") },
      ]),
      ...row(112, 40, [
        { label: "異動する人", width: full, field: f("movingMembers", "case.movingMembers", "name") },
      ]),
      ...row(152, 16, [
        { label: "届出人の氏名", width: third, field: f("visitorName", "visitor.name", "name") },
        { label: "異動する人との関係", width: third, field: f("visitorRelation", "visitor.relation") },
        { label: "電話番号", width: third, field: f("visitorPhone", "visitor.phone") },
      ]),
      ...row(168, 20, [
        { label: "届出人の住所", width: full, field: f("visitorAddress", "visitor.address", "name") },
      ]),
      ...row(188, 16, [
        {
          label: "マイナンバーカードによる転出",
          width: half,
          field: f("cardBasedMoveOut", "answer:cardBasedMoveOut"),
        },
        { label: "届出人の署名", width: half },
      ]),
    ],
  },
  {
    key: "nhi-change-notice",
    name: "国民健康保険 異動届",
    title: "国民健康保険　異動届",
    addressee: "出雲市長　あて",
    boxes: [
      ...insuredHeader("手続き"),
      ...row(106, 20, [{ label: "住所", width: full, field: f("address", "person.address", "name") }]),
      ...row(126, 16, [
        { label: "世帯主", width: half, field: f("householdHead", "person.householdHead", "name") },
        { label: "続柄", width: half, field: f("relationship", "person.relationship") },
      ]),
      ...notifierRows(142),
    ],
  },
  {
    key: "seal-registration-application",
    name: "印鑑登録申請書",
    title: "印　鑑　登　録　申　請　書",
    addressee: "出雲市長　あて",
    boxes: [
      ...row(40, 16, [
        { label: "申請日", width: half, field: f("appliedOn", "today.wareki") },
        { label: "受付番号", width: half, field: f("caseId", "case.id") },
      ]),
      ...row(56, 16, [{ label: "フリガナ", width: full, field: f("nameKana", "person.nameKana") }]),
      ...row(72, 18, [
        { label: "登録する人の氏名", width: half, field: f("name", "person.name", "name", 14) },
        { label: "生年月日", width: third, field: f("birthDate", "person.birthDate.wareki") },
        { label: "性別", width: full - half - third, field: f("sex", "person.sex") },
      ]),
      ...row(90, 20, [{ label: "住所", width: full, field: f("address", "person.address", "name") }]),
      ...row(110, 16, [
        {
          label: "顔写真付きの本人確認書類",
          width: full,
          field: f("photoId", "answer:sealPhotoId"),
        },
      ]),
      // The seal is pressed by hand; the box stays empty.
      ...row(126, 50, [
        { label: "登録する印鑑（枠内に押印）", width: half },
        { label: "申請者の署名", width: half },
      ]),
      ...row(176, 16, [
        { label: "代理人の氏名", width: half, field: f("visitorName", "visitor.name", "name") },
        { label: "本人との関係", width: half, field: f("visitorRelation", "visitor.relation") },
      ]),
    ],
  },
  {
    key: "child-allowance-claim-form",
    name: "児童手当 認定請求書",
    title: "児童手当　認定請求書",
    addressee: "出雲市長　あて",
    boxes: [
      ...row(40, 16, [
        { label: "請求日", width: half, field: f("claimedOn", "today.wareki") },
        { label: "受付番号", width: half, field: f("caseId", "case.id") },
      ]),
      ...row(56, 16, [{ label: "請求者のフリガナ", width: full, field: f("nameKana", "person.nameKana") }]),
      ...row(72, 18, [
        { label: "請求者の氏名", width: half, field: f("name", "person.name", "name", 14) },
        { label: "生年月日", width: third, field: f("birthDate", "person.birthDate.wareki") },
        { label: "性別", width: full - half - third, field: f("sex", "person.sex") },
      ]),
      ...row(90, 20, [{ label: "住所", width: full, field: f("address", "person.address", "name") }]),
      ...row(110, 16, [
        { label: "公務員ですか", width: half, field: f("publicServant", "answer:publicServant") },
        { label: "電話番号", width: half, field: f("phone", "visitor.phone") },
      ]),
      ...row(126, 40, [
        {
          label: "転入・出生した方（児童を含む世帯員）",
          width: full,
          field: f("children", "case.movingMembers", "name"),
        },
      ]),
      ...row(166, 24, [{ label: "振込先口座（金融機関・支店・口座番号）", width: full }]),
      ...row(190, 16, [{ label: "請求者の署名", width: full }]),
    ],
  },
  {
    key: "child-allowance-end-notice",
    name: "児童手当 受給事由消滅届",
    title: "児童手当　受給事由消滅届",
    addressee: "出雲市長　あて",
    boxes: [
      ...row(40, 16, [
        { label: "届出日", width: third, field: f("notifiedOn", "today.wareki") },
        { label: "消滅した日", width: third, field: f("occurredOn", "case.occurredOn.wareki") },
        { label: "消滅の理由", width: third, field: f("reason", "case.residenceChangeType") },
      ]),
      ...row(56, 18, [
        { label: "受給者の氏名", width: half, field: f("name", "person.name", "name", 14) },
        { label: "生年月日", width: half, field: f("birthDate", "person.birthDate.wareki") },
      ]),
      ...row(74, 20, [
        { label: "消滅前の住所", width: full, field: f("oldAddress", "case.oldAddress", "name") },
      ]),
      ...row(94, 20, [
        { label: "新しい住所（転出先）", width: full, field: f("newAddress", "case.newAddress", "name") },
      ]),
      ...row(114, 16, [
        { label: "届出人の氏名", width: half, field: f("visitorName", "visitor.name", "name") },
        { label: "受付番号", width: half, field: f("caseId", "case.id") },
      ]),
      ...row(130, 16, [{ label: "届出人の署名", width: full }]),
    ],
  },
  {
    key: "late-elderly-change-notice",
    name: "後期高齢者医療 異動届",
    title: "後期高齢者医療　異動届",
    addressee: "島根県後期高齢者医療広域連合長　出雲市長　あて",
    boxes: [
      ...insuredHeader("手続き"),
      ...movedAddresses,
      ...row(146, 16, [
        {
          label: "障がいによる認定",
          width: half,
          field: f("disability", "answer:hasDisabilityHandbook"),
        },
        { label: "世帯主", width: half, field: f("householdHead", "person.householdHead", "name") },
      ]),
      ...notifierRows(162),
    ],
  },
  {
    key: "ltc-change-notice",
    name: "介護保険 資格取得・喪失届",
    title: "介護保険　資格取得・喪失届",
    addressee: "出雲市長　あて",
    boxes: [
      ...insuredHeader("届出の内容"),
      ...movedAddresses,
      ...row(146, 16, [
        {
          label: "転入前の市町村での要介護認定",
          width: full,
          field: f("certifiedElsewhere", "answer:careCertifiedElsewhere"),
        },
      ]),
      ...notifierRows(162),
    ],
  },
  ...serviceForms,
];

/** The template fields of a default form: one per box that has one, inside it below the label. */
export function defaultFormFields(form: DefaultForm): TemplateField[] {
  return form.boxes.flatMap((box) =>
    box.field
      ? [
          {
            name: box.field.name,
            label: box.label,
            page: 1,
            x: box.x + 2,
            y: box.y + 5,
            width: box.width - 4,
            height: box.height - 6,
            font: box.field.font,
            size: box.field.size ?? 11,
            align: "left" as const,
            source: box.field.source,
            text: "",
          },
        ]
      : [],
  );
}
