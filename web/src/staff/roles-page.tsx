import {
  type FunctionPermission,
  functionPermissionLabels,
  functionPermissions,
} from "@ichimado/core/auth/permissions";
import { type ProgrammeKey, programmeKeys, programmeLabels } from "@ichimado/core/programmes/programmes";
import { type RoleAdmin, roleCreateSchema, roleUpdateSchema } from "@ichimado/core/staff/schemas";
import { type FormEvent, useState } from "react";
import { primaryButton, secondaryButton } from "../app/ui.tsx";
import { Checkbox, TextInput } from "../cases/fields.tsx";
import { ErrorSummary, type Issue, issueAt } from "../cases/form-errors.tsx";
import { useRoles, useSaveRole } from "./api.ts";
import { ListEditor } from "./list-editor.tsx";

const fieldId = (path: string) => `role-${path}`;

/**
 * `/admin/roles` (staffAdmin): what each role may do (機能), whose 資格情報 it sees and which
 * procedures it accepts. An edit that would leave the administrator without 職員・権限管理 is refused.
 */
export function RolesPage() {
  const list = useRoles();
  return (
    <ListEditor
      title="ロールの管理"
      noun="ロール"
      rows={list.data?.roles}
      error={list.error}
      columns={["機能", "受付できる業務"]}
      cells={(r) => (
        <>
          <td className="px-3 py-2">{r.functions.map((f) => functionPermissionLabels[f]).join("、")}</td>
          <td className="px-3 py-2">{r.acceptedProgrammes.map((p) => programmeLabels[p]).join("、")}</td>
        </>
      )}
      form={(role, onDone) => <RoleForm role={role} onDone={onDone} />}
    />
  );
}

function Choices<K extends string>({
  legend,
  name,
  keys,
  labels,
  chosen,
  onChange,
}: {
  legend: string;
  name: string;
  keys: readonly K[];
  labels: Record<K, string>;
  chosen: readonly K[];
  onChange: (chosen: K[]) => void;
}) {
  return (
    <fieldset className="grid gap-x-4 md:grid-cols-3">
      <legend className="mb-1 text-std-16B-170">{legend}</legend>
      {keys.map((k) => (
        <Checkbox
          key={k}
          id={`role-${name}-${k}`}
          label={labels[k]}
          checked={chosen.includes(k)}
          onChange={(on) => onChange(on ? [...chosen, k] : chosen.filter((c) => c !== k))}
        />
      ))}
    </fieldset>
  );
}

function RoleForm({ role, onDone }: { role: RoleAdmin | null; onDone: (message: string) => void }) {
  const save = useSaveRole();
  const [id, setId] = useState("");
  const [name, setName] = useState(role?.name ?? "");
  const [functions, setFunctions] = useState<FunctionPermission[]>(role?.functions ?? []);
  const [visible, setVisible] = useState<ProgrammeKey[]>(role?.visibleProgrammes ?? []);
  const [accepted, setAccepted] = useState<ProgrammeKey[]>(role?.acceptedProgrammes ?? []);
  const [local, setLocal] = useState<Issue[]>([]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.reset();
    const fields = { name, functions, visibleProgrammes: visible, acceptedProgrammes: accepted };
    const update = role ? roleUpdateSchema.safeParse({ ...fields, expectedVersion: role.version }) : null;
    const create = role ? null : roleCreateSchema.safeParse({ ...fields, id });
    const issues = (update?.error ?? create?.error)?.issues ?? [];
    setLocal(issues.map((i) => ({ path: i.path.join("."), message: i.message })));
    const done = { onSuccess: (saved: RoleAdmin) => onDone(`ロール「${saved.name}」を保存しました`) };
    if (role && update?.success) save.mutate({ id: role.id, update: update.data }, done);
    else if (create?.success) save.mutate({ create: create.data }, done);
  };
  return (
    <section
      aria-labelledby="role-form-heading"
      className="flex flex-col gap-4 rounded-8 border border-solid-gray-420 bg-white p-6"
    >
      <h2 id="role-form-heading" className="text-std-20B-150">
        {role ? `ロールの編集：${role.name}` : "ロールの追加"}
      </h2>
      <ErrorSummary error={save.error} fieldId={fieldId} local={local} />
      <form onSubmit={submit} noValidate className="flex flex-col gap-4">
        {!role && (
          <TextInput
            id={fieldId("id")}
            label="ロールID"
            hint="半角英数字と _ -（CSV一括登録の担当で使います。あとから変えられません）"
            value={id}
            error={issueAt(local, "id")}
            onChange={(e) => setId(e.target.value)}
          />
        )}
        <TextInput
          id={fieldId("name")}
          label="ロール名"
          value={name}
          error={issueAt(local, "name")}
          onChange={(e) => setName(e.target.value)}
        />
        <Choices
          legend="使える機能"
          name="functions"
          keys={functionPermissions}
          labels={functionPermissionLabels}
          chosen={functions}
          onChange={setFunctions}
        />
        <Choices
          legend="資格情報を見られる業務"
          name="visible"
          keys={programmeKeys}
          labels={programmeLabels}
          chosen={visible}
          onChange={setVisible}
        />
        <Choices
          legend="手続きを受け付けられる業務"
          name="accepted"
          keys={programmeKeys}
          labels={programmeLabels}
          chosen={accepted}
          onChange={setAccepted}
        />
        <div className="flex flex-wrap gap-2">
          <button type="submit" className={primaryButton} disabled={save.isPending}>
            保存する
          </button>
          <button type="button" className={secondaryButton} onClick={() => onDone("")}>
            やめる
          </button>
        </div>
      </form>
    </section>
  );
}
