import {
  type FunctionPermission,
  functionPermissionLabels,
  functionPermissions,
} from "@ichimado/core/auth/permissions";
import { type ProgrammeKey, programmeKeys, programmeLabels } from "@ichimado/core/programmes/programmes";
import { type RoleAdmin, roleCreateSchema, roleUpdateSchema } from "@ichimado/core/staff/schemas";
import { useState } from "react";
import { Checkbox } from "../cases/fields.tsx";
import type { Issue } from "../cases/form-errors.tsx";
import { useRoles, useSaveRole } from "./api.ts";
import { EntryForm, ListEditor, localIssues } from "./list-editor.tsx";

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
  const [functions, setFunctions] = useState<FunctionPermission[]>(role?.functions ?? []);
  const [visible, setVisible] = useState<ProgrammeKey[]>(role?.visibleProgrammes ?? []);
  const [accepted, setAccepted] = useState<ProgrammeKey[]>(role?.acceptedProgrammes ?? []);
  const [local, setLocal] = useState<Issue[]>([]);
  const submit = ({ id, name }: { id: string; name: string }) => {
    save.reset();
    const fields = { name, functions, visibleProgrammes: visible, acceptedProgrammes: accepted };
    const update = role ? roleUpdateSchema.safeParse({ ...fields, expectedVersion: role.version }) : null;
    const create = role ? null : roleCreateSchema.safeParse({ ...fields, id });
    setLocal(localIssues(update?.error ?? create?.error));
    const done = { onSuccess: (saved: RoleAdmin) => onDone(`ロール「${saved.name}」を保存しました`) };
    if (role && update?.success) save.mutate({ id: role.id, update: update.data }, done);
    else if (create?.success) save.mutate({ create: create.data }, done);
  };
  return (
    <EntryForm
      noun="ロール"
      entry={role}
      fieldId={fieldId}
      local={local}
      error={save.error}
      pending={save.isPending}
      onSubmit={submit}
      onCancel={() => onDone("")}
    >
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
    </EntryForm>
  );
}
