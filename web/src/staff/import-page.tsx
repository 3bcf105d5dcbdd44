import {
  staffImportColumns,
  staffImportMaxBytes,
  staffImportMaxRows,
  staffImportTemplate,
} from "@ichimado/core/staff/import";
import type { StaffImportPreview, StaffImportResult } from "@ichimado/core/staff/schemas";
import { type FormEvent, type ReactNode, useState } from "react";
import { errorMessage } from "../app/api.ts";
import { ErrorAlert, primaryButton, secondaryButton, TableHead, useTitle } from "../app/ui.tsx";
import { Checkbox } from "../cases/fields.tsx";
import { EditorFrame } from "../catalog/editor-frame.tsx";
import { previewImport, saveFile, useApplyImport } from "./api.ts";
import { FocusedHeading } from "./focused-heading.tsx";
import { StaffNav } from "./staff-nav.tsx";

const csvCell = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);

/**
 * `/admin/staff/import` (staffAdmin, C⑤): a CSV of staff is first previewed (nothing written),
 * then the same file applied; the server refuses it if the file or the accounts changed meanwhile.
 */
export function StaffImportPage() {
  useTitle("職員のCSV一括登録");
  const [file, setFile] = useState<File | null>(null);
  const [disableAbsent, setDisableAbsent] = useState(false);
  const [preview, setPreview] = useState<{ plan: StaffImportPreview; disableAbsent: boolean } | null>(null);
  const [previewError, setPreviewError] = useState<unknown>(null);
  const [previewing, setPreviewing] = useState(false);
  const [skipBadRows, setSkipBadRows] = useState(false);
  const apply = useApplyImport();

  const runPreview = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) return setPreviewError(new Error("ファイルを選んでください"));
    setPreview(null);
    setPreviewError(null);
    setSkipBadRows(false);
    apply.reset();
    setPreviewing(true);
    try {
      setPreview({ plan: await previewImport(file, disableAbsent), disableAbsent });
    } catch (error) {
      setPreviewError(error);
    } finally {
      setPreviewing(false);
    }
  };
  const plan = preview?.plan;
  const badRows = plan ? new Set(plan.problems.map((p) => p.line)).size : 0;
  const nothingToDo = plan && plan.adds.length + plan.changes.length + plan.disables.length === 0;

  return (
    <EditorFrame
      title="職員のCSV一括登録"
      back={{ to: "/admin/staff", label: "職員の一覧に戻る" }}
      boxed={false}
    >
      <StaffNav />
      <section aria-labelledby="import-format-heading" className="flex flex-col gap-2">
        <h2 id="import-format-heading" className="text-std-20B-150">
          ファイルの形式
        </h2>
        <p>
          1行に職員1人。見出し行は {Object.values(staffImportColumns).join("、")}
          （順序は自由、所属・有効開始日・有効終了日は空欄可）。
          担当は「窓口ID:ロールID」で、複数は「;」で区切ります。文字コードは UTF-8（BOM あり・なし）か
          Shift_JIS。
          {staffImportMaxRows} 行・{staffImportMaxBytes / 1024 / 1024} MB まで。
        </p>
        <button
          type="button"
          className={`self-start ${secondaryButton}`}
          onClick={() => saveFile(staffImportTemplate, "職員一括登録_ひな形.csv")}
        >
          ひな形（CSV）をダウンロード
        </button>
      </section>
      <form
        onSubmit={runPreview}
        noValidate
        className="flex flex-col gap-4 rounded-8 border border-solid-gray-420 bg-white p-6"
      >
        <div className="flex flex-col gap-1">
          <label htmlFor="staff-import-file" className="text-std-16B-170">
            職員のCSVファイル
          </label>
          <input
            id="staff-import-file"
            type="file"
            accept=".csv,text/csv"
            onChange={(e) => {
              setFile(e.currentTarget.files?.[0] ?? null);
              setPreview(null);
            }}
          />
        </div>
        <Checkbox
          id="staff-import-disable-absent"
          label="ファイルにない職員を無効にする（自分のアカウントは除く）"
          checked={disableAbsent}
          onChange={(on) => {
            setDisableAbsent(on);
            setPreview(null);
          }}
        />
        {previewError !== null && (
          <ErrorAlert
            message={previewError instanceof Error ? previewError.message : errorMessage(previewError)}
          />
        )}
        <button type="submit" className={`self-start ${primaryButton}`} disabled={previewing}>
          {previewing ? "確認中…" : "取り込む内容を確認する（まだ登録しません）"}
        </button>
      </form>
      {plan && preview && file && !apply.data && (
        <section aria-labelledby="import-preview-heading" className="flex flex-col gap-4">
          <FocusedHeading id="import-preview-heading">取り込む内容の確認</FocusedHeading>
          <p role="status">
            追加 {plan.adds.length} 人、変更 {plan.changes.length} 人、無効化 {plan.disables.length}{" "}
            人、変更なし {plan.unchanged} 人、誤りのある行 {badRows} 行
          </p>
          <PreviewTables plan={plan} />
          {apply.isError && <ErrorAlert message={errorMessage(apply.error)} />}
          {badRows > 0 && (
            <div className="flex flex-col gap-2 rounded-8 border-2 border-error-1 bg-red-50 p-4">
              <p className="font-bold text-error-2">
                誤りのある行が {badRows}{" "}
                行あります。このまま取り込むと、誤りのある行は登録されません（直してからもう一度取り込めます）。
              </p>
              <Checkbox
                id="staff-import-skip-bad"
                label={`誤りのある ${badRows} 行を除いて、正しい行だけを取り込む`}
                checked={skipBadRows}
                onChange={setSkipBadRows}
              />
            </div>
          )}
          <button
            type="button"
            className={`self-start ${primaryButton}`}
            disabled={apply.isPending || nothingToDo || (badRows > 0 && !skipBadRows)}
            onClick={() =>
              apply.mutate({ file, token: plan.token, disableAbsent: preview.disableAbsent, skipBadRows })
            }
          >
            {nothingToDo
              ? "登録する変更はありません"
              : apply.isPending
                ? "登録しています…（新しい職員が多いと1分ほどかかります）"
                : "この内容で登録する"}
          </button>
        </section>
      )}
      {apply.data && <ImportDone result={apply.data} />}
    </EditorFrame>
  );
}

function PreviewTables({ plan }: { plan: StaffImportPreview }) {
  return (
    <>
      {plan.problems.length > 0 && (
        <Table caption="誤りのある行" columns={["行", "列", "ログインID", "理由"]}>
          {plan.problems.map((p) => (
            <tr
              key={`${p.line}-${p.column}-${p.reason}`}
              className="border-b border-solid-gray-420 align-top"
            >
              <td className="px-3 py-2">{p.line} 行目</td>
              <td className="px-3 py-2">{p.column ?? "（行全体）"}</td>
              <td className="px-3 py-2">{p.loginId ?? ""}</td>
              <td className="px-3 py-2 text-error-2">{p.reason}</td>
            </tr>
          ))}
        </Table>
      )}
      {plan.adds.length > 0 && (
        <Table caption="追加する職員" columns={["行", "ログインID", "氏名", "所属", "担当", "有効期間"]}>
          {plan.adds.map((a) => (
            <tr key={a.loginId} className="border-b border-solid-gray-420 align-top">
              <td className="px-3 py-2">{a.line} 行目</td>
              <td className="px-3 py-2">{a.loginId}</td>
              <td className="px-3 py-2">{a.name}</td>
              <td className="px-3 py-2">{a.department ?? ""}</td>
              <td className="px-3 py-2">
                {a.assignments.map((x) => `${x.counterId}:${x.roleId}`).join("; ")}
              </td>
              <td className="whitespace-nowrap px-3 py-2">
                {a.validFrom} 〜 {a.validTo ?? ""}
              </td>
            </tr>
          ))}
        </Table>
      )}
      {plan.changes.length > 0 && (
        <Table caption="変更する職員" columns={["行", "ログインID", "氏名", "変更内容（変更前 → 変更後）"]}>
          {plan.changes.map((c) => (
            <tr key={c.loginId} className="border-b border-solid-gray-420 align-top">
              <td className="px-3 py-2">{c.line} 行目</td>
              <td className="px-3 py-2">{c.loginId}</td>
              <td className="px-3 py-2">{c.name}</td>
              <td className="px-3 py-2">
                {c.fields.map((f) => (
                  <span key={f.field} className="block">
                    {f.label}: {f.before || "（なし）"} → {f.after || "（なし）"}
                  </span>
                ))}
              </td>
            </tr>
          ))}
        </Table>
      )}
      {plan.disables.length > 0 && (
        <Table caption="無効にする職員（ファイルにない職員）" columns={["ログインID", "氏名"]}>
          {plan.disables.map((d) => (
            <tr key={d.loginId} className="border-b border-solid-gray-420 align-top">
              <td className="px-3 py-2">{d.loginId}</td>
              <td className="px-3 py-2">{d.name}</td>
            </tr>
          ))}
        </Table>
      )}
    </>
  );
}

function Table({ caption, columns, children }: { caption: string; columns: string[]; children: ReactNode }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse bg-white text-left text-dns-16N-130">
        <caption className="mb-2 text-left text-std-18B-160">{caption}</caption>
        <TableHead columns={columns} nowrap />
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

/** The result, and the new accounts' one-time passwords as a file to hand out, offered this once. */
function ImportDone({ result }: { result: StaffImportResult }) {
  const [saved, setSaved] = useState(false);
  const download = () => {
    const lines = [
      "ログインID,氏名,初期パスワード",
      ...result.passwords.map((p) => [p.loginId, p.name, p.password].map(csvCell).join(",")),
    ];
    saveFile(lines.join("\r\n"), "職員_初期パスワード.csv");
    setSaved(true);
  };
  return (
    <section
      aria-labelledby="import-done-heading"
      className="flex flex-col gap-3 rounded-8 border-2 border-blue-900 bg-blue-50 p-4"
    >
      <FocusedHeading id="import-done-heading">登録しました</FocusedHeading>
      <p role="status">
        追加 {result.added} 人、変更 {result.changed} 人、無効化 {result.disabled} 人
        {result.skippedRows > 0 ? `（誤りのある ${result.skippedRows} 行は登録していません）` : ""}
      </p>
      {result.passwords.length > 0 && (
        <>
          <p className="font-bold text-error-2">
            追加した職員の初期パスワードは、この画面を離れると二度と表示できません。ダウンロードして本人に渡し、渡した後はファイルを削除してください。
          </p>
          <button type="button" className={`self-start ${primaryButton}`} onClick={download}>
            初期パスワードの一覧（CSV）をダウンロード
          </button>
          {saved && <p>ダウンロードしました。</p>}
        </>
      )}
    </section>
  );
}
