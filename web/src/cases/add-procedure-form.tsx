import type { CaseDetail } from "@ichimado/core/cases/schemas";
import { type FormEvent, useId, useMemo, useState } from "react";
import { errorMessage } from "../app/api.ts";
import { ErrorAlert, primaryButton } from "../app/ui.tsx";
import { useAddProcedure, useCatalog } from "./api.ts";
import { SelectInput } from "./fields.tsx";
import { type Choice, FilterSelect } from "./filter-select.tsx";
import { ErrorSummary, type Issue, issueAt, issuesOf } from "./form-errors.tsx";
import { SectionForm } from "./section.tsx";

/** A procedure from the catalog added by hand: without a residence change, or one the rules missed. */
export function AddProcedureForm({
  caseId,
  detail,
  onAdded,
}: {
  caseId: number;
  detail: CaseDetail;
  onAdded: (message: string) => void;
}) {
  const id = useId();
  const fieldId = (path: string) => `${id}-${path}`;
  const catalog = useCatalog();
  const add = useAddProcedure(caseId);
  const [key, setKey] = useState("");
  const [personId, setPersonId] = useState("");
  const [residenceChangeId, setResidenceChangeId] = useState("");
  // A fresh combobox after each addition, so the last choice does not linger in it.
  const [round, setRound] = useState(0);
  const [local, setLocal] = useState<Issue[]>([]);
  const issues = local.length > 0 ? local : issuesOf(add.error);

  const choices = useMemo<Choice[]>(
    () =>
      (catalog.data?.procedures ?? []).map((p) => ({
        id: p.key,
        label: p.name,
        detail: `${p.programmeLabel}・${p.counterName}`,
        keywords: p.ruleText ?? "",
      })),
    [catalog.data],
  );
  const persons = detail.subjects.flatMap((s) => (s.person ? [s.person] : []));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (add.isPending) return;
    if (!key) {
      setLocal([{ path: "key", message: "追加する手続きを選んでください" }]);
      return;
    }
    setLocal([]);
    const name = choices.find((c) => c.id === key)?.label ?? "";
    add.mutate(
      {
        key,
        personId: personId || null,
        residenceChangeId: residenceChangeId ? Number(residenceChangeId) : null,
      },
      {
        onSuccess: () => {
          onAdded(`手続き「${name}」を追加しました`);
          setKey("");
          setRound((n) => n + 1);
        },
      },
    );
  };

  return (
    <SectionForm id={id} title="手続きの追加" onSubmit={submit}>
      {catalog.isError && <ErrorAlert message={errorMessage(catalog.error)} />}
      <ErrorSummary error={add.error} local={local} fieldId={fieldId} />
      <div className="grid grid-cols-1 items-start gap-4 md:grid-cols-3">
        <FilterSelect
          key={round}
          fieldId={fieldId("key")}
          label="追加する手続き"
          hint="手続き名・業務名で絞り込み"
          choices={choices}
          loading={catalog.isPending}
          value={key}
          error={issueAt(issues, "key")}
          onChange={setKey}
        />
        <SelectInput
          id={fieldId("personId")}
          label="対象者 (任意)"
          value={personId}
          error={issueAt(issues, "personId")}
          onChange={(e) => setPersonId(e.currentTarget.value)}
        >
          <option value="">指定しない (世帯)</option>
          {persons.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </SelectInput>
        <SelectInput
          id={fieldId("residenceChangeId")}
          label="関係する届出 (任意)"
          value={residenceChangeId}
          error={issueAt(issues, "residenceChangeId")}
          onChange={(e) => setResidenceChangeId(e.currentTarget.value)}
        >
          <option value="">なし</option>
          {detail.residenceChanges.map((n) => (
            <option key={n.id} value={String(n.id)}>
              {n.label}の届出（{n.input.householdId ? `世帯番号 ${n.input.householdId}` : "新しい世帯"}）
            </option>
          ))}
        </SelectInput>
      </div>
      <div>
        <button type="submit" aria-disabled={add.isPending || undefined} className={primaryButton}>
          手続きを追加
        </button>
      </div>
    </SectionForm>
  );
}
