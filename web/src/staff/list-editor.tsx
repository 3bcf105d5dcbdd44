import { type FormEvent, type ReactNode, useState } from "react";
import { errorMessage } from "../app/api.ts";
import { ErrorAlert, Loading, primaryButton, secondaryButton, TableHead, useTitle } from "../app/ui.tsx";
import { TextInput } from "../cases/fields.tsx";
import { ErrorSummary, type Issue, issueAt } from "../cases/form-errors.tsx";
import { SavedMessage } from "../cases/section.tsx";
import { EditorFrame } from "../catalog/editor-frame.tsx";
import { StaffNav } from "./staff-nav.tsx";

interface Row {
  id: string;
  name: string;
}

/**
 * The counters' and the roles' screen: a table whose rows each open the form below it, and an
 * add button; the form says when it is done and the message is announced.
 */
export function ListEditor<T extends Row>({
  title,
  noun,
  rows,
  error,
  columns,
  cells,
  form,
}: {
  title: string;
  /** 窓口, ロール */
  noun: string;
  /** undefined while loading */
  rows: T[] | undefined;
  error: unknown;
  /** the columns after the ID and the name */
  columns: readonly string[];
  cells: (row: T) => ReactNode;
  form: (row: T | null, onDone: (message: string) => void) => ReactNode;
}) {
  useTitle(title);
  const [editing, setEditing] = useState<T | "new" | null>(null);
  const [said, setSaid] = useState("");
  const done = (message: string) => {
    setEditing(null);
    setSaid(message);
  };
  return (
    <EditorFrame title={title} back={{ to: "/admin/staff", label: "職員の一覧に戻る" }} boxed={false}>
      <StaffNav />
      <SavedMessage message={said} />
      {error ? (
        <ErrorAlert message={errorMessage(error)} />
      ) : !rows ? (
        <Loading />
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full border-collapse bg-white text-left text-dns-16N-130">
            <caption className="sr-only">{noun}の一覧</caption>
            <TableHead columns={[`${noun}ID`, `${noun}名`, ...columns, "操作"]} nowrap />
            <tbody>
              {rows.map((row) => (
                <tr key={row.id} className="border-b border-solid-gray-420 align-top">
                  <td className="px-3 py-2">{row.id}</td>
                  <th scope="row" className="px-3 py-2 font-normal">
                    {row.name}
                  </th>
                  {cells(row)}
                  <td className="px-3 py-2">
                    <button
                      type="button"
                      className={secondaryButton}
                      aria-label={`${row.name}を編集`}
                      onClick={() => {
                        setSaid("");
                        setEditing(row);
                      }}
                    >
                      編集
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {editing ? (
        <div key={editing === "new" ? "new" : editing.id}>
          {form(editing === "new" ? null : editing, done)}
        </div>
      ) : (
        <button type="button" className={`self-start ${primaryButton}`} onClick={() => setEditing("new")}>
          {noun}を追加
        </button>
      )}
    </EditorFrame>
  );
}

/** A schema's problems in the shape the error summary reads. */
export const localIssues = (
  error: { issues: { path: PropertyKey[]; message: string }[] } | undefined,
): Issue[] => (error?.issues ?? []).map((i) => ({ path: i.path.map(String).join("."), message: i.message }));

/**
 * The form for one entry: its ID (new entries only, fixed afterwards as files and cases name it)
 * and name, the entry's own fields as children, then 保存する and やめる.
 */
export function EntryForm<T extends Row>({
  noun,
  entry,
  fieldId,
  local,
  error,
  pending,
  onSubmit,
  onCancel,
  children,
}: {
  noun: string;
  entry: T | null;
  fieldId: (path: string) => string;
  local: readonly Issue[];
  error: unknown;
  pending: boolean;
  onSubmit: (named: { id: string; name: string }) => void;
  onCancel: () => void;
  children: ReactNode;
}) {
  const [id, setId] = useState("");
  const [name, setName] = useState(entry?.name ?? "");
  const heading = fieldId("heading");
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit({ id, name });
  };
  return (
    <section
      aria-labelledby={heading}
      className="flex flex-col gap-4 rounded-8 border border-solid-gray-420 bg-white p-6"
    >
      <h2 id={heading} className="text-std-20B-150">
        {entry ? `${noun}の編集：${entry.name}` : `${noun}の追加`}
      </h2>
      <ErrorSummary error={error} fieldId={fieldId} local={local} />
      <form onSubmit={submit} noValidate className="flex flex-col gap-4">
        {!entry && (
          <TextInput
            id={fieldId("id")}
            label={`${noun}ID`}
            hint="半角英数字と _ -（CSV一括登録の担当で使います。あとから変えられません）"
            value={id}
            error={issueAt(local, "id")}
            onChange={(e) => setId(e.target.value)}
          />
        )}
        <TextInput
          id={fieldId("name")}
          label={`${noun}名`}
          value={name}
          error={issueAt(local, "name")}
          onChange={(e) => setName(e.target.value)}
        />
        {children}
        <div className="flex flex-wrap gap-2">
          <button type="submit" className={primaryButton} disabled={pending}>
            保存する
          </button>
          <button type="button" className={secondaryButton} onClick={onCancel}>
            やめる
          </button>
        </div>
      </form>
    </section>
  );
}
