import type { CatalogView } from "@ichimado/core/catalog/admin-schemas";
import { describeCondition } from "@ichimado/core/catalog/describe";
import { useId, useMemo } from "react";
import { Link } from "react-router";
import { TableHead } from "../app/ui.tsx";
import { linkClass } from "../cases/section.tsx";
import { answerKindLabels } from "./labels.ts";

/** The navigation questions: when each is asked, and how many procedures name it as a check item. */
export function QuestionTable({ view }: { view: CatalogView }) {
  const id = useId();
  const rows = useMemo(
    () =>
      view.questions.map((q) => ({
        q,
        askWhen: q.askWhen ? describeCondition(q.askWhen, view.questions) : null,
        procedures: view.procedures.filter((p) => p.questions.includes(q.key)).length,
      })),
    [view],
  );
  return (
    <section aria-labelledby={`${id}-heading`} className="flex flex-col gap-4">
      <div className="flex flex-wrap items-baseline gap-4">
        <h2 id={`${id}-heading`} className="text-std-24B-150">
          質問
        </h2>
        <p className="text-std-16B-170">{rows.length} 件</p>
        <Link to="/admin/catalog/new-question" className={`ml-auto ${linkClass}`}>
          新しい質問
        </Link>
      </div>
      <div className="overflow-x-auto">
        <table className="w-full border-collapse bg-white text-left text-dns-16N-130">
          <caption className="sr-only">質問の一覧 (見出しを選ぶと編集します)</caption>
          <TableHead columns={["見出し", "質問文", "回答", "聞く条件", "確認事項にした手続き"]} />
          <tbody>
            {rows.map(({ q, askWhen, procedures }) => (
              <tr key={q.key} className="border-b border-solid-gray-420 align-top" data-question={q.key}>
                <th scope="row" className="px-3 py-2 text-left font-normal">
                  <Link to={`/admin/catalog/questions/${q.key}`} className={`text-dns-16B-130 ${linkClass}`}>
                    {q.label}
                  </Link>
                  <div className="font-mono text-dns-14N-130 text-solid-gray-700">{q.key}</div>
                </th>
                <td className="px-3 py-2">{q.text}</td>
                <td className="whitespace-nowrap px-3 py-2">{answerKindLabels[q.answerKind]}</td>
                <td className="px-3 py-2">
                  {askWhen ?? <span className="text-solid-gray-700">手続きの確認事項として</span>}
                </td>
                <td className="px-3 py-2 text-right tabular-nums">{procedures} 件</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
