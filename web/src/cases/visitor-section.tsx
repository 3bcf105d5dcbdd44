import {
  authorityDocumentLabels,
  type CaseDetail,
  visitorRelationLabels,
} from "@ichimado/core/cases/schemas";
import { TableHead } from "../app/ui.tsx";
import { CaseSection, ReadOnlyNote } from "./section.tsx";
import { VisitorForm } from "./visitor-form.tsx";

type Visitor = NonNullable<CaseDetail["visitor"]>;

/**
 * 来庁者: who stands at the counter, from the 選択中の宛名 or typed, and how they stand to the
 * subjects. What they say that differs from the register is kept as a correction; the register is
 * never changed from here.
 */
export function VisitorSection({
  caseId,
  visitor,
  editable,
}: {
  caseId: number;
  visitor: Visitor | null;
  editable: boolean;
}) {
  return (
    <CaseSection id="visitor" title="来庁者">
      {visitor && <VisitorFindings visitor={visitor} />}
      {editable ? (
        <VisitorForm caseId={caseId} visitor={visitor} />
      ) : visitor ? (
        <VisitorSummary visitor={visitor} />
      ) : (
        <ReadOnlyNote>来庁者は入力されていません</ReadOnlyNote>
      )}
    </CaseSection>
  );
}

/** The server's warnings and the differences from the register, above the form, where staff look first. */
function VisitorFindings({ visitor }: { visitor: Visitor }) {
  return (
    <>
      <div role="alert">
        {visitor.warnings.length > 0 && (
          <ul aria-label="来庁者についての注意" className="flex flex-col gap-2">
            {visitor.warnings.map((w) => (
              <li
                key={w}
                className="rounded-8 border-2 border-orange-800 bg-orange-50 px-4 py-2 text-std-16B-170 text-orange-1100"
              >
                <span aria-hidden="true">⚠ </span>
                {w}
              </li>
            ))}
          </ul>
        )}
      </div>
      {visitor.corrections.length > 0 && (
        <div className="overflow-x-auto">
          <table className="w-full border-collapse text-left text-dns-16N-130">
            <caption className="text-left text-std-16B-170">住民記録と異なる項目</caption>
            <TableHead columns={["項目", "来庁者の申し出", "住民記録"]} />
            <tbody>
              {visitor.corrections.map((c) => (
                <tr key={c.field} className="border-b border-solid-gray-420 align-top">
                  <th scope="row" className="px-3 py-2 text-left">
                    {c.label}
                  </th>
                  <td className="px-3 py-2 font-bold">{c.visitorValue}</td>
                  <td className="px-3 py-2">{c.registerValue || "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

function VisitorSummary({ visitor }: { visitor: Visitor }) {
  const v = visitor.input;
  return (
    <dl className="grid grid-cols-[max-content_1fr] gap-x-6 gap-y-2 text-dns-16N-130">
      <dt className="text-solid-gray-700">氏名</dt>
      <dd>
        {v.name}
        {v.nameKana && `（${v.nameKana}）`}
      </dd>
      <dt className="text-solid-gray-700">関係</dt>
      <dd>
        {visitorRelationLabels[v.relation]}
        {v.relationDetail && ` ${v.relationDetail}`}
        {v.authorityDocument && ` / ${authorityDocumentLabels[v.authorityDocument]}`}
      </dd>
      <dt className="text-solid-gray-700">生年月日</dt>
      <dd>{v.birthDate ?? "—"}</dd>
      <dt className="text-solid-gray-700">住所</dt>
      <dd>{v.address || "—"}</dd>
      <dt className="text-solid-gray-700">電話番号</dt>
      <dd>{v.phone || "—"}</dd>
    </dl>
  );
}
