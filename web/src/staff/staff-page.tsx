import type { StaffSummary } from "@ichimado/core/staff/schemas";
import { useState } from "react";
import { Link } from "react-router";
import { errorMessage } from "../app/api.ts";
import { ErrorAlert, Loading, primaryButton, TableHead, useTitle } from "../app/ui.tsx";
import { SelectInput, TextInput } from "../cases/fields.tsx";
import { linkClass } from "../cases/section.tsx";
import { EditorFrame } from "../catalog/editor-frame.tsx";
import { useCounters, useRoles, useStaffList } from "./api.ts";
import { assignmentLabel, StaffNav } from "./staff-nav.tsx";

type State = "all" | "active" | "disabled" | "locked";
const stateLabels: Record<State, string> = {
  all: "すべて",
  active: "有効",
  disabled: "無効",
  locked: "ロック中",
};

export const staffState = (s: StaffSummary) =>
  [s.disabled ? "無効" : "有効", s.locked ? "ロック中" : null, s.mustChangePassword ? "初期パスワード" : null]
    .filter(Boolean)
    .join("・");

/** `/admin/staff` (staffAdmin): every account, found by name, login ID, counter, role or state. */
export function StaffPage() {
  useTitle("職員・権限管理");
  const staff = useStaffList();
  const counters = useCounters();
  const roles = useRoles();
  const [text, setText] = useState("");
  const [counterId, setCounterId] = useState("");
  const [roleId, setRoleId] = useState("");
  const [state, setState] = useState<State>("all");
  const counterList = counters.data?.counters ?? [];
  const roleList = roles.data?.roles ?? [];
  const needle = text.trim().toLowerCase();
  const shown = (staff.data?.staff ?? []).filter(
    (s) =>
      (!needle || s.name.toLowerCase().includes(needle) || s.loginId.toLowerCase().includes(needle)) &&
      (!counterId || s.assignments.some((a) => a.counterId === counterId)) &&
      (!roleId || s.assignments.some((a) => a.roleId === roleId)) &&
      (state === "all" ||
        (state === "active" && !s.disabled) ||
        (state === "disabled" && s.disabled) ||
        (state === "locked" && s.locked)),
  );
  return (
    <EditorFrame title="職員・権限管理" back={{ to: "/", label: "ホームに戻る" }} boxed={false}>
      <StaffNav />
      <p>職員のアカウントと、窓口ごとのロール（担当）を管理します。変更はすべて監査証跡に残ります。</p>
      <Link to="/admin/staff/new" className={`self-start ${primaryButton}`}>
        職員を追加
      </Link>
      <search aria-label="職員の絞り込み" className="grid gap-4 md:grid-cols-4">
        <TextInput
          id="staff-filter-text"
          label="氏名・ログインID"
          type="search"
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        <SelectInput
          id="staff-filter-counter"
          label="窓口"
          value={counterId}
          onChange={(e) => setCounterId(e.target.value)}
        >
          <option value="">すべて</option>
          {counterList.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </SelectInput>
        <SelectInput
          id="staff-filter-role"
          label="ロール"
          value={roleId}
          onChange={(e) => setRoleId(e.target.value)}
        >
          <option value="">すべて</option>
          {roleList.map((r) => (
            <option key={r.id} value={r.id}>
              {r.name}
            </option>
          ))}
        </SelectInput>
        <SelectInput
          id="staff-filter-state"
          label="状態"
          value={state}
          onChange={(e) => setState(e.target.value as State)}
        >
          {(Object.keys(stateLabels) as State[]).map((s) => (
            <option key={s} value={s}>
              {stateLabels[s]}
            </option>
          ))}
        </SelectInput>
      </search>
      {staff.isPending ? (
        <Loading />
      ) : staff.isError ? (
        <ErrorAlert message={errorMessage(staff.error)} />
      ) : (
        <div className="overflow-x-auto">
          <p role="status" className="mb-2">
            {staff.data.staff.length} 人中 {shown.length} 人を表示
          </p>
          <table className="w-full border-collapse bg-white text-left text-dns-16N-130">
            <caption className="sr-only">職員の一覧</caption>
            <TableHead columns={["ログインID", "氏名", "所属", "担当", "有効期間", "状態"]} nowrap />
            <tbody>
              {shown.map((s) => (
                <tr key={s.id} className="border-b border-solid-gray-420 align-top">
                  <td className="px-3 py-2">
                    <Link
                      to={`/admin/staff/${s.id}`}
                      className={linkClass}
                      aria-label={`${s.name}（${s.loginId}）を編集`}
                    >
                      {s.loginId}
                    </Link>
                  </td>
                  <th scope="row" className="px-3 py-2 font-normal">
                    {s.name}
                  </th>
                  <td className="px-3 py-2">{s.department ?? ""}</td>
                  <td className="px-3 py-2">
                    {s.assignments.map((a) => (
                      <span key={`${a.counterId}:${a.roleId}`} className="block">
                        {assignmentLabel(a, counterList, roleList)}
                      </span>
                    ))}
                  </td>
                  <td className="whitespace-nowrap px-3 py-2">
                    {s.validFrom} 〜 {s.validTo ?? ""}
                  </td>
                  <td className="px-3 py-2">{staffState(s)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </EditorFrame>
  );
}
