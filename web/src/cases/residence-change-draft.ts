import type { MoveInOrigin, ResidenceChangeType } from "@ichimado/core/cases/residence-change";
import type { ResidenceChangeRequest } from "./api.ts";
import { readDate, todayIso } from "./fields.tsx";
import type { Issue } from "./form-errors.tsx";

export interface NewPersonDraft {
  /** React's key only: rows are added and removed */
  key: number;
  name: string;
  nameKana: string;
  birthDate: string;
  sex: "" | "male" | "female";
  relationship: string;
  foreign: boolean;
}

/** The 住民異動届 form as staff fill it: text as typed, every kind's fields kept while the kind changes. */
export interface ResidenceChangeDraft {
  kind: ResidenceChangeType;
  householdId: string;
  occurredOn: string;
  movingPersonIds: string[];
  newHeadId: string;
  newHouseholdHeadId: string;
  targetHouseholdId: string;
  townCode: string;
  lot: string;
  katagaki: string;
  outsideAddress: string;
  origin: MoveInOrigin | "";
  certificateIssuedOn: string;
  certificateMunicipality: string;
  certificateCardBased: boolean;
  newPersons: NewPersonDraft[];
  note: string;
}

export const emptyDraft = (): ResidenceChangeDraft => ({
  kind: "moveOut",
  householdId: "",
  occurredOn: todayIso(),
  movingPersonIds: [],
  newHeadId: "",
  newHouseholdHeadId: "",
  targetHouseholdId: "",
  townCode: "",
  lot: "",
  katagaki: "",
  outsideAddress: "",
  origin: "",
  certificateIssuedOn: "",
  certificateMunicipality: "",
  certificateCardBased: false,
  newPersons: [],
  note: "",
});

/** Which parts of the form a kind asks for (the server's validateResidenceChange has the rules). */
export interface KindFields {
  household: "required" | "optional";
  members: boolean;
  cityAddress: string | null;
  outsideAddress: string | null;
  moveIn: boolean;
  newPersons: boolean;
  targetHousehold: boolean;
  newHouseholdHead: boolean;
}

const base: KindFields = {
  household: "required",
  members: true,
  cityAddress: null,
  outsideAddress: null,
  moveIn: false,
  newPersons: false,
  targetHousehold: false,
  newHouseholdHead: false,
};

export const kindFields: Record<ResidenceChangeType, KindFields> = {
  moveIn: {
    ...base,
    household: "optional",
    members: false,
    cityAddress: "転入先の住所",
    outsideAddress: "転入前の住所",
    moveIn: true,
    newPersons: true,
  },
  moveOut: { ...base, outsideAddress: "転出先の住所" },
  moveWithin: { ...base, cityAddress: "転居先の住所" },
  householdSplit: { ...base, cityAddress: "分離後の住所", newHouseholdHead: true },
  householdMerge: { ...base, targetHousehold: true },
  householdRecompose: base,
  headChange: { ...base, members: false },
  birth: { ...base, members: false, newPersons: true },
  death: base,
  exOfficio: { ...base, household: "optional" },
};

export const newPersonDraft = (key: number, relationship: string): NewPersonDraft => ({
  key,
  name: "",
  nameKana: "",
  birthDate: "",
  sex: "",
  relationship,
  foreign: false,
});

/**
 * The request for a draft: only the fields its kind asks for (and the heads the form shows), dates
 * read from what was typed. A date that cannot be read is reported here, by the path the server
 * would use; an empty one is sent as is, so that the server names what is missing.
 */
export function toRequest(
  draft: ResidenceChangeDraft,
  shown: { newHead: boolean },
): { ok: true; body: ResidenceChangeRequest } | { ok: false; issues: Issue[] } {
  const fields = kindFields[draft.kind];
  const issues: Issue[] = [];
  const date = (text: string, path: string): string => {
    const read = readDate(text);
    if (!read.ok) issues.push({ path, message: read.message });
    return read.ok ? (read.date ?? "") : "";
  };
  // The schema's own words; the request cannot be built without a sex.
  const sexOf = (p: NewPersonDraft, i: number): "male" | "female" => {
    if (!p.sex) issues.push({ path: `newPersons.${i}.sex`, message: "性別を選んでください" });
    return p.sex || "male";
  };
  const occurredOn = date(draft.occurredOn, "occurredOn");
  const newPersons = fields.newPersons
    ? draft.newPersons.map((p, i) => ({
        name: p.name,
        nameKana: p.nameKana,
        birthDate: date(p.birthDate, `newPersons.${i}.birthDate`),
        sex: sexOf(p, i),
        relationship: p.relationship,
        foreign: p.foreign,
      }))
    : [];
  const anyCityAddress = Boolean(draft.townCode || draft.lot.trim() || draft.katagaki.trim());
  const certificate =
    fields.moveIn && draft.origin === "otherMunicipality"
      ? {
          issuedOn: date(draft.certificateIssuedOn, "moveOutCertificate.issuedOn"),
          municipality: draft.certificateMunicipality,
          cardBased: draft.certificateCardBased,
        }
      : null;
  if (issues.length > 0) return { ok: false, issues };
  const noCertificate =
    certificate && !certificate.issuedOn && !certificate.municipality.trim() && !certificate.cardBased;
  return {
    ok: true,
    body: {
      kind: draft.kind,
      householdId: draft.householdId || null,
      occurredOn,
      movingPersonIds: fields.members ? draft.movingPersonIds : [],
      newPersons,
      newAddress:
        fields.cityAddress && anyCityAddress
          ? { townCode: draft.townCode, lot: draft.lot, katagaki: draft.katagaki }
          : null,
      outsideAddress: fields.outsideAddress && draft.outsideAddress.trim() ? draft.outsideAddress : null,
      origin: fields.moveIn && draft.origin ? draft.origin : null,
      moveOutCertificate: noCertificate ? null : certificate,
      newHeadId: shown.newHead && draft.newHeadId ? draft.newHeadId : null,
      newHouseholdHeadId:
        fields.newHouseholdHead && draft.movingPersonIds.length >= 2 && draft.newHouseholdHeadId
          ? draft.newHouseholdHeadId
          : null,
      targetHouseholdId: fields.targetHousehold && draft.targetHouseholdId ? draft.targetHouseholdId : null,
      note: draft.note,
    },
  };
}
