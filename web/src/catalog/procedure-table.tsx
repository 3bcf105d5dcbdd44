import type { CatalogView } from "@ichimado/core/catalog/admin-schemas";
import { describeCondition } from "@ichimado/core/catalog/describe";
import { type ProgrammeKey, programmeKeys, programmeLabels } from "@ichimado/core/programmes/programmes";
import { foldKana } from "@ichimado/core/search/kana";
import { useId, useMemo, useState } from "react";
import { Link, useSearchParams } from "react-router";
import { TableHead } from "../app/ui.tsx";
import { SelectInput, TextInput } from "../cases/fields.tsx";
import { linkClass } from "../cases/section.tsx";
import { validityText } from "./labels.ts";

const fold = (text: string) => foldKana(text).toLowerCase();

/**
 * The procedures, narrowed as staff type (name, key or rule) and by programme. The filter lives in
 * the URL, so coming back from an editor shows the same rows.
 */
export function ProcedureTable({ view }: { view: CatalogView }) {
  const id = useId();
  const [params, setParams] = useSearchParams();
  // The typed text is the input's own state, copied to the URL after each change: an input driven
  // by the URL lost keys typed faster than the navigation that updates it.
  const [text, setText] = useState(() => params.get("q") ?? "");
  const programme = params.get("programme") ?? "";
  const setFilter = (name: string, value: string) =>
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        if (value) next.set(name, value);
        else next.delete(name);
        return next;
      },
      { replace: true },
    );

  const rows = useMemo(() => {
    const counters = new Map(view.counters.map((c) => [c.id, c.name]));
    return view.procedures.map((p) => {
      const rule = p.rule ? describeCondition(p.rule, view.questions) : null;
      return {
        p,
        counter: counters.get(p.counterId) ?? p.counterId,
        rule,
        search: fold(`${p.name} ${p.key} ${rule ?? "手動で追加"}`),
      };
    });
  }, [view]);
  const used = new Set(view.procedures.map((p) => p.programme));
  const wanted = fold(text.trim());
  const shown = rows.filter(
    (r) => (!programme || r.p.programme === programme) && (!wanted || r.search.includes(wanted)),
  );

  return (
    <section aria-labelledby={`${id}-heading`} className="flex flex-col gap-4">
      <div className="flex flex-wrap items-baseline gap-4">
        <h2 id={`${id}-heading`} className="text-std-24B-150">
          手続き
        </h2>
        <p role="status" className="text-std-16B-170" data-testid="procedure-count">
          {shown.length} 件{shown.length < rows.length && ` （全 ${rows.length} 件）`}
        </p>
        <Link to="/admin/catalog/new-procedure" className={`ml-auto ${linkClass}`}>
          新しい手続き
        </Link>
      </div>
      <search aria-label="手続きの絞り込み" className="grid grid-cols-1 items-start gap-4 md:grid-cols-2">
        <TextInput
          id={`${id}-q`}
          label="手続き名・キー・ルールで絞り込み"
          type="search"
          value={text}
          onChange={(e) => {
            setText(e.currentTarget.value);
            setFilter("q", e.currentTarget.value);
          }}
        />
        <SelectInput
          id={`${id}-programme`}
          label="業務"
          value={programme}
          onChange={(e) => setFilter("programme", e.currentTarget.value)}
        >
          <option value="">すべて</option>
          {programmeKeys
            .filter((k: ProgrammeKey) => used.has(k))
            .map((k) => (
              <option key={k} value={k}>
                {programmeLabels[k]}
              </option>
            ))}
        </SelectInput>
      </search>
      {shown.length === 0 ? (
        <p className="rounded-8 border border-solid-gray-420 bg-white p-4">該当する手続きはありません</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full border-collapse bg-white text-left text-dns-16N-130">
            <caption className="sr-only">手続きの一覧 (手続き名を選ぶと編集します)</caption>
            <TableHead columns={["手続き", "業務", "窓口", "派生ルール", "適用期間"]} nowrap />
            <tbody>
              {shown.map(({ p, counter, rule }) => (
                <tr key={p.key} className="border-b border-solid-gray-420 align-top" data-procedure={p.key}>
                  <th scope="row" className="px-3 py-2 text-left font-normal">
                    <Link
                      to={`/admin/catalog/procedures/${p.key}`}
                      className={`text-dns-16B-130 ${linkClass}`}
                    >
                      {p.name}
                    </Link>
                    <div className="font-mono text-dns-14N-130 text-solid-gray-700">{p.key}</div>
                  </th>
                  <td className="px-3 py-2">{programmeLabels[p.programme]}</td>
                  <td className="whitespace-nowrap px-3 py-2">{counter}</td>
                  <td className="px-3 py-2">
                    {rule ?? <span className="text-solid-gray-700">手動で追加</span>}
                  </td>
                  <td className="whitespace-nowrap px-3 py-2">{validityText(p.validFrom, p.validTo)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
