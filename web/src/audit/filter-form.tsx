import {
  type AuditAction,
  auditActionGroups,
  auditActionLabels,
  auditOutcomeLabels,
  auditOutcomes,
} from "@ichimado/core/audit/actions";
import { type AuditFilter, officeHoursText } from "@ichimado/core/audit/filter";
import { toHalfWidth } from "@ichimado/core/common/wareki";
import { type FormEvent, useState } from "react";
import { primaryButton, secondaryButton } from "../app/ui.tsx";
import { Checkbox, SelectInput, TextInput } from "../cases/fields.tsx";
import { PeriodFields, type PeriodText, readPeriod } from "./period-fields.tsx";

interface Errors {
  personId?: string;
  from?: string;
  to?: string;
}

/** 絞り込み: staff, person, period, outcome, after hours and actions by area; sent only when valid. */
export function FilterForm({ onChoose }: { onChoose: (filter: AuditFilter) => void }) {
  const [staff, setStaff] = useState("");
  const [personId, setPersonId] = useState("");
  const [period, setPeriod] = useState<PeriodText>({ from: "", to: "" });
  const [outcome, setOutcome] = useState("");
  const [afterHours, setAfterHours] = useState(false);
  const [actions, setActions] = useState<AuditAction[]>([]);
  const [errors, setErrors] = useState<Errors>({});

  const toggle = (action: AuditAction, on: boolean) =>
    setActions((list) => (on ? [...list, action] : list.filter((a) => a !== action)));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Errors = {};
    const person = toHalfWidth(personId.trim());
    if (person && !/^\d{10}$/.test(person)) found.personId = "宛名番号は10桁の数字で入力してください";
    const read = readPeriod(period, false);
    Object.assign(found, read.errors);
    setErrors(found);
    const firstError = (["personId", "from", "to"] as const).find((k) => found[k]);
    if (firstError) {
      document.getElementById(`audit-${firstError}`)?.focus();
      return;
    }
    const filter: AuditFilter = {};
    if (staff.trim()) filter.staff = staff.trim();
    if (person) filter.personId = person;
    if (read.from) filter.from = read.from;
    if (read.to) filter.to = read.to;
    if (outcome) filter.outcome = outcome as AuditFilter["outcome"];
    if (afterHours) filter.afterHours = "true";
    if (actions.length > 0) filter.action = actions;
    onChoose(filter);
  };

  const clear = () => {
    setStaff("");
    setPersonId("");
    setPeriod({ from: "", to: "" });
    setOutcome("");
    setAfterHours(false);
    setActions([]);
    setErrors({});
    onChoose({});
  };

  return (
    <form onSubmit={submit} noValidate aria-label="監査証跡の絞り込み" className="flex flex-col gap-4">
      <div className="grid gap-4 md:grid-cols-3">
        <TextInput
          id="audit-staff"
          label="職員"
          hint="ログインID、または氏名の一部"
          value={staff}
          onChange={(e) => setStaff(e.currentTarget.value)}
        />
        <TextInput
          id="audit-personId"
          label="宛名番号"
          hint="記録が対象とした宛名（10桁）"
          inputMode="numeric"
          value={personId}
          onChange={(e) => setPersonId(e.currentTarget.value)}
          error={errors.personId}
        />
        <SelectInput
          id="audit-outcome"
          label="結果"
          value={outcome}
          onChange={(e) => setOutcome(e.currentTarget.value)}
        >
          <option value="">すべて</option>
          {auditOutcomes.map((o) => (
            <option key={o} value={o}>
              {auditOutcomeLabels[o]}
            </option>
          ))}
        </SelectInput>
        <PeriodFields
          idPrefix="audit"
          value={period}
          onChange={setPeriod}
          errors={errors}
          toHint="この日を含みます（日本時間）"
        />
        <div className="flex items-end">
          <Checkbox
            id="audit-afterHours"
            label={`時間外の記録だけ（${officeHoursText} 以外、土日・祝日・年末年始）`}
            checked={afterHours}
            onChange={setAfterHours}
          />
        </div>
      </div>
      <details className="rounded-8 border border-solid-gray-420 bg-white p-3">
        <summary className="cursor-pointer text-std-16B-170">
          操作で絞り込む{actions.length > 0 && `（${actions.length} 件選択中）`}
        </summary>
        <div className="mt-3 grid gap-4 md:grid-cols-3">
          {auditActionGroups.map((group) => (
            <fieldset key={group.label} className="flex flex-col">
              <legend className="text-std-16B-170">{group.label}</legend>
              {group.actions.map((action) => (
                <Checkbox
                  key={action}
                  id={`audit-action-${action}`}
                  label={auditActionLabels[action]}
                  checked={actions.includes(action)}
                  onChange={(on) => toggle(action, on)}
                />
              ))}
            </fieldset>
          ))}
        </div>
      </details>
      <div className="flex flex-wrap gap-3">
        <button type="submit" className={primaryButton}>
          絞り込む
        </button>
        <button type="button" className={secondaryButton} onClick={clear}>
          条件をクリア
        </button>
      </div>
    </form>
  );
}
