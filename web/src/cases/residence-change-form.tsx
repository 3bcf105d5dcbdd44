import {
  type ResidenceChangeType,
  residenceChangeTypeLabels,
  residenceChangeTypes,
} from "@ichimado/core/cases/residence-change";
import type { CaseDetail } from "@ichimado/core/cases/schemas";
import { type FormEvent, useId, useState } from "react";
import { primaryButton } from "../app/ui.tsx";
import { CityAddressFields, MoveInFields, OutsideAddressField } from "./address-fields.tsx";
import { useAddResidenceChange } from "./api.ts";
import { dateHint, SelectInput, TextArea, TextInput } from "./fields.tsx";
import { ErrorSummary, type Issue, issueAt, issuesOf } from "./form-errors.tsx";
import {
  HouseholdState,
  householdChoices,
  MovingMembers,
  NewHeadSelect,
  NewHouseholdHeadSelect,
  needsNewHead,
  useHousehold,
} from "./household-fields.tsx";
import { NewPersonsFields } from "./new-persons-fields.tsx";
import { emptyDraft, kindFields, type ResidenceChangeDraft, toRequest } from "./residence-change-draft.ts";
import { SectionForm } from "./section.tsx";

const occurredLabels: Partial<Record<ResidenceChangeType, string>> = {
  moveIn: "転入した日",
  moveOut: "転出予定日",
  moveWithin: "転居した日",
  birth: "生まれた日",
  death: "死亡した日",
};

/**
 * One 住民異動届. The fields follow the kind; the household's members come from the register. The
 * server checks the whole 住民異動届 against the household and names each field it refuses.
 */
export function ResidenceChangeForm({
  caseId,
  subjects,
  onTaken,
}: {
  caseId: number;
  subjects: CaseDetail["subjects"];
  onTaken: (message: string) => void;
}) {
  const id = useId();
  const fieldId = (path: string) => `${id}-${path}`;
  const take = useAddResidenceChange(caseId);
  const [draft, setDraft] = useState(emptyDraft);
  const [local, setLocal] = useState<Issue[]>([]);
  const issues = local.length > 0 ? local : issuesOf(take.error);
  const set = <K extends keyof ResidenceChangeDraft>(key: K, value: ResidenceChangeDraft[K]) =>
    setDraft((d) => ({ ...d, [key]: value }));

  const fields = kindFields[draft.kind];
  const households = householdChoices(subjects);
  const { household, query, anchor } = useHousehold(draft.householdId);
  const showNewHead =
    Boolean(draft.householdId) && (needsNewHead(draft, household) || Boolean(issueAt(issues, "newHeadId")));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (take.isPending) return;
    const request = toRequest(draft, { newHead: showNewHead });
    if (!request.ok) {
      setLocal(request.issues);
      return;
    }
    setLocal([]);
    take.mutate(request.body, {
      onSuccess: ({ derived }) => {
        const label = residenceChangeTypeLabels[draft.kind];
        onTaken(`${label}の届出を受け付けました。手続き ${derived} 件を手続き一覧に追加しました`);
        setDraft(emptyDraft());
      },
    });
  };

  return (
    <SectionForm id={id} title="届出の入力" onSubmit={submit}>
      <ErrorSummary error={take.error} local={local} fieldId={fieldId} />
      <div className="grid grid-cols-1 items-start gap-4 md:grid-cols-3">
        <SelectInput
          id={fieldId("kind")}
          label="届出の種類"
          value={draft.kind}
          error={issueAt(issues, "kind")}
          onChange={(e) => set("kind", e.currentTarget.value as ResidenceChangeType)}
        >
          {residenceChangeTypes.map((k) => (
            <option key={k} value={k}>
              {residenceChangeTypeLabels[k]}
            </option>
          ))}
        </SelectInput>
        <SelectInput
          id={fieldId("householdId")}
          label={fields.household === "optional" ? "世帯 (既存の世帯に入る場合)" : "世帯"}
          hint={households.length === 0 ? "申請対象者を追加すると、その世帯を選べます" : undefined}
          value={draft.householdId}
          error={issueAt(issues, "householdId")}
          onChange={(e) => {
            const householdId = e.currentTarget.value;
            setDraft((d) => ({
              ...d,
              householdId,
              movingPersonIds: [],
              newHeadId: "",
              newHouseholdHeadId: "",
            }));
          }}
        >
          <option value="">{fields.household === "optional" ? "なし" : "選んでください"}</option>
          {households.map((h) => (
            <option key={h.id} value={h.id}>
              {h.label}
            </option>
          ))}
        </SelectInput>
        <TextInput
          id={fieldId("occurredOn")}
          label={occurredLabels[draft.kind] ?? "異動日"}
          hint={dateHint}
          value={draft.occurredOn}
          error={issueAt(issues, "occurredOn")}
          onChange={(e) => set("occurredOn", e.currentTarget.value)}
        />
      </div>
      <HouseholdState query={query} anchor={anchor} />
      {fields.members && household && (
        <MovingMembers
          fieldId={fieldId}
          kind={draft.kind}
          household={household}
          chosen={draft.movingPersonIds}
          error={issueAt(issues, "movingPersonIds")}
          onChange={(ids) => set("movingPersonIds", ids)}
        />
      )}
      {fields.members && !household && issueAt(issues, "movingPersonIds") && (
        <p className="text-dns-16N-130 text-error-2">{issueAt(issues, "movingPersonIds")}</p>
      )}
      {showNewHead && (
        <NewHeadSelect
          fieldId={fieldId}
          draft={draft}
          household={household}
          error={issueAt(issues, "newHeadId")}
          onChange={(v) => set("newHeadId", v)}
        />
      )}
      {fields.newHouseholdHead && household && draft.movingPersonIds.length >= 2 && (
        <NewHouseholdHeadSelect
          fieldId={fieldId}
          draft={draft}
          household={household}
          error={issueAt(issues, "newHouseholdHeadId")}
          onChange={(v) => set("newHouseholdHeadId", v)}
        />
      )}
      {fields.targetHousehold && (
        <SelectInput
          id={fieldId("targetHouseholdId")}
          label="合併先の世帯"
          hint="合併先の世帯の人を申請対象者に加えると選べます"
          value={draft.targetHouseholdId}
          error={issueAt(issues, "targetHouseholdId")}
          onChange={(e) => set("targetHouseholdId", e.currentTarget.value)}
        >
          <option value="">選んでください</option>
          {households
            .filter((h) => h.id !== draft.householdId)
            .map((h) => (
              <option key={h.id} value={h.id}>
                {h.label}
              </option>
            ))}
        </SelectInput>
      )}
      {fields.moveIn && <MoveInFields fieldId={fieldId} draft={draft} issues={issues} set={set} />}
      {fields.outsideAddress && (
        <OutsideAddressField
          fieldId={fieldId}
          draft={draft}
          issues={issues}
          set={set}
          label={fields.outsideAddress}
        />
      )}
      {fields.cityAddress && (
        <CityAddressFields
          fieldId={fieldId}
          draft={draft}
          issues={issues}
          set={set}
          legend={fields.cityAddress}
        />
      )}
      {fields.newPersons && (
        <NewPersonsFields
          fieldId={fieldId}
          persons={draft.newPersons}
          issues={issues}
          birth={draft.kind === "birth"}
          onChange={(persons) => set("newPersons", persons)}
        />
      )}
      <TextArea
        id={fieldId("note")}
        label="届出の備考"
        value={draft.note}
        error={issueAt(issues, "note")}
        onChange={(e) => set("note", e.currentTarget.value)}
      />
      <div>
        <button type="submit" aria-disabled={take.isPending || undefined} className={primaryButton}>
          届出を受け付ける
        </button>
      </div>
    </SectionForm>
  );
}
