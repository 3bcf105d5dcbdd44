import type { CaseDetail, SubjectInput } from "@ichimado/core/cases/schemas";
import { useRef, useState } from "react";
import { Link } from "react-router";
import { TableHead } from "../app/ui.tsx";
import { formatDate } from "../search/format.ts";
import { useSelection } from "../search/selection.tsx";
import { AddressText, FlagBadges, StatusLabel } from "../search/views.tsx";
import { useAddSubject, useRemoveSubject } from "./api.ts";
import { ErrorSummary } from "./form-errors.tsx";
import { HouseholdCandidates } from "./household-candidates.tsx";
import { CaseSection, linkClass, SavedMessage, StepButton } from "./section.tsx";
import { TypedSubjectForm } from "./typed-subject-form.tsx";

type Subject = CaseDetail["subjects"][number];

/** 申請対象者: from the 選択中の宛名 (the visitor too) or typed; each links to the person view. */
export function SubjectsSection({
  caseId,
  detail,
  editable,
}: {
  caseId: number;
  detail: CaseDetail;
  editable: boolean;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  const [message, setMessage] = useState("");
  // Whatever was pressed is gone once the list changes; the heading keeps the keyboard in the section.
  const announce = (text: string) => {
    setMessage(text);
    heading.current?.focus();
  };
  return (
    <CaseSection id="subjects" title="申請対象者" headingRef={heading}>
      {detail.subjects.length === 0 ? (
        <p className="text-dns-16N-130">申請対象者はまだいません</p>
      ) : (
        <SubjectTable caseId={caseId} subjects={detail.subjects} editable={editable} onRemoved={announce} />
      )}
      <SavedMessage message={message} />
      {editable && (
        <>
          <PickedSubjects caseId={caseId} detail={detail} onAdded={announce} />
          <HouseholdCandidates caseId={caseId} detail={detail} onAdded={announce} />
          <TypedSubjectForm caseId={caseId} onAdded={setMessage} />
        </>
      )}
    </CaseSection>
  );
}

function SubjectTable({
  caseId,
  subjects,
  editable,
  onRemoved,
}: {
  caseId: number;
  subjects: Subject[];
  editable: boolean;
  onRemoved: (message: string) => void;
}) {
  const remove = useRemoveSubject(caseId);
  const columns = ["氏名", "生年月日", "住所", "状態", "注意事項", ...(editable ? ["操作"] : [])];
  return (
    <div className="flex flex-col gap-2">
      <ErrorSummary error={remove.error} fieldId={() => ""} />
      <div className="overflow-x-auto">
        <table className="w-full border-collapse text-left text-dns-16N-130">
          <caption className="sr-only">申請対象者</caption>
          <TableHead columns={columns} nowrap />
          <tbody>
            {subjects.map((s) => {
              const name = s.person?.name ?? s.typed?.name ?? "";
              return (
                <tr key={s.id} className="border-b border-solid-gray-420 align-top">
                  <th scope="row" className="px-3 py-2 text-left font-normal">
                    {s.person ? (
                      <Link to={`/persons/${encodeURIComponent(s.person.id)}`} className={linkClass}>
                        {s.person.name}
                      </Link>
                    ) : (
                      <span>{name}</span>
                    )}
                    <div className="text-dns-14N-130 text-solid-gray-700">
                      {s.person?.nameKana ?? s.typed?.nameKana}
                    </div>
                    {s.person ? (
                      <div className="font-mono text-dns-14N-130 text-solid-gray-700">{s.person.id}</div>
                    ) : (
                      <div className="text-dns-14N-130 text-orange-1100">住民記録にない人 (入力)</div>
                    )}
                  </th>
                  <td className="px-3 py-2">
                    {formatDate(s.person?.birthDate ?? s.typed?.birthDate ?? null, s.person?.birthDateWareki)}
                  </td>
                  <td className="px-3 py-2">
                    {s.person ? <AddressText address={s.person.address} /> : s.typed?.address || "—"}
                  </td>
                  <td className="px-3 py-2">{s.person ? <StatusLabel status={s.person.status} /> : "—"}</td>
                  <td className="px-3 py-2">{s.person && <FlagBadges flags={s.person.flags} />}</td>
                  {editable && (
                    <td className="px-3 py-2">
                      <StepButton
                        pending={remove.isPending}
                        variant="danger"
                        aria-label={`${name} を申請対象者から外す`}
                        onClick={() =>
                          remove.mutate(s.id, {
                            onSuccess: () => onRemoved(`${name} を申請対象者から外しました`),
                          })
                        }
                      >
                        外す
                      </StepButton>
                    </td>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}

/** One button per chosen person (the visitor first) who is not a subject yet. */
function PickedSubjects({
  caseId,
  detail,
  onAdded,
}: {
  caseId: number;
  detail: CaseDetail;
  onAdded: (message: string) => void;
}) {
  const add = useAddSubject(caseId);
  const { visitor, subjects } = useSelection();
  const taken = new Set(detail.subjects.flatMap((s) => (s.person ? [s.person.id] : [])));
  const candidates: { key: string; name: string; role: string; input: SubjectInput }[] = [];
  const seen = new Set<string>();
  const offer = (id: string | null | undefined, name: string, role: string) => {
    if (!id || taken.has(id) || seen.has(id)) return;
    seen.add(id);
    candidates.push({ key: id, name, role, input: { personId: id } });
  };
  const caseVisitor = detail.visitor?.input;
  offer(caseVisitor?.personId, caseVisitor?.name ?? "", "来庁者");
  // A visitor not in the register (転入 from elsewhere, say) is the subject as typed at the counter:
  // what they said once is not typed again.
  if (caseVisitor && caseVisitor.personId === null && caseVisitor.name) {
    const typedAlready = detail.subjects.some(
      (s) => s.typed?.name === caseVisitor.name && (s.typed?.birthDate ?? null) === caseVisitor.birthDate,
    );
    if (!typedAlready) {
      candidates.push({
        key: "typed-visitor",
        name: caseVisitor.name,
        role: "来庁者",
        input: {
          typed: {
            name: caseVisitor.name,
            nameKana: caseVisitor.nameKana,
            birthDate: caseVisitor.birthDate,
            address: caseVisitor.address,
          },
        },
      });
    }
  }
  offer(visitor?.id, visitor?.name ?? "", "選択中の来庁者");
  for (const s of subjects) offer(s.id, s.name, "選択中の対象者");

  return (
    <div className="flex flex-col gap-2 border-t border-solid-gray-420 pt-4">
      <h3 className="text-std-18B-160">選択中の宛名から追加</h3>
      {candidates.length === 0 ? (
        <p className="text-dns-16N-130 text-solid-gray-700">
          追加できる宛名はありません (宛名検索で「対象者に追加」した人がここに出ます)
        </p>
      ) : (
        <ul className="flex flex-wrap gap-2">
          {candidates.map((c) => (
            <li key={c.key}>
              <StepButton
                pending={add.isPending}
                variant="secondary"
                onClick={() =>
                  add.mutate(c.input, { onSuccess: () => onAdded(`${c.name} を申請対象者に追加しました`) })
                }
              >
                {c.role} {c.name} を追加
              </StepButton>
            </li>
          ))}
        </ul>
      )}
      <ErrorSummary error={add.error} fieldId={() => ""} />
    </div>
  );
}
