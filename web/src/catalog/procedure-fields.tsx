import type { CatalogView } from "@ichimado/core/catalog/admin-schemas";
import { procedureScopes } from "@ichimado/core/catalog/procedures";
import { type ProgrammeKey, programmeKeys, programmeLabels } from "@ichimado/core/programmes/programmes";
import { dateHint, SelectInput, TextArea, TextInput } from "../cases/fields.tsx";
import { type Issue, issueAt } from "../cases/form-errors.tsx";
import { CheckGroup } from "./check-group.tsx";
import { scopeLabels } from "./labels.ts";
import type { ProcedureDraft } from "./procedure-draft.ts";

/** What a procedure is, where it is taken, what staff tell the visitor and when it applies. */
export function ProcedureFields({
  fieldId,
  draft,
  isNew,
  counters,
  roles,
  issues,
  set,
}: {
  fieldId: (path: string) => string;
  draft: ProcedureDraft;
  isNew: boolean;
  counters: CatalogView["counters"];
  roles: CatalogView["roles"];
  issues: readonly Issue[];
  set: <K extends keyof ProcedureDraft>(key: K, value: ProcedureDraft[K]) => void;
}) {
  const field = (name: keyof ProcedureDraft) => ({ id: fieldId(name), error: issueAt(issues, name) });
  return (
    <>
      <fieldset className="flex flex-col gap-4">
        <legend className="text-std-20B-150">手続き</legend>
        <div className="grid grid-cols-1 items-start gap-4 md:grid-cols-2">
          {isNew && (
            <TextInput
              {...field("key")}
              label="手続きキー"
              hint="英小文字・数字・ハイフン（例: dog-move-out）。保存後は変えられません"
              value={draft.key}
              onChange={(e) => set("key", e.currentTarget.value)}
            />
          )}
          <TextInput
            {...field("name")}
            label="手続き名"
            value={draft.name}
            onChange={(e) => set("name", e.currentTarget.value)}
          />
          <SelectInput
            {...field("programme")}
            label="業務"
            value={draft.programme}
            onChange={(e) => set("programme", e.currentTarget.value as ProgrammeKey)}
          >
            <option value="">選んでください</option>
            {programmeKeys.map((p) => (
              <option key={p} value={p}>
                {programmeLabels[p]}
              </option>
            ))}
          </SelectInput>
          <SelectInput
            {...field("counterId")}
            label="担当窓口"
            hint="ほかの窓口ではこの窓口へ案内します"
            value={draft.counterId}
            onChange={(e) => set("counterId", e.currentTarget.value)}
          >
            <option value="">選んでください</option>
            {draft.counterId && !counters.some((c) => c.id === draft.counterId) && (
              <option value={draft.counterId}>{draft.counterId}（登録されていない窓口）</option>
            )}
            {counters.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </SelectInput>
          <SelectInput
            {...field("scope")}
            label="件数の単位"
            value={draft.scope}
            onChange={(e) => set("scope", e.currentTarget.value as ProcedureDraft["scope"])}
          >
            {procedureScopes.map((s) => (
              <option key={s} value={s}>
                {scopeLabels[s]}
              </option>
            ))}
          </SelectInput>
        </div>
        <CheckGroup
          id={fieldId("handlingRoles")}
          legend="受け付けられる役割（選ばなければ、業務を受け付けられるすべての役割）"
          options={roles.map((r) => ({ value: r.id, label: r.name }))}
          chosen={draft.handlingRoles}
          error={issueAt(issues, "handlingRoles")}
          onChange={(chosen) => set("handlingRoles", chosen)}
        />
      </fieldset>
      <fieldset className="flex flex-col gap-4">
        <legend className="text-std-20B-150">案内</legend>
        <TextArea
          {...field("guidance")}
          label="職員向けの案内"
          hint="受付の画面の「理由・案内」に出ます（2000文字以内）"
          rows={6}
          value={draft.guidance}
          onChange={(e) => set("guidance", e.currentTarget.value)}
        />
        <TextInput
          {...field("legalBasis")}
          label="法令（根拠法と条）"
          value={draft.legalBasis}
          onChange={(e) => set("legalBasis", e.currentTarget.value)}
        />
        <TextArea
          {...field("bring")}
          label="持ち物"
          hint="1行に1つ（20件まで）"
          rows={5}
          value={draft.bring}
          onChange={(e) => set("bring", e.currentTarget.value)}
        />
      </fieldset>
      <fieldset className="flex flex-col gap-4">
        <legend className="text-std-20B-150">適用期間</legend>
        <div className="grid grid-cols-1 items-start gap-4 md:grid-cols-2">
          <TextInput
            {...field("validFrom")}
            label="適用開始日（空欄は制限なし）"
            hint={dateHint}
            value={draft.validFrom}
            onChange={(e) => set("validFrom", e.currentTarget.value)}
          />
          <TextInput
            {...field("validTo")}
            label="適用終了日（空欄は制限なし）"
            hint={dateHint}
            value={draft.validTo}
            onChange={(e) => set("validTo", e.currentTarget.value)}
          />
        </div>
      </fieldset>
    </>
  );
}
