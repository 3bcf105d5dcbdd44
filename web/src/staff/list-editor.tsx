import { type ReactNode, useState } from "react";
import { errorMessage } from "../app/api.ts";
import { ErrorAlert, Loading, primaryButton, secondaryButton, TableHead, useTitle } from "../app/ui.tsx";
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
