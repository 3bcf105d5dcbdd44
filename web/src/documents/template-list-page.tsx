import { templateKeySchema } from "@ichimado/core/documents/template";
import { useState } from "react";
import { Link, useNavigate } from "react-router";
import { errorMessage } from "../app/api.ts";
import { ErrorAlert, Loading, TableHead, useTitle } from "../app/ui.tsx";
import { TextInput } from "../cases/fields.tsx";
import { linkClass } from "../cases/section.tsx";
import { EditorFrame } from "../catalog/editor-frame.tsx";
import { BasePdfUpload } from "./base-pdf-upload.tsx";
import { useTemplateVersions } from "./template-api.ts";
import type { NewTemplateState } from "./template-designer-page.tsx";

/** 帳票様式 (catalogAdmin): the form templates with their newest version, and a new one over a PDF. */
export function TemplateListPage() {
  useTitle("帳票様式");
  const versions = useTemplateVersions();
  const newest = [];
  const seen = new Set<string>();
  // The server lists the newest version of each key first.
  for (const v of versions.data?.templates ?? []) {
    if (seen.has(v.key)) continue;
    seen.add(v.key);
    newest.push(v);
  }
  return (
    <EditorFrame title="帳票様式" boxed={false}>
      {versions.isPending ? (
        <Loading />
      ) : versions.isError ? (
        <ErrorAlert message={errorMessage(versions.error)} />
      ) : (
        <table className="w-full bg-white text-left">
          <caption className="sr-only">帳票様式の一覧</caption>
          <TableHead columns={["様式名", "様式キー", "版", "適用期間", "項目数", "作成"]} />
          <tbody>
            {newest.map((v) => (
              <tr key={v.key} className="border-b border-solid-gray-420">
                <th scope="row" className="p-2">
                  <Link to={`/admin/documents/templates/${v.key}`} className={linkClass}>
                    {v.name}
                  </Link>
                </th>
                <td className="p-2">{v.key}</td>
                <td className="p-2">{v.version}</td>
                <td className="p-2">
                  {v.validFrom} 〜 {v.validTo ?? ""}
                </td>
                <td className="p-2">{v.fields.length}</td>
                <td className="p-2">
                  {v.created.staffName}（{v.created.at.slice(0, 10)}）
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <NewTemplate taken={seen} />
    </EditorFrame>
  );
}

function NewTemplate({ taken }: { taken: ReadonlySet<string> }) {
  const navigate = useNavigate();
  const [key, setKey] = useState("");
  const [name, setName] = useState("");
  const [keyError, setKeyError] = useState<string | undefined>();
  const checkKey = () => {
    const parsed = templateKeySchema.safeParse(key.trim());
    const message = !parsed.success
      ? (parsed.error.issues[0]?.message ?? "様式キーが正しくありません")
      : taken.has(key.trim())
        ? "この様式キーは既にあります。一覧から選んで編集してください"
        : undefined;
    setKeyError(message);
    return message ?? null;
  };
  return (
    <section
      aria-labelledby="new-template-heading"
      className="flex flex-col gap-4 rounded-8 border border-solid-gray-420 bg-white p-6"
    >
      <h2 id="new-template-heading" className="text-std-20B-150">
        新しい様式
      </h2>
      <p>市の紙の様式をPDFで登録し、その上に印字する項目を置きます。</p>
      <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
        <TextInput
          id="new-template-key"
          label="様式キー"
          hint="英小文字・数字・ハイフン（例: dog-registration）"
          value={key}
          error={keyError}
          onChange={(e) => setKey(e.target.value)}
        />
        <TextInput
          id="new-template-name"
          label="様式名"
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
      </div>
      <BasePdfUpload
        label="元のPDF"
        name={name}
        beforeUpload={checkKey}
        onUploaded={(basePdfId) => {
          const state: NewTemplateState = { key: key.trim(), name: name.trim(), basePdfId };
          navigate("/admin/documents/new-template", { state });
        }}
      />
    </section>
  );
}
