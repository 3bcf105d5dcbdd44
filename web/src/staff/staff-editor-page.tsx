import { passwordPolicyMessage } from "@ichimado/core/auth/password-policy";
import type { Assignment, StaffSummary } from "@ichimado/core/staff/schemas";
import { staffCreateSchema, staffUpdateSchema } from "@ichimado/core/staff/schemas";
import { type FormEvent, useRef, useState } from "react";
import { useParams } from "react-router";
import { errorMessage } from "../app/api.ts";
import { ErrorAlert, Loading, primaryButton, secondaryButton, useTitle } from "../app/ui.tsx";
import { Checkbox, dateHint, readDate, SelectInput, TextInput, todayIso } from "../cases/fields.tsx";
import { ErrorSummary, type Issue, issueAt } from "../cases/form-errors.tsx";
import { SavedMessage } from "../cases/section.tsx";
import { EditorFrame } from "../catalog/editor-frame.tsx";
import { AccountActions } from "./account-actions.tsx";
import { useCounters, useCreateStaff, useRoles, useStaffList, useUpdateStaff } from "./api.ts";
import { localIssues } from "./list-editor.tsx";
import { OneTimePassword } from "./one-time-password.tsx";
import { StaffNav } from "./staff-nav.tsx";
import { staffState } from "./staff-page.tsx";

const fieldId = (path: string) => `staff-${path.replaceAll(".", "-")}`;
const back = { to: "/admin/staff", label: "職員の一覧に戻る" };

/** `/admin/staff/new` and `/admin/staff/:id` (staffAdmin): one account and its assignments. */
export function StaffEditorPage() {
  const { id } = useParams();
  const list = useStaffList();
  const staff = id ? list.data?.staff.find((s) => s.id === id) : undefined;
  useTitle(id ? "職員の編集" : "職員の追加");
  if (id && list.isPending) return <Loading />;
  if (id && list.isError) return <ErrorAlert message={errorMessage(list.error)} />;
  if (id && !staff) return <ErrorAlert message="指定された職員はいません" />;
  return (
    <EditorFrame title={staff ? `職員の編集：${staff.name}` : "職員の追加"} back={back} boxed={false}>
      <StaffNav />
      {/* Keyed by account, not version: after a save the fields already hold what was saved. */}
      <StaffForm key={staff?.id ?? "new"} staff={staff} />
      {staff && <AccountActions staff={staff} />}
    </EditorFrame>
  );
}

function StaffForm({ staff }: { staff: StaffSummary | undefined }) {
  const counters = useCounters();
  const roles = useRoles();
  const create = useCreateStaff();
  const update = useUpdateStaff();
  const [loginId, setLoginId] = useState("");
  const [name, setName] = useState(staff?.name ?? "");
  const [department, setDepartment] = useState(staff?.department ?? "");
  const [validFrom, setValidFrom] = useState(staff?.validFrom ?? todayIso());
  const [validTo, setValidTo] = useState(staff?.validTo ?? "");
  // Each row keeps its key while its selects change, so focus stays in the row being edited.
  const nextKey = useRef(0);
  const keyed = (a: Assignment) => ({ ...a, key: nextKey.current++ });
  const [rows, setRows] = useState(() => (staff?.assignments ?? []).map(keyed));
  const assignments: Assignment[] = rows.map(({ counterId, roleId }) => ({ counterId, roleId }));
  const [setPassword, setSetPassword] = useState(false);
  const [password, setPasswordText] = useState("");
  const [local, setLocal] = useState<Issue[]>([]);
  const [said, setSaid] = useState("");
  const counterList = (counters.data?.counters ?? []).filter((c) => c.active);
  const roleList = roles.data?.roles ?? [];
  const saving = create.isPending || update.isPending;
  const error = create.error ?? update.error;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.reset();
    update.reset();
    setSaid("");
    const from = readDate(validFrom);
    const to = readDate(validTo);
    const dateIssues: Issue[] = [
      ...(from.ok
        ? from.date
          ? []
          : [{ path: "validFrom", message: "有効開始日を入力してください" }]
        : [{ path: "validFrom", message: from.message }]),
      ...(to.ok ? [] : [{ path: "validTo", message: to.message }]),
    ];
    const fields = {
      name,
      department,
      validFrom: from.ok ? (from.date ?? "") : "",
      validTo: to.ok ? to.date : null,
      assignments,
    };
    // The server's own schemas, so the administrator sees its messages before sending.
    const parsed = staff
      ? staffUpdateSchema.safeParse({ ...fields, expectedUpdatedAt: staff.updatedAt })
      : staffCreateSchema.safeParse({ ...fields, loginId, password: setPassword ? password : null });
    const issues = [
      ...dateIssues,
      ...localIssues(parsed.error).filter((i) => !dateIssues.some((d) => d.path === i.path)),
    ];
    setLocal(issues);
    if (issues.length > 0 || !parsed.success) return;
    if (staff && "expectedUpdatedAt" in parsed.data)
      update.mutate({ id: staff.id, body: parsed.data }, { onSuccess: () => setSaid("保存しました") });
    else if ("loginId" in parsed.data) create.mutate(parsed.data);
  };

  return (
    <section
      className="flex flex-col gap-4 rounded-8 border border-solid-gray-420 bg-white p-6"
      aria-label="職員の情報"
    >
      {create.data?.oneTimePassword && (
        <OneTimePassword loginId={create.data.staff.loginId} password={create.data.oneTimePassword} />
      )}
      {create.data && (
        <p role="status">
          職員 {create.data.staff.name}（{create.data.staff.loginId}）を追加しました。
        </p>
      )}
      {staff && <p>状態: {staffState(staff)}</p>}
      <ErrorSummary error={error} fieldId={fieldId} local={local} />
      <SavedMessage message={said} />
      <form onSubmit={submit} noValidate className="flex flex-col gap-4">
        {!staff && (
          <TextInput
            id={fieldId("loginId")}
            label="ログインID"
            hint="半角英数字と . _ @ -（あとから変えられません）"
            value={loginId}
            error={issueAt(local, "loginId")}
            onChange={(e) => setLoginId(e.target.value)}
          />
        )}
        <TextInput
          id={fieldId("name")}
          label="氏名"
          value={name}
          error={issueAt(local, "name")}
          onChange={(e) => setName(e.target.value)}
        />
        <TextInput
          id={fieldId("department")}
          label="所属（任意）"
          value={department}
          error={issueAt(local, "department")}
          onChange={(e) => setDepartment(e.target.value)}
        />
        <div className="grid gap-4 md:grid-cols-2">
          <TextInput
            id={fieldId("validFrom")}
            label="有効開始日"
            hint={dateHint}
            value={validFrom}
            error={issueAt(local, "validFrom")}
            onChange={(e) => setValidFrom(e.target.value)}
          />
          <TextInput
            id={fieldId("validTo")}
            label="有効終了日（任意）"
            hint="空欄は期限なし"
            value={validTo}
            error={issueAt(local, "validTo")}
            onChange={(e) => setValidTo(e.target.value)}
          />
        </div>
        <fieldset className="flex flex-col gap-2">
          <legend className="text-std-16B-170">担当（窓口とロール）</legend>
          <p className="text-dns-14N-130 text-solid-gray-700">
            担当を外すと、その職員のログイン中の画面はすぐにログアウトされます。
          </p>
          {assignments.length === 0 && <p>担当がありません（ログインしても窓口を選べません）。</p>}
          {rows.map((a, i) => (
            <div key={a.key} className="flex flex-wrap items-end gap-2">
              <SelectInput
                id={fieldId(`assignments.${i}.counterId`)}
                label={`担当${i + 1}の窓口`}
                value={a.counterId}
                onChange={(e) =>
                  setRows((all) => all.map((x, j) => (j === i ? { ...x, counterId: e.target.value } : x)))
                }
              >
                {counterList.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}
                  </option>
                ))}
              </SelectInput>
              <SelectInput
                id={fieldId(`assignments.${i}.roleId`)}
                label={`担当${i + 1}のロール`}
                value={a.roleId}
                onChange={(e) =>
                  setRows((all) => all.map((x, j) => (j === i ? { ...x, roleId: e.target.value } : x)))
                }
              >
                {roleList.map((r) => (
                  <option key={r.id} value={r.id}>
                    {r.name}
                  </option>
                ))}
              </SelectInput>
              <button
                type="button"
                className={secondaryButton}
                onClick={() => setRows((all) => all.filter((_, j) => j !== i))}
              >
                担当{i + 1}を外す
              </button>
            </div>
          ))}
          <button
            type="button"
            className={`self-start ${secondaryButton}`}
            disabled={counterList.length === 0 || roleList.length === 0}
            onClick={() =>
              setRows((all) => [
                ...all,
                keyed({ counterId: counterList[0]?.id ?? "", roleId: roleList[0]?.id ?? "" }),
              ])
            }
          >
            担当を追加
          </button>
        </fieldset>
        {!staff && (
          <fieldset className="flex flex-col gap-2">
            <legend className="text-std-16B-170">初期パスワード</legend>
            <Checkbox
              id="staff-set-password"
              label="管理者が決める（選ばなければ自動で発行し、この画面に一度だけ表示します）"
              checked={setPassword}
              onChange={setSetPassword}
            />
            {setPassword && (
              <TextInput
                id={fieldId("password")}
                label="初期パスワード"
                type="password"
                autoComplete="new-password"
                hint={passwordPolicyMessage}
                value={password}
                error={issueAt(local, "password")}
                onChange={(e) => setPasswordText(e.target.value)}
              />
            )}
          </fieldset>
        )}
        <button type="submit" className={`self-start ${primaryButton}`} disabled={saving}>
          {staff ? "保存する" : "追加する"}
        </button>
      </form>
    </section>
  );
}
