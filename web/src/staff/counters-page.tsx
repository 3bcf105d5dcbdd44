import {
  type CounterAdmin,
  counterCreateSchema,
  counterKindLabels,
  counterUpdateSchema,
} from "@ichimado/core/staff/schemas";
import { useState } from "react";
import { Checkbox, SelectInput, TextInput } from "../cases/fields.tsx";
import { type Issue, issueAt } from "../cases/form-errors.tsx";
import { useCounters, useSaveCounter } from "./api.ts";
import { EntryForm, ListEditor, localIssues } from "./list-editor.tsx";

const fieldId = (path: string) => `counter-${path}`;
type Kind = keyof typeof counterKindLabels;

/**
 * `/admin/counters` (staffAdmin): counters are added, renamed, moved and deactivated, never
 * deleted, as cases and the audit log name them.
 */
export function CountersPage() {
  const list = useCounters();
  return (
    <ListEditor
      title="窓口の管理"
      noun="窓口"
      rows={list.data?.counters}
      error={list.error}
      columns={["種類", "所属課", "場所", "状態"]}
      cells={(c) => (
        <>
          <td className="px-3 py-2">{counterKindLabels[c.kind]}</td>
          <td className="px-3 py-2">{c.department}</td>
          <td className="px-3 py-2">{c.place ?? ""}</td>
          <td className="px-3 py-2">{c.active ? "使用中" : "使用停止"}</td>
        </>
      )}
      form={(counter, onDone) => <CounterForm counter={counter} onDone={onDone} />}
    />
  );
}

function CounterForm({
  counter,
  onDone,
}: {
  counter: CounterAdmin | null;
  onDone: (message: string) => void;
}) {
  const save = useSaveCounter();
  const [kind, setKind] = useState<Kind>(counter?.kind ?? "department");
  const [department, setDepartment] = useState(counter?.department ?? "");
  const [place, setPlace] = useState(counter?.place ?? "");
  const [active, setActive] = useState(counter?.active ?? true);
  const [local, setLocal] = useState<Issue[]>([]);
  const submit = ({ id, name }: { id: string; name: string }) => {
    save.reset();
    const fields = { name, kind, department, place, active };
    const update = counter
      ? counterUpdateSchema.safeParse({ ...fields, expectedVersion: counter.version })
      : null;
    const create = counter ? null : counterCreateSchema.safeParse({ ...fields, id });
    setLocal(localIssues(update?.error ?? create?.error));
    const done = { onSuccess: (saved: CounterAdmin) => onDone(`窓口「${saved.name}」を保存しました`) };
    if (counter && update?.success) save.mutate({ id: counter.id, update: update.data }, done);
    else if (create?.success) save.mutate({ create: create.data }, done);
  };
  return (
    <EntryForm
      noun="窓口"
      entry={counter}
      fieldId={fieldId}
      local={local}
      error={save.error}
      pending={save.isPending}
      onSubmit={submit}
      onCancel={() => onDone("")}
    >
      <SelectInput
        id={fieldId("kind")}
        label="種類"
        value={kind}
        onChange={(e) => setKind(e.target.value as Kind)}
      >
        {(Object.keys(counterKindLabels) as Kind[]).map((k) => (
          <option key={k} value={k}>
            {counterKindLabels[k]}
          </option>
        ))}
      </SelectInput>
      <TextInput
        id={fieldId("department")}
        label="所属課"
        value={department}
        error={issueAt(local, "department")}
        onChange={(e) => setDepartment(e.target.value)}
      />
      <TextInput
        id={fieldId("place")}
        label="場所（任意）"
        hint="来庁者に案内する場所（例: 本庁舎1階 1番窓口）"
        value={place}
        error={issueAt(local, "place")}
        onChange={(e) => setPlace(e.target.value)}
      />
      <Checkbox
        id={fieldId("active")}
        label="使用中（外すと、この窓口は職員の窓口選択に出なくなり、いまこの窓口で操作中の職員は窓口を選び直します）"
        checked={active}
        onChange={setActive}
      />
    </EntryForm>
  );
}
