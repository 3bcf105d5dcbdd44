import type { CertificateQuote, certificateSettingsSchema } from "@ichimado/core/certificates/api";
import type { RequestLine } from "@ichimado/core/certificates/schemas";
import type { PersonSummary } from "@ichimado/core/search/schemas";
import { Link } from "react-router";
import type { z } from "zod";
import { TableHead } from "../app/ui.tsx";
import { linkClass, StepButton } from "../cases/section.tsx";
import { personLabel } from "./persons.ts";

type Settings = z.infer<typeof certificateSettingsSchema>;
type Problem = CertificateQuote["problems"][number];

/**
 * The problems that are about who asks whatever the line (委任状, reason): shown once, with the
 * requester. "requester" (this certificate is not for this requester) stays with its line.
 */
export const requesterFields = new Set(["delegation", "reason"]);

const labelOf = (p: PersonSummary | undefined) => (p ? personLabel(p) : undefined);
const yen = (n: number) => `${n.toLocaleString("ja-JP")}円`;

/** What a line asks for beyond the certificate: 記載事項, 年度, 税目, 筆数. */
function contents(line: RequestLine, settings: Settings): string {
  const type = settings.types.find((t) => t.key === line.certificateKey);
  const options = line.options.map((k) => type?.options.find((o) => o.key === k)?.name ?? k);
  return [
    ...(options.length > 0 ? [`記載: ${options.join("・")}`] : []),
    ...(line.years.length > 0 ? [`${line.years.join("・")}年度`] : []),
    ...(line.taxes.length > 0 ? [line.taxes.join("・")] : []),
    ...(line.parcels !== null ? [`${line.parcels}筆・棟`] : []),
  ].join("／");
}

/**
 * The request's lines with the fee of each as the server quoted it, what stops or warns about
 * each line right under it, and the total: what the clerk reads out to the visitor.
 */
export function RequestLines({
  lines,
  quote,
  quoting,
  persons,
  settings,
  editable,
  onEdit,
  onRemove,
}: {
  /** each line with a key of its own: lines are removed and changed in place */
  lines: readonly { key: number; line: RequestLine }[];
  quote: CertificateQuote | undefined;
  quoting: boolean;
  persons: readonly PersonSummary[];
  settings: Settings;
  editable: boolean;
  onEdit: (index: number) => void;
  onRemove: (index: number) => void;
}) {
  const byId = new Map(persons.map((p) => [p.id, p]));
  const purposes = new Map(settings.purposes.map((p) => [p.key, p.name]));
  const problemsOf = (index: number): Problem[] =>
    quote?.problems.filter((p) => p.index === index && !requesterFields.has(p.field)) ?? [];
  const columns = ["対象の方", "証明書", "内容", "使用目的", "通数", "手数料", ...(editable ? ["操作"] : [])];
  return (
    <div className="flex flex-col gap-2">
      <div className="overflow-x-auto">
        <table className="w-full border-collapse text-left text-dns-16N-130">
          <caption className="text-left text-std-16B-170">請求する証明書</caption>
          <TableHead columns={columns} nowrap />
          {lines.map(({ key, line }, index) => {
            const fee = quote?.lines.find((l) => l.index === index);
            const problems = problemsOf(index);
            const purpose = purposes.get(line.purpose) ?? line.purpose;
            const type = settings.types.find((t) => t.key === line.certificateKey);
            return (
              // One tbody per line keeps a line and its problems together for screen readers.
              <tbody key={key} data-line={index}>
                <tr
                  className={problems.length > 0 ? "align-top" : "border-b border-solid-gray-420 align-top"}
                >
                  <td className="px-3 py-2">{labelOf(byId.get(line.personId)) ?? line.personId}</td>
                  <th scope="row" className="px-3 py-2 font-normal">
                    {type?.name ?? line.certificateKey}
                  </th>
                  <td className="px-3 py-2">{contents(line, settings) || "—"}</td>
                  <td className="px-3 py-2">
                    {purpose}
                    {line.purposeText && `（${line.purposeText}）`}
                  </td>
                  <td className="whitespace-nowrap px-3 py-2">{line.quantity}通</td>
                  <td className="px-3 py-2">
                    {fee ? (
                      <>
                        <span className="text-std-16B-170">{yen(fee.amount)}</span>
                        <span className="block text-dns-14N-130 text-solid-gray-700">{fee.breakdown}</span>
                        {fee.exemption && (
                          <span className="block text-dns-14N-130 text-solid-gray-700">
                            根拠: {fee.exemption.legalBasis}
                          </span>
                        )}
                      </>
                    ) : (
                      "—"
                    )}
                  </td>
                  {editable && (
                    <td className="px-3 py-2">
                      <div className="flex gap-2">
                        <StepButton
                          pending={false}
                          variant="secondary"
                          className="whitespace-nowrap"
                          aria-label={`${index + 1}件目を変更`}
                          onClick={() => onEdit(index)}
                        >
                          変更
                        </StepButton>
                        <StepButton
                          pending={false}
                          variant="danger"
                          className="whitespace-nowrap"
                          aria-label={`${index + 1}件目を削除`}
                          onClick={() => onRemove(index)}
                        >
                          削除
                        </StepButton>
                      </div>
                    </td>
                  )}
                </tr>
                {problems.length > 0 && (
                  <tr className="border-b border-solid-gray-420">
                    <td colSpan={columns.length} className="px-3 pb-2">
                      <ProblemList
                        problems={problems}
                        protectedPerson={
                          byId.get(line.personId)?.flags.supportMeasure ? line.personId : undefined
                        }
                      />
                    </td>
                  </tr>
                )}
              </tbody>
            );
          })}
        </table>
      </div>
      <p role="status" className="text-std-20B-150">
        手数料の合計: {quote ? yen(quote.total) : "—"}
        {quoting && <span className="ml-2 text-dns-14N-130 text-solid-gray-700">計算中…</span>}
      </p>
    </div>
  );
}

/**
 * A line's problems; a block on a 支援措置 subject links to the person view, where the warning is
 * acknowledged (and audited) before a 本人's request can go on.
 */
function ProblemList({
  problems,
  protectedPerson,
}: {
  problems: readonly Problem[];
  protectedPerson?: string | undefined;
}) {
  return (
    <ul className="flex flex-col gap-1">
      {problems.map((p) => (
        <li
          key={`${p.field}-${p.message}`}
          className={
            p.severity === "block"
              ? "rounded-4 border-l-4 border-error-1 bg-red-50 px-3 py-1 text-error-2"
              : "rounded-4 border-l-4 border-orange-800 bg-orange-50 px-3 py-1 text-orange-1100"
          }
        >
          {p.severity === "block" ? "受付できません: " : "注意: "}
          {p.message}
          {protectedPerson && p.severity === "block" && p.field === "personId" && (
            <>
              {" "}
              <Link to={`/persons/${encodeURIComponent(protectedPerson)}`} className={linkClass}>
                宛名照会で警告を確認する
              </Link>
            </>
          )}
        </li>
      ))}
    </ul>
  );
}
