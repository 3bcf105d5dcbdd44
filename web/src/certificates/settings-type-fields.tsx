import {
  certificateGroupLabels,
  certificateGroups,
  type FeeRule,
  requesterKindLabels,
  requesterKinds,
} from "@ichimado/core/certificates/schemas";
import { SelectInput, TextArea, TextInput } from "../cases/fields.tsx";
import { type Issue, issueAt } from "../cases/form-errors.tsx";
import { CheckGroup } from "../catalog/check-group.tsx";
import type { TypeDraft } from "./settings-draft.ts";
import { KeyField } from "./settings-key-field.tsx";
import { OptionList } from "./settings-options.tsx";
import { ProcedureSelect } from "./settings-procedure.tsx";

const feeKindLabels: Record<FeeRule["kind"], string> = {
  perCopy: "1通ごと",
  perPeriod: "1年度（税目）ごと",
  parcels: "筆数・棟数による（固定資産）",
};

const requesterOptions = requesterKinds.map((k) => ({ value: k, label: requesterKindLabels[k] }));

/**
 * One certificate type's editor: its name, group and catalog procedure, the fee rule with the
 * amounts its kind needs, the limits of one request line, who may ask for it, its 記載事項 and who
 * may not have each, and what staff are told at the counter. Each field's id is its path in the
 * settings, so the server's problems land on it.
 */
export function TypeFields({
  index,
  draft,
  fieldId,
  issues,
  onChange,
}: {
  index: number;
  draft: TypeDraft;
  fieldId: (path: string) => string;
  issues: readonly Issue[];
  onChange: (change: Partial<TypeDraft>) => void;
}) {
  const field = (name: string) => {
    const path = `types.${index}.${name}`;
    return { id: fieldId(path), error: issueAt(issues, path) };
  };
  const number = { inputMode: "numeric" } as const;
  return (
    <div className="flex flex-col gap-4">
      <div className="grid grid-cols-1 items-start gap-4 md:grid-cols-2">
        {/* a saved type's key is in its table row */}
        {draft.isNew && (
          <KeyField
            {...field("key")}
            isNew={draft.isNew}
            label="キー"
            hint="英小文字・数字・ハイフン（例: certificate-dog）"
            value={draft.key}
            onChange={(key) => onChange({ key })}
          />
        )}
        <TextInput
          {...field("name")}
          label="名称"
          value={draft.name}
          onChange={(e) => onChange({ name: e.currentTarget.value })}
        />
        <SelectInput
          {...field("group")}
          label="分類"
          hint="免除がどの証明書に及ぶかは分類で決まります"
          value={draft.group}
          onChange={(e) => onChange({ group: e.currentTarget.value as TypeDraft["group"] })}
        >
          {certificateGroups.map((g) => (
            <option key={g} value={g}>
              {certificateGroupLabels[g]}
            </option>
          ))}
        </SelectInput>
        <ProcedureSelect
          {...field("procedureKey")}
          value={draft.procedureKey}
          onChange={(procedureKey) => onChange({ procedureKey })}
        />
      </div>
      <fieldset className="flex flex-col gap-4">
        <legend className="text-std-18B-160">手数料</legend>
        <div className="grid grid-cols-1 items-start gap-4 md:grid-cols-2">
          <SelectInput
            {...field("fee.kind")}
            label="手数料の計算方法"
            value={draft.feeKind}
            onChange={(e) => onChange({ feeKind: e.currentTarget.value as TypeDraft["feeKind"] })}
          >
            {Object.entries(feeKindLabels).map(([kind, label]) => (
              <option key={kind} value={kind}>
                {label}
              </option>
            ))}
          </SelectInput>
          {draft.feeKind === "parcels" ? (
            <>
              <TextInput
                {...field("fee.base")}
                {...number}
                label="基本の手数料（円）"
                value={draft.base}
                onChange={(e) => onChange({ base: e.currentTarget.value })}
              />
              <TextInput
                {...field("fee.includedParcels")}
                {...number}
                label="基本の手数料に含む筆数・棟数"
                value={draft.includedParcels}
                onChange={(e) => onChange({ includedParcels: e.currentTarget.value })}
              />
              <TextInput
                {...field("fee.perExtraParcel")}
                {...number}
                label="超える1筆・棟ごとの手数料（円）"
                value={draft.perExtraParcel}
                onChange={(e) => onChange({ perExtraParcel: e.currentTarget.value })}
              />
            </>
          ) : (
            <TextInput
              {...field("fee.amount")}
              {...number}
              label={
                draft.feeKind === "perPeriod" ? "1年度（税目）あたりの手数料（円）" : "1通の手数料（円）"
              }
              value={draft.amount}
              onChange={(e) => onChange({ amount: e.currentTarget.value })}
            />
          )}
          <TextInput
            {...field("maxCopies")}
            {...number}
            label="1件で請求できる通数"
            value={draft.maxCopies}
            onChange={(e) => onChange({ maxCopies: e.currentTarget.value })}
          />
          <TextInput
            {...field("maxPeriods")}
            {...number}
            label="1件で請求できる年度数"
            hint="年度（税目）ごとの手数料のときに使います"
            value={draft.maxPeriods}
            onChange={(e) => onChange({ maxPeriods: e.currentTarget.value })}
          />
        </div>
      </fieldset>
      <CheckGroup
        id={fieldId(`types.${index}.requesters`)}
        legend="請求できる人"
        options={requesterOptions}
        chosen={draft.requesters}
        error={issueAt(issues, `types.${index}.requesters`)}
        onChange={(requesters) => onChange({ requesters })}
      />
      <OptionList
        typeIndex={index}
        typeName={draft.name.trim() || "（名称未入力）"}
        options={draft.options}
        issues={issues}
        fieldId={fieldId}
        onChange={(options) => onChange({ options })}
      />
      <TextInput
        {...field("legalBasis")}
        label="法令（根拠法と条）"
        value={draft.legalBasis}
        onChange={(e) => onChange({ legalBasis: e.currentTarget.value })}
      />
      <TextArea
        {...field("guidance")}
        label="案内・注意事項"
        hint="受付の画面で請求の横に出ます（500文字以内）"
        rows={4}
        value={draft.guidance}
        onChange={(e) => onChange({ guidance: e.currentTarget.value })}
      />
    </div>
  );
}
