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

const left = 15;
const full = 180;
const half = full / 2;
const third = full / 3;

/** A row of boxes of the given widths (mm), starting at the left margin. */
function row(
  y: number,
  height: number,
  cells: readonly (Omit<FormBox, "x" | "y" | "height"> & {})[],
): FormBox[] {
  let x = left;
  return cells.map((cell) => {
    const box = { ...cell, x, y, height };
    x += cell.width;
    return box;
  });
}

const f = (name: string, source: DocumentSource, font: FontRole = "body", size?: number) => ({
  name,
  source,
  font,
  ...(size ? { size } : {}),
});

/** 届出日・異動日・届出の種類: the first row of every notification form. */
const notificationRow = row(40, 16, [
  { label: "届出日", width: third, field: f("notifiedOn", "today.wareki") },
  { label: "異動日", width: third, field: f("occurredOn", "case.occurredOn.wareki") },
  { label: "届出の種類", width: third, field: f("kind", "case.residenceChangeType") },
]);

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
      ...notificationRow,
      ...row(56, 16, [{ label: "手続き", width: full, field: f("procedure", "case.procedureName") }]),
      ...row(72, 16, [{ label: "フリガナ", width: full, field: f("nameKana", "person.nameKana") }]),
      ...row(88, 18, [
        { label: "被保険者の氏名", width: half, field: f("name", "person.name", "name", 14) },
        { label: "生年月日", width: third, field: f("birthDate", "person.birthDate.wareki") },
        { label: "性別", width: full - half - third, field: f("sex", "person.sex") },
      ]),
      ...row(106, 20, [{ label: "住所", width: full, field: f("address", "person.address", "name") }]),
      ...row(126, 16, [
        { label: "世帯主", width: half, field: f("householdHead", "person.householdHead", "name") },
        { label: "続柄", width: half, field: f("relationship", "person.relationship") },
      ]),
      ...row(142, 16, [
        { label: "届出人の氏名", width: third, field: f("visitorName", "visitor.name", "name") },
        { label: "被保険者との関係", width: third, field: f("visitorRelation", "visitor.relation") },
        { label: "電話番号", width: third, field: f("visitorPhone", "visitor.phone") },
      ]),
      ...row(158, 16, [
        { label: "受付番号", width: half, field: f("caseId", "case.id") },
        { label: "届出人の署名", width: half },
      ]),
    ],
  },
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
