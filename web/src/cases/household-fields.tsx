import type { ResidenceChangeType } from "@ichimado/core/cases/residence-change";
import type { CaseDetail } from "@ichimado/core/cases/schemas";
import type { PersonSummary } from "@ichimado/core/search/schemas";
import { errorMessage } from "../app/api.ts";
import { ErrorAlert, Loading } from "../app/ui.tsx";
import { formatDate } from "../search/format.ts";
import { useHouseholdView } from "./api.ts";
import { Checkbox, FieldError, SelectInput } from "./fields.tsx";
import type { ResidenceChangeDraft } from "./residence-change-draft.ts";
import { StepButton } from "./section.tsx";

/** The households the case's subjects live in: 住民異動届 is about one of them. */
export function householdChoices(subjects: CaseDetail["subjects"]): { id: string; label: string }[] {
  const names = new Map<string, string[]>();
  for (const s of subjects) {
    const household = s.person?.householdId;
    if (s.person && household) names.set(household, [...(names.get(household) ?? []), s.person.name]);
  }
  return [...names].map(([id, members]) => ({ id, label: `世帯番号 ${id}（${members.join("、")}）` }));
}

export interface Household {
  members: PersonSummary[];
  head: PersonSummary | undefined;
}

/** The chosen household's active members, as the server reads it for the 住民異動届. */
export function useHousehold(householdId: string) {
  const query = useHouseholdView(householdId);
  const members = query.data?.members ?? [];
  const household: Household | null = query.data
    ? { members, head: members.find((m) => m.relationship === "世帯主") }
    : null;
  return { household, query, anchor: householdId };
}

const movingLabels: Partial<Record<ResidenceChangeType, string>> = {
  moveOut: "転出する人",
  moveWithin: "転居する人",
  householdSplit: "分離する人",
  householdMerge: "合併先へ移る人",
  householdRecompose: "構成が変わる人",
  death: "死亡した人",
};

const memberLabel = (m: PersonSummary) =>
  `${m.name}（${m.relationship ?? "続柄不明"}、${formatDate(m.birthDate, m.birthDateWareki)}）`;

/** Who of the household takes part: one checkbox per member, and all of them at once. */
export function MovingMembers({
  fieldId,
  kind,
  household,
  chosen,
  error,
  onChange,
}: {
  fieldId: (path: string) => string;
  kind: ResidenceChangeType;
  household: Household;
  chosen: readonly string[];
  error: string | undefined;
  onChange: (ids: string[]) => void;
}) {
  const set = new Set(chosen);
  const all = household.members.map((m) => m.id);
  return (
    <fieldset
      className="flex flex-col gap-1"
      aria-describedby={error ? fieldId("movingPersonIds-error") : undefined}
    >
      <legend className="mb-1 text-std-16B-170 text-solid-gray-800">
        {movingLabels[kind] ?? "異動する人"}
      </legend>
      {household.members.map((m, i) => (
        <Checkbox
          key={m.id}
          // The first box carries the field's id, so the error summary can bring focus here.
          id={i === 0 ? fieldId("movingPersonIds") : fieldId(`movingPersonIds-${m.id}`)}
          label={memberLabel(m)}
          checked={set.has(m.id)}
          onChange={(on) => onChange(all.filter((id) => (id === m.id ? on : set.has(id))))}
        />
      ))}
      {kind !== "death" && household.members.length > 1 && (
        <div>
          <StepButton
            pending={false}
            variant="secondary"
            onClick={() => onChange(chosen.length === all.length ? [] : all)}
          >
            {chosen.length === all.length ? "全員の選択を外す" : "世帯全員を選ぶ"}
          </StepButton>
        </div>
      )}
      <FieldError id={fieldId("movingPersonIds-error")} message={error} />
    </fieldset>
  );
}

/** Whether the form must ask who heads the household after the change (validateResidenceChange's rule). */
export function needsNewHead(draft: ResidenceChangeDraft, household: Household | null): boolean {
  if (draft.kind === "headChange") return true;
  if (!household?.head) return false;
  const moving = new Set(draft.movingPersonIds);
  const remaining = household.members.filter((m) => !moving.has(m.id));
  return moving.has(household.head.id) && remaining.length >= 2;
}

export function NewHeadSelect({
  fieldId,
  draft,
  household,
  error,
  onChange,
}: {
  fieldId: (path: string) => string;
  draft: ResidenceChangeDraft;
  household: Household | null;
  error: string | undefined;
  onChange: (id: string) => void;
}) {
  const moving = new Set(draft.movingPersonIds);
  const candidates = (household?.members ?? []).filter((m) =>
    draft.kind === "headChange" ? m.id !== household?.head?.id : !moving.has(m.id),
  );
  return (
    <SelectInput
      id={fieldId("newHeadId")}
      label="新しい世帯主"
      hint={draft.kind === "headChange" ? undefined : "世帯主が抜けた後も2人以上が残るため必要です"}
      value={draft.newHeadId}
      error={error}
      onChange={(e) => onChange(e.currentTarget.value)}
    >
      <option value="">選んでください</option>
      {candidates.map((m) => (
        <option key={m.id} value={m.id}>
          {memberLabel(m)}
        </option>
      ))}
    </SelectInput>
  );
}

export function NewHouseholdHeadSelect({
  fieldId,
  draft,
  household,
  error,
  onChange,
}: {
  fieldId: (path: string) => string;
  draft: ResidenceChangeDraft;
  household: Household;
  error: string | undefined;
  onChange: (id: string) => void;
}) {
  const moving = new Set(draft.movingPersonIds);
  return (
    <SelectInput
      id={fieldId("newHouseholdHeadId")}
      label="分離してできる世帯の世帯主"
      value={draft.newHouseholdHeadId}
      error={error}
      onChange={(e) => onChange(e.currentTarget.value)}
    >
      <option value="">選んでください</option>
      {household.members
        .filter((m) => moving.has(m.id))
        .map((m) => (
          <option key={m.id} value={m.id}>
            {memberLabel(m)}
          </option>
        ))}
    </SelectInput>
  );
}

/** Members of the chosen household, or why they cannot be shown. */
export function HouseholdState({
  query,
  anchor,
}: {
  query: ReturnType<typeof useHouseholdView>;
  anchor: string;
}) {
  if (!anchor) return null;
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorAlert message={errorMessage(query.error)} />;
  if (query.data.members.length === 0)
    return <p className="text-dns-16N-130">この世帯に在住の世帯員はいません</p>;
  return null;
}
