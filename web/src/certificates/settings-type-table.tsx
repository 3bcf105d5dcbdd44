import { certificateGroupLabels, requesterKindLabels } from "@ichimado/core/certificates/schemas";
import { Fragment, useId, useState } from "react";
import { flushSync } from "react-dom";
import { TableHead } from "../app/ui.tsx";
import type { Issue } from "../cases/form-errors.tsx";
import { StepButton } from "../cases/section.tsx";
import { emptyType, feeText, type TypeDraft } from "./settings-draft.ts";
import { useEntryList } from "./settings-list.ts";
import { TypeFields } from "./settings-type-fields.tsx";

/** The types a problem names (`types.3.fee.amount` → 3): their editors stay open until saved. */
function flaggedTypes(issues: readonly Issue[]): Set<number> {
  return new Set(
    issues.flatMap((i) => {
      const index = /^types\.(\d+)(\.|$)/.exec(i.path)?.[1];
      return index === undefined ? [] : [Number(index)];
    }),
  );
}

/**
 * The certificate types as the counter's fee table reads them, each with its editor opened under
 * its row. A type with a problem has its editor open, so the error summary can take focus to the
 * field. Saved types stay (old requests name them); a type added here may be taken back until saved.
 */
export function TypeTable({
  types,
  issues,
  fieldId,
  onChange,
}: {
  types: readonly TypeDraft[];
  issues: readonly Issue[];
  fieldId: (path: string) => string;
  onChange: (types: TypeDraft[]) => void;
}) {
  const id = useId();
  const list = useEntryList(types, onChange, (i) => fieldId(`types.${i}.key`));
  const [open, setOpen] = useState<ReadonlySet<number>>(new Set());
  const flagged = flaggedTypes(issues);
  const setOpenOne = (typeId: number, on: boolean) =>
    setOpen((s) => {
      const next = new Set(s);
      if (on) next.add(typeId);
      else next.delete(typeId);
      return next;
    });
  const add = () => {
    const added = emptyType();
    list.add(added, () => setOpenOne(added.id, true));
  };
  const close = (t: TypeDraft) => {
    flushSync(() => setOpenOne(t.id, false));
    document.getElementById(`${id}-toggle-${t.id}`)?.focus();
  };

  return (
    <section aria-labelledby={`${id}-heading`} className="flex flex-col gap-4">
      <h2 id={`${id}-heading`} className="text-std-24B-150">
        証明書の種類
      </h2>
      <div className="overflow-x-auto">
        <table className="w-full border-collapse bg-white text-left text-dns-16N-130">
          <caption className="sr-only">証明書の種類と手数料（「編集」で行の下に入力欄が開きます）</caption>
          <TableHead columns={["証明書の種類", "分類", "手数料", "請求できる人", "操作"]} />
          <tbody>
            {types.map((t, i) => {
              const expanded = open.has(t.id) || flagged.has(i);
              const name = t.name.trim() || "（名称未入力）";
              return (
                <Fragment key={t.id}>
                  <tr className="border-b border-solid-gray-420 align-top" data-certificate={t.key}>
                    <th scope="row" className="px-3 py-2 text-left font-normal">
                      <span className="text-dns-16B-130">{name}</span>
                      <div className="font-mono text-dns-14N-130 text-solid-gray-700">{t.key}</div>
                    </th>
                    <td className="whitespace-nowrap px-3 py-2">{certificateGroupLabels[t.group]}</td>
                    <td className="px-3 py-2">{feeText(t)}</td>
                    <td className="px-3 py-2">
                      {t.requesters.map((r) => requesterKindLabels[r]).join("・")}
                    </td>
                    <td className="whitespace-nowrap px-3 py-2">
                      {flagged.has(i) ? (
                        <span className="text-dns-16B-130 text-error-2">要修正</span>
                      ) : (
                        <StepButton
                          id={`${id}-toggle-${t.id}`}
                          pending={false}
                          variant="secondary"
                          aria-expanded={expanded}
                          aria-controls={`${id}-panel-${t.id}`}
                          onClick={() => setOpenOne(t.id, !expanded)}
                        >
                          {expanded ? "閉じる" : "編集"}
                          <span className="sr-only">: {name}</span>
                        </StepButton>
                      )}
                    </td>
                  </tr>
                  {expanded && (
                    <tr
                      id={`${id}-panel-${t.id}`}
                      className="border-b border-solid-gray-420 bg-solid-gray-50"
                    >
                      <td colSpan={5} className="p-4">
                        <fieldset className="flex flex-col gap-4">
                          <legend className="text-std-20B-150">{name}の設定</legend>
                          <TypeFields
                            index={i}
                            draft={t}
                            fieldId={fieldId}
                            issues={issues}
                            onChange={(change) => list.edit(i, change)}
                          />
                          <div className="flex flex-wrap gap-4">
                            {!flagged.has(i) && (
                              <StepButton pending={false} variant="secondary" onClick={() => close(t)}>
                                入力欄を閉じる
                              </StepButton>
                            )}
                            {t.isNew && (
                              <StepButton pending={false} variant="danger" onClick={() => list.remove(i)}>
                                この種類の追加を取り消す
                              </StepButton>
                            )}
                          </div>
                        </fieldset>
                      </td>
                    </tr>
                  )}
                </Fragment>
              );
            })}
          </tbody>
        </table>
      </div>
      <div>
        <StepButton id={list.addId} pending={false} variant="secondary" onClick={add}>
          証明書の種類を追加
        </StepButton>
      </div>
    </section>
  );
}
