import type { CertificateSettingsView } from "@ichimado/core/certificates/api";
import { feeRuleText } from "@ichimado/core/certificates/fees";
import {
  type CertificateGroup,
  type CertificateOption,
  type CertificateType,
  type FeeRule,
  feeRuleSchema,
  type RequesterKind,
} from "@ichimado/core/certificates/schemas";
import {
  type CertificateSettings,
  readCertificateSettings,
  type SettingsIssue,
} from "@ichimado/core/certificates/settings";
import { typedInteger } from "@ichimado/core/common/typed";

/**
 * The settings as their editor holds them: numbers as typed, each entry with an id of its own so a
 * row keeps its inputs when another is added or removed. The check is core's, the same the server
 * makes, so what the screen accepts is what saves.
 */
export interface TypeDraft {
  id: number;
  isNew: boolean;
  key: string;
  name: string;
  group: CertificateGroup;
  /** the catalog procedure's key, or "" for none */
  procedureKey: string;
  feeKind: FeeRule["kind"];
  amount: string;
  base: string;
  includedParcels: string;
  perExtraParcel: string;
  maxCopies: string;
  maxPeriods: string;
  requesters: RequesterKind[];
  options: OptionDraft[];
  legalBasis: string;
  guidance: string;
}

/** One 記載事項: its key is typed only while new, since a 委任状 and saved requests name it by it. */
export interface OptionDraft {
  id: number;
  isNew: boolean;
  key: string;
  name: string;
  refusedTo: RequesterKind[];
  delegationMustName: boolean;
}

export interface PurposeDraft {
  id: number;
  isNew: boolean;
  key: string;
  name: string;
  /** an exemption's key, or "" for none */
  exemption: string;
}

export interface ExemptionDraft {
  id: number;
  isNew: boolean;
  key: string;
  name: string;
  legalBasis: string;
  groups: CertificateGroup[];
}

export interface SettingsDraft {
  types: TypeDraft[];
  purposes: PurposeDraft[];
  exemptions: ExemptionDraft[];
}

let nextId = 1;
const text = (n: number | undefined) => (n === undefined ? "" : String(n));

const optionDraftOf = (o: CertificateOption): OptionDraft => ({
  id: nextId++,
  isNew: false,
  ...o,
  refusedTo: [...o.refusedTo],
});

function typeDraftOf(t: CertificateType | null): TypeDraft {
  const fee = t?.fee;
  const single = fee && fee.kind !== "parcels" ? fee.amount : undefined;
  const parcels = fee?.kind === "parcels" ? fee : undefined;
  return {
    id: nextId++,
    isNew: t === null,
    key: t?.key ?? "",
    name: t?.name ?? "",
    group: t?.group ?? "other",
    procedureKey: t?.procedureKey ?? "",
    feeKind: fee?.kind ?? "perCopy",
    // A kind switched in the editor starts from the amount already there.
    amount: text(single ?? parcels?.base),
    base: text(parcels?.base ?? single),
    includedParcels: text(parcels?.includedParcels),
    perExtraParcel: text(parcels?.perExtraParcel),
    maxCopies: text(t?.maxCopies ?? 10),
    maxPeriods: text(t?.maxPeriods ?? 5),
    requesters: [...(t?.requesters ?? ["self"])],
    options: (t?.options ?? []).map(optionDraftOf),
    legalBasis: t?.legalBasis ?? "",
    guidance: t?.guidance ?? "",
  };
}

export const emptyType = () => typeDraftOf(null);
export const emptyOption = (): OptionDraft => ({
  id: nextId++,
  isNew: true,
  key: "",
  name: "",
  refusedTo: [],
  delegationMustName: false,
});
export const emptyPurpose = (): PurposeDraft => ({
  id: nextId++,
  isNew: true,
  key: "",
  name: "",
  exemption: "",
});
export const emptyExemption = (): ExemptionDraft => ({
  id: nextId++,
  isNew: true,
  key: "",
  name: "",
  legalBasis: "",
  groups: [],
});

/**
 * The editor's draft of saved settings. After a save, `saved` is the draft that was sent: entries
 * keep their ids (the list is saved in its order), so an open editor stays open and the field the
 * clerk pressed Enter in keeps the focus.
 */
export function settingsDraftOf(view: CertificateSettingsView, saved?: SettingsDraft): SettingsDraft {
  const draft: SettingsDraft = {
    types: view.types.map(typeDraftOf),
    purposes: view.purposes.map((p) => ({
      ...emptyPurpose(),
      isNew: false,
      ...p,
      exemption: p.exemption ?? "",
    })),
    exemptions: view.exemptions.map((e) => ({
      ...emptyExemption(),
      isNew: false,
      ...e,
      groups: [...e.groups],
    })),
  };
  if (!saved) return draft;
  const keep = <T extends { id: number }>(entries: T[], before: readonly { id: number }[]) =>
    entries.map((e, i) => ({ ...e, id: before[i]?.id ?? e.id }));
  return {
    types: keep(draft.types, saved.types).map((t, i) => ({
      ...t,
      options: keep(t.options, saved.types[i]?.options ?? []),
    })),
    purposes: keep(draft.purposes, saved.purposes),
    exemptions: keep(draft.exemptions, saved.exemptions),
  };
}

function feeOf(t: TypeDraft): FeeRule {
  return t.feeKind === "parcels"
    ? {
        kind: "parcels",
        base: typedInteger(t.base),
        includedParcels: typedInteger(t.includedParcels),
        perExtraParcel: typedInteger(t.perExtraParcel),
      }
    : { kind: t.feeKind, amount: typedInteger(t.amount) };
}

/** The fee as the table says it, or a note while what is typed is not yet a fee. */
export function feeText(t: TypeDraft): string {
  const fee = feeRuleSchema.safeParse(feeOf(t));
  return fee.success ? feeRuleText(fee.data) : "（金額を確認してください）";
}

function settingsOf(draft: SettingsDraft): CertificateSettings {
  return {
    types: draft.types.map((t) => ({
      key: t.key.trim(),
      name: t.name.trim(),
      group: t.group,
      procedureKey: t.procedureKey || null,
      fee: feeOf(t),
      options: t.options.map((o) => ({
        key: o.key.trim(),
        name: o.name.trim(),
        refusedTo: o.refusedTo,
        delegationMustName: o.delegationMustName,
      })),
      requesters: t.requesters,
      maxCopies: typedInteger(t.maxCopies),
      maxPeriods: typedInteger(t.maxPeriods),
      legalBasis: t.legalBasis.trim(),
      guidance: t.guidance.trim(),
    })),
    purposes: draft.purposes.map((p) => ({
      key: p.key.trim(),
      name: p.name.trim(),
      exemption: p.exemption || null,
    })),
    exemptions: draft.exemptions.map((e) => ({
      key: e.key.trim(),
      name: e.name.trim(),
      legalBasis: e.legalBasis.trim(),
      groups: e.groups,
    })),
  };
}

/** The settings to send, or every problem with the path of its field. */
export function readDraft(
  draft: SettingsDraft,
): { ok: true; settings: CertificateSettings } | { ok: false; issues: SettingsIssue[] } {
  return readCertificateSettings(settingsOf(draft));
}
