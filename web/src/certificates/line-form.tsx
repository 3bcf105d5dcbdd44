import type { certificateSettingsSchema } from "@ichimado/core/certificates/api";
import {
  type DraftIssue,
  emptyLineDraft,
  fiscalYearChoices,
  type LineDraft,
  lineFromDraft,
  perTaxCertificateKey,
  taxItems,
} from "@ichimado/core/certificates/intake";
import {
  type CertificateType,
  certificateGroupLabels,
  certificateGroups,
  type RequestLine,
} from "@ichimado/core/certificates/schemas";
import type { PersonSummary } from "@ichimado/core/search/schemas";
import { type FormEvent, useId, useState } from "react";
import type { z } from "zod";
import { primaryButton, secondaryButton } from "../app/ui.tsx";
import { Checkbox, FieldError, SelectInput, TextInput, todayIso } from "../cases/fields.tsx";
import { ErrorSummary, issueAt } from "../cases/form-errors.tsx";
import { personLabel } from "./persons.ts";

type Settings = z.infer<typeof certificateSettingsSchema>;

/**
 * One certificate for one person: the kind, what it shows, the 年度/税目/筆数 its fee counts, how
 * many, and what for. Checked here before it joins the request; the person stays chosen for the next.
 */
export function LineForm({
  settings,
  persons,
  initial,
  onSubmit,
  onCancel,
  title,
}: {
  title: string;
  settings: Settings;
  persons: readonly PersonSummary[];
  initial: LineDraft;
  onSubmit: (line: RequestLine) => void;
  /** present when changing a line already added */
  onCancel?: () => void;
}) {
  const id = useId();
  const fieldId = (path: string) => `${id}-${path}`;
  const [draft, setDraft] = useState(initial);
  const [issues, setIssues] = useState<DraftIssue[]>([]);
  const type = settings.types.find((t) => t.key === draft.certificateKey);
  const set = (patch: Partial<LineDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const toggle = <K extends "options" | "taxes">(key: K, value: string, on: boolean) =>
    setDraft((d) => ({ ...d, [key]: on ? [...d[key], value] : d[key].filter((v) => v !== value) }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const result = lineFromDraft(draft, type, settings.purposes);
    if (!result.ok) {
      setIssues(result.issues);
      return;
    }
    setIssues([]);
    onSubmit(result.line);
    // The next line is usually for the same person and the same purpose.
    if (!onCancel)
      setDraft({ ...emptyLineDraft(draft.personId), purpose: draft.purpose, purposeText: draft.purposeText });
  };

  return (
    <form
      onSubmit={submit}
      noValidate
      aria-labelledby={`${id}-title`}
      className="flex flex-col gap-3 rounded-8 border border-solid-gray-420 p-4"
    >
      <h3 id={`${id}-title`} className="text-std-18B-160">
        {title}
      </h3>
      <ErrorSummary error={null} local={issues} fieldId={fieldId} />
      <div className="grid gap-3 md:grid-cols-2">
        <SelectInput
          id={fieldId("personId")}
          label="対象の方"
          hint="申請対象者とその世帯員から選びます"
          value={draft.personId}
          error={issueAt(issues, "personId")}
          onChange={(e) => set({ personId: e.currentTarget.value })}
        >
          <option value="">選んでください</option>
          {persons.map((p) => (
            <option key={p.id} value={p.id}>
              {personLabel(p)}
            </option>
          ))}
        </SelectInput>
        <SelectInput
          id={fieldId("certificateKey")}
          label="証明書の種類"
          value={draft.certificateKey}
          error={issueAt(issues, "certificateKey")}
          onChange={(e) => set({ certificateKey: e.currentTarget.value, options: [] })}
        >
          <option value="">選んでください</option>
          {certificateGroups.map((group) => {
            const types = settings.types.filter((t) => t.group === group);
            return types.length === 0 ? null : (
              <optgroup key={group} label={certificateGroupLabels[group]}>
                {types.map((t) => (
                  <option key={t.key} value={t.key}>
                    {t.name}
                  </option>
                ))}
              </optgroup>
            );
          })}
        </SelectInput>
      </div>
      {type && <TypeGuidance type={type} />}
      {type && type.options.length > 0 && (
        <fieldset className="flex flex-col gap-1">
          <legend className="text-std-16B-170">記載事項</legend>
          {type.options.map((o) => (
            <Checkbox
              key={o.key}
              id={`${fieldId("options")}-${o.key}`}
              label={o.name}
              checked={draft.options.includes(o.key)}
              onChange={(on) => toggle("options", o.key, on)}
            />
          ))}
        </fieldset>
      )}
      {type?.fee.kind === "perPeriod" && (
        <YearChoice draft={draft} fieldId={fieldId} issues={issues} set={set} />
      )}
      {type?.key === perTaxCertificateKey && (
        <fieldset id={fieldId("taxes")} tabIndex={-1} className="flex flex-col gap-1">
          <legend className="text-std-16B-170">税目</legend>
          {taxItems.map((tax) => (
            <Checkbox
              key={tax}
              id={`${fieldId("taxes")}-${tax}`}
              label={tax}
              checked={draft.taxes.includes(tax)}
              onChange={(on) => toggle("taxes", tax, on)}
            />
          ))}
          <FieldError message={issueAt(issues, "taxes")} />
        </fieldset>
      )}
      <div className="grid gap-3 md:grid-cols-3">
        {type?.fee.kind === "parcels" && (
          <TextInput
            id={fieldId("parcels")}
            label="筆数・棟数"
            inputMode="numeric"
            value={draft.parcels}
            error={issueAt(issues, "parcels")}
            onChange={(e) => set({ parcels: e.currentTarget.value })}
          />
        )}
        <TextInput
          id={fieldId("quantity")}
          label="通数"
          inputMode="numeric"
          value={draft.quantity}
          error={issueAt(issues, "quantity")}
          onChange={(e) => set({ quantity: e.currentTarget.value })}
        />
      </div>
      <div className="grid gap-3 md:grid-cols-2">
        <SelectInput
          id={fieldId("purpose")}
          label="使用目的"
          value={draft.purpose}
          error={issueAt(issues, "purpose")}
          onChange={(e) => set({ purpose: e.currentTarget.value })}
        >
          <option value="">選んでください</option>
          {settings.purposes.map((p) => (
            <option key={p.key} value={p.key}>
              {p.name}
            </option>
          ))}
        </SelectInput>
        <TextInput
          id={fieldId("purposeText")}
          label="使用目的の内容・提出先"
          hint="その他を選んだときは必ず記入します"
          value={draft.purposeText}
          maxLength={200}
          error={issueAt(issues, "purposeText")}
          onChange={(e) => set({ purposeText: e.currentTarget.value })}
        />
      </div>
      <SelectInput
        id={fieldId("exemption")}
        label="手数料の免除"
        hint="年金の請求などの使用目的による免除は自動で適用されます"
        value={draft.exemption}
        onChange={(e) => set({ exemption: e.currentTarget.value })}
      >
        <option value="">なし</option>
        {settings.exemptions.map((x) => (
          <option key={x.key} value={x.key}>
            {x.name}（{x.legalBasis}）
          </option>
        ))}
      </SelectInput>
      <div className="flex flex-wrap gap-3">
        <button type="submit" className={primaryButton}>
          {onCancel ? "変更を反映" : "この証明書を追加"}
        </button>
        {onCancel && (
          <button type="button" className={secondaryButton} onClick={onCancel}>
            変更をやめる
          </button>
        )}
      </div>
    </form>
  );
}

function YearChoice({
  draft,
  fieldId,
  issues,
  set,
}: {
  draft: LineDraft;
  fieldId: (path: string) => string;
  issues: DraftIssue[];
  set: (patch: Partial<LineDraft>) => void;
}) {
  return (
    <fieldset id={fieldId("years")} tabIndex={-1} className="flex flex-col gap-1">
      <legend className="text-std-16B-170">年度</legend>
      {fiscalYearChoices(todayIso()).map((c) => (
        <Checkbox
          key={c.year}
          id={`${fieldId("years")}-${c.year}`}
          label={c.label}
          checked={draft.years.includes(c.year)}
          onChange={(on) =>
            set({ years: on ? [...draft.years, c.year] : draft.years.filter((y) => y !== c.year) })
          }
        />
      ))}
      <FieldError message={issueAt(issues, "years")} />
    </fieldset>
  );
}

/** I35: what to tell the visitor and check before issuing, and the law it rests on. */
function TypeGuidance({ type }: { type: CertificateType }) {
  if (!type.guidance && !type.legalBasis) return null;
  return (
    <aside aria-label={`${type.name}の案内`} className="rounded-8 bg-blue-50 p-3 text-dns-16N-130">
      {type.guidance && <p>{type.guidance}</p>}
      {type.legalBasis && (
        <p className="mt-1 text-dns-14N-130 text-solid-gray-700">根拠: {type.legalBasis}</p>
      )}
    </aside>
  );
}
