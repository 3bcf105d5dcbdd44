import { memberScopeLabels, memberScopes } from "@ichimado/core/catalog/rules";
import { type ProgrammeKey, programmeKeys, programmeLabels } from "@ichimado/core/programmes/programmes";
import { enrollmentRoleLabels, enrollmentRoles, type Sex, sexLabels } from "@ichimado/core/registry/codes";
import { SelectInput, TextInput } from "../cases/fields.tsx";
import { type Issue, issueAt } from "../cases/form-errors.tsx";
import { CheckGroup } from "./check-group.tsx";
import { triOptions } from "./labels.ts";
import type { MembersDraft, Tri } from "./rule-draft.ts";

const roleOptions = enrollmentRoles.map((r) => ({ value: r, label: enrollmentRoleLabels[r] }));

const flags: { key: "moving" | "isHead" | "foreign" | "hasMyNumberCard"; label: string }[] = [
  { key: "moving", label: "異動する人か" },
  { key: "isHead", label: "世帯主か" },
  { key: "foreign", label: "外国人住民か" },
  { key: "hasMyNumberCard", label: "マイナンバーカードを持っているか" },
];

function ProgrammeOptions({ none }: { none: string }) {
  return (
    <>
      <option value="">{none}</option>
      {programmeKeys.map((p) => (
        <option key={p} value={p}>
          {programmeLabels[p]}
        </option>
      ))}
    </>
  );
}

/**
 * 世帯員の条件: whom it looks at (異動する人・世帯に残る人・世帯員・本人) and what must hold for one
 * of them; every field left at 問わない is not tested.
 */
export function MemberClauseFields({
  fieldId,
  at,
  issues,
  body,
  onChange,
}: {
  fieldId: (path: string) => string;
  at: string;
  issues: readonly Issue[];
  body: MembersDraft;
  onChange: (body: MembersDraft) => void;
}) {
  const set = <K extends keyof MembersDraft>(key: K, value: MembersDraft[K]) =>
    onChange({ ...body, [key]: value });
  const field = (name: string) => ({ id: fieldId(`${at}.${name}`), error: issueAt(issues, `${at}.${name}`) });
  return (
    <div className="flex flex-col gap-4">
      <div className="grid grid-cols-1 items-start gap-4 md:grid-cols-3">
        <SelectInput
          {...field("scope")}
          label="対象"
          value={body.scope}
          onChange={(e) => set("scope", e.currentTarget.value as MembersDraft["scope"])}
        >
          {memberScopes.map((s) => (
            <option key={s} value={s}>
              {memberScopeLabels[s]}
            </option>
          ))}
        </SelectInput>
        {body.scope !== "self" && (
          <TextInput
            {...field("atLeast")}
            label="人数（以上）"
            hint="空欄は1人"
            inputMode="numeric"
            value={body.atLeast}
            onChange={(e) => set("atLeast", e.currentTarget.value)}
          />
        )}
      </div>
      <div className="grid grid-cols-1 items-start gap-4 md:grid-cols-3">
        <TextInput
          {...field("ageAtLeast")}
          label="年齢（以上）"
          inputMode="numeric"
          value={body.ageAtLeast}
          onChange={(e) => set("ageAtLeast", e.currentTarget.value)}
        />
        <TextInput
          {...field("ageUnder")}
          label="年齢（未満）"
          inputMode="numeric"
          value={body.ageUnder}
          onChange={(e) => set("ageUnder", e.currentTarget.value)}
        />
        <SelectInput
          {...field("ageBasis")}
          label="年齢を数える日"
          value={body.ageBasis}
          onChange={(e) => set("ageBasis", e.currentTarget.value as MembersDraft["ageBasis"])}
        >
          <option value="eventDate">届出の異動日</option>
          <option value="schoolYear">年度初め（4月1日）: 学年・児童手当の年代</option>
        </SelectInput>
      </div>
      <div className="grid grid-cols-1 items-start gap-4 md:grid-cols-3">
        {flags.map((f) => (
          <SelectInput
            key={f.key}
            {...field(f.key)}
            label={f.label}
            value={body[f.key]}
            onChange={(e) => set(f.key, e.currentTarget.value as Tri)}
          >
            {triOptions.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </SelectInput>
        ))}
        <SelectInput
          {...field("sex")}
          label="性別"
          value={body.sex}
          onChange={(e) => set("sex", e.currentTarget.value as "" | Sex)}
        >
          <option value="">問わない</option>
          <option value="male">{sexLabels.male}</option>
          <option value="female">{sexLabels.female}</option>
        </SelectInput>
      </div>
      <div className="grid grid-cols-1 items-start gap-4 md:grid-cols-3">
        <SelectInput
          {...field("enrolledIn")}
          label="資格がある業務"
          value={body.enrolledIn}
          onChange={(e) => set("enrolledIn", e.currentTarget.value as "" | ProgrammeKey)}
        >
          <ProgrammeOptions none="問わない" />
        </SelectInput>
        <SelectInput
          {...field("notEnrolledIn")}
          label="資格がない業務"
          value={body.notEnrolledIn}
          onChange={(e) => set("notEnrolledIn", e.currentTarget.value as "" | ProgrammeKey)}
        >
          <ProgrammeOptions none="問わない" />
        </SelectInput>
      </div>
      {body.enrolledIn && (
        <div className="flex flex-col gap-4 border-l-4 border-solid-gray-420 pl-4">
          <CheckGroup
            id={fieldId(`${at}.roles`)}
            legend={`${programmeLabels[body.enrolledIn]}での立場（選ばなければ問わない）`}
            options={roleOptions}
            chosen={body.roles}
            onChange={(roles) => set("roles", roles)}
          />
          <div className="grid grid-cols-1 items-start gap-4 md:grid-cols-2">
            <TextInput
              {...field("attributeKey")}
              label="資格の属性の項目名（任意）"
              hint="データ連携の項目名（例: careLevel）"
              value={body.attributeKey}
              onChange={(e) => set("attributeKey", e.currentTarget.value)}
            />
            <TextInput
              {...field("attributeValues")}
              label="属性の値（任意・いずれか）"
              hint="複数は「、」で区切ります。空欄は記録があれば当たります"
              value={body.attributeValues}
              onChange={(e) => set("attributeValues", e.currentTarget.value)}
            />
          </div>
        </div>
      )}
    </div>
  );
}
