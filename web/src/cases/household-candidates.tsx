import type { CaseDetail } from "@ichimado/core/cases/schemas";
import type { PersonSummary } from "@ichimado/core/search/schemas";
import { errorMessage } from "../app/api.ts";
import { ErrorAlert } from "../app/ui.tsx";
import { useAddSubject, useHouseholdView, useSameAddress } from "./api.ts";
import { ErrorSummary } from "./form-errors.tsx";
import { StepButton } from "./section.tsx";

/**
 * D13–16: the rest of each subject's household, and other households at the same address, one key
 * press from becoming subjects too — a family's procedures are rarely one person's.
 */
export function HouseholdCandidates({
  caseId,
  detail,
  onAdded,
}: {
  caseId: number;
  detail: CaseDetail;
  onAdded: (message: string) => void;
}) {
  const anchors = new Map<string, string>();
  for (const s of detail.subjects) {
    if (s.person?.householdId && !anchors.has(s.person.householdId))
      anchors.set(s.person.householdId, s.person.id);
  }
  if (anchors.size === 0) return null;
  const taken = new Set(detail.subjects.flatMap((s) => (s.person ? [s.person.id] : [])));
  return (
    <div className="flex flex-col gap-4 border-t border-solid-gray-420 pt-4">
      <h3 className="text-std-18B-160">世帯員・同じ住所の人から追加</h3>
      {[...anchors].map(([household, personId]) => (
        <HouseholdBlock
          key={household}
          caseId={caseId}
          household={household}
          personId={personId}
          taken={taken}
          onAdded={onAdded}
        />
      ))}
    </div>
  );
}

function HouseholdBlock({
  caseId,
  household,
  personId,
  taken,
  onAdded,
}: {
  caseId: number;
  household: string;
  personId: string;
  taken: ReadonlySet<string>;
  onAdded: (message: string) => void;
}) {
  const members = useHouseholdView(household);
  const sameAddress = useSameAddress(personId);
  const add = useAddSubject(caseId);
  const button = (p: PersonSummary, where: string) => (
    <li key={p.id}>
      <StepButton
        pending={add.isPending}
        variant="secondary"
        onClick={() =>
          add.mutate({ personId: p.id }, { onSuccess: () => onAdded(`${p.name} を申請対象者に追加しました`) })
        }
      >
        {where} {p.name}（{p.relationship ?? "続柄不明"}）を追加
      </StepButton>
    </li>
  );
  const others = (members.data?.members ?? []).filter((m) => !taken.has(m.id));
  const neighbours = (sameAddress.data?.persons ?? []).filter((m) => !taken.has(m.id));
  return (
    <section aria-label={`世帯番号 ${household}`} className="flex flex-col gap-2">
      <h4 className="text-std-16B-170">世帯番号 {household}</h4>
      {members.isError && <ErrorAlert message={errorMessage(members.error)} />}
      {sameAddress.isError && <ErrorAlert message={errorMessage(sameAddress.error)} />}
      {others.length === 0 && neighbours.length === 0 ? (
        <p className="text-dns-16N-130 text-solid-gray-700">追加できる世帯員・同じ住所の人はいません</p>
      ) : (
        <ul className="flex flex-wrap gap-2">
          {others.map((m) => button(m, "世帯員"))}
          {neighbours.map((m) => button(m, `同じ住所 (世帯番号 ${m.householdId ?? "—"})`))}
        </ul>
      )}
      <ErrorSummary error={add.error} fieldId={() => ""} />
    </section>
  );
}
