import { type ResidenceChangeType, residenceChangeTypeLabels } from "../cases/residence-change.ts";
import { type VisitorRelation, visitorRelationLabels } from "../cases/schemas.ts";
import { choicesOf, type QuestionDefinition } from "../catalog/questions.ts";
import { formatWareki } from "../common/wareki.ts";
import { sexLabels } from "../registry/codes.ts";
import { answerKeyOf, type DocumentSource, type TemplateField } from "./template.ts";

/**
 * Binding: the data of one document (its person, the case, the visitor, the answers, today) turned
 * into the text of each field. Pure, so what a form prints can be tested without a PDF, and the
 * result is what the printed document stores: a reprint draws these strings again, not the data.
 */

/**
 * An address as the masking policy let it out (server `shownAddress`): text, or masked with no
 * text. `ownerId` is the person whose protection governs it, so a reprint can ask again.
 */
export interface AddressValue {
  text: string | null;
  masked: boolean;
  ownerId: string | null;
}

/** What a masked address prints as: staff see it was left out on purpose, the reader learns nothing. */
export const maskedAddressText = "（支援措置のため記載しません）";

export interface DocumentPerson {
  id: string | null;
  name: string;
  nameKana: string;
  birthDate: string | null;
  sex: "male" | "female" | null;
  address: AddressValue;
  householdHeadId: string | null;
  householdHeadName: string | null;
  relationship: string | null;
}

export interface DocumentVisitor extends DocumentPerson {
  phone: string;
  relation: VisitorRelation;
}

export interface DocumentResidenceChange {
  kind: ResidenceChangeType;
  occurredOn: string;
  movingMembers: readonly string[];
  /** register ids of the moving members (newcomers have none) */
  movingMemberIds: readonly string[];
  newAddress: AddressValue | null;
  oldAddress: AddressValue | null;
}

export interface DocumentData {
  /** ISO date the document is printed (Japan) */
  today: string;
  caseId: number;
  person: DocumentPerson | null;
  visitor: DocumentVisitor | null;
  residenceChange: DocumentResidenceChange | null;
  procedureName: string | null;
  /** navigation answers as they print (see answerText) */
  answers: Readonly<Record<string, string>>;
}

const western = (iso: string | null) => {
  if (!iso) return "";
  const [y, m, d] = iso.split("-").map(Number);
  return `${y}年${m}月${d}日`;
};
const wareki = (iso: string | null) => (iso ? formatWareki(iso) : "");
const address = (a: AddressValue | null | undefined) =>
  !a ? "" : a.masked ? maskedAddressText : (a.text ?? "");

function personValue(p: DocumentPerson | null, field: string): string {
  if (!p) return "";
  switch (field) {
    case "name":
      return p.name;
    case "nameKana":
      return p.nameKana;
    case "birthDate.wareki":
      return wareki(p.birthDate);
    case "birthDate.western":
      return western(p.birthDate);
    case "sex":
      return p.sex ? sexLabels[p.sex] : "";
    case "address":
      return address(p.address);
    case "householdHead":
      return p.householdHeadName ?? "";
    case "relationship":
      return p.relationship ?? "";
    default:
      return "";
  }
}

function sourceValue(source: DocumentSource, field: TemplateField, data: DocumentData): string {
  const answerKey = answerKeyOf(source);
  if (answerKey !== null) return data.answers[answerKey] ?? "";
  const n = data.residenceChange;
  switch (source) {
    case "fixed":
      return field.text;
    case "today.wareki":
      return formatWareki(data.today);
    case "today.western":
      return western(data.today);
    case "case.id":
      return String(data.caseId);
    case "case.residenceChangeType":
      return n ? residenceChangeTypeLabels[n.kind] : "";
    case "case.occurredOn.wareki":
      return wareki(n?.occurredOn ?? null);
    case "case.occurredOn.western":
      return western(n?.occurredOn ?? null);
    case "case.movingMembers":
      return n ? n.movingMembers.join("、") : "";
    case "case.newAddress":
      return address(n?.newAddress);
    case "case.oldAddress":
      return address(n?.oldAddress);
    case "case.procedureName":
      return data.procedureName ?? "";
    case "visitor.phone":
      return data.visitor?.phone ?? "";
    case "visitor.relation":
      return data.visitor ? visitorRelationLabels[data.visitor.relation] : "";
  }
  if (source.startsWith("person.")) return personValue(data.person, source.slice("person.".length));
  if (source.startsWith("visitor.")) return personValue(data.visitor, source.slice("visitor.".length));
  return "";
}

/** The text of every field, by field name; missing data gives an empty field, never a guess. */
export function bindFields(
  template: { fields: readonly TemplateField[] },
  data: DocumentData,
): Record<string, string> {
  return Object.fromEntries(template.fields.map((f) => [f.name, sourceValue(f.source, f, data)]));
}

/**
 * For each field that prints an address, the person whose protection governs it (a household's
 * address: its head). A reprint masks such a field again when the one reprinting may not see it.
 */
export function addressOwners(
  template: { fields: readonly TemplateField[] },
  data: DocumentData,
): Record<string, string> {
  const owners: Record<string, string> = {};
  for (const f of template.fields) {
    const a =
      f.source === "person.address"
        ? data.person?.address
        : f.source === "visitor.address"
          ? data.visitor?.address
          : f.source === "case.newAddress"
            ? data.residenceChange?.newAddress
            : f.source === "case.oldAddress"
              ? data.residenceChange?.oldAddress
              : undefined;
    if (a?.ownerId) owners[f.name] = a.ownerId;
  }
  return owners;
}

/** A navigation answer as a form prints it: a choice's label, a date in 和暦, else as given. */
export function answerText(
  question: Pick<QuestionDefinition, "answerKind" | "choices"> | undefined,
  value: string,
): string {
  if (!question) return value;
  if (question.answerKind === "date" && /^\d{4}-\d{2}-\d{2}$/.test(value)) return formatWareki(value);
  return choicesOf(question).find((c) => c.value === value)?.label ?? value;
}

/** The register persons whose data a document prints, for the audit log and the print history. */
export function personsOn(
  template: { fields: readonly TemplateField[] },
  data: DocumentData,
  values: Readonly<Record<string, string>>,
): string[] {
  const ids = new Set<string>();
  const add = (id: string | null | undefined) => {
    if (id) ids.add(id);
  };
  for (const f of template.fields) {
    if (!values[f.name]) continue;
    if (f.source === "person.householdHead") add(data.person?.householdHeadId);
    else if (f.source.startsWith("person.")) add(data.person?.id);
    else if (f.source.startsWith("visitor.")) add(data.visitor?.id);
    else if (f.source === "case.movingMembers")
      for (const id of data.residenceChange?.movingMemberIds ?? []) add(id);
  }
  for (const owner of Object.values(addressOwners(template, data))) add(owner);
  return [...ids];
}
