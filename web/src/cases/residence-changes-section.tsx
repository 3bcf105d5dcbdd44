import type { CaseDetail } from "@ichimado/core/cases/schemas";
import { type ReactNode, useRef, useState } from "react";
import { formatDateTime } from "../registry/status.ts";
import { formatDate } from "../search/format.ts";
import { AddressText } from "../search/views.tsx";
import { useRemoveResidenceChange } from "./api.ts";
import { ErrorSummary } from "./form-errors.tsx";
import { NavigationPanel } from "./navigation-panel.tsx";
import { ResidenceChangeForm } from "./residence-change-form.tsx";
import { CaseSection, SavedMessage, StepButton } from "./section.tsx";

type ResidenceChange = CaseDetail["residenceChanges"][number];

/** 届出 (住民異動届): those taken in this case, several households each on its own, and the form. */
export function ResidenceChangesSection({
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
  const remove = useRemoveResidenceChange(caseId);
  // Taking or removing the 住民異動届 changes the list above the form: the heading keeps focus in
  // the section, and the message says what happened.
  const announce = (text: string) => {
    setMessage(text);
    heading.current?.focus();
  };
  return (
    <CaseSection id="residenceChanges" title="届出 (住民異動届)" headingRef={heading}>
      {detail.residenceChanges.length === 0 ? (
        <p className="text-dns-16N-130">受け付けた届出はありません</p>
      ) : (
        <ul className="flex flex-col gap-3">
          {detail.residenceChanges.map((n) => (
            <li key={n.id}>
              <ResidenceChangeCard
                residenceChange={n}
                navigation={
                  <NavigationPanel
                    caseId={caseId}
                    residenceChangeId={n.id}
                    questions={n.questions}
                    editable={editable}
                  />
                }
                action={
                  editable && (
                    <StepButton
                      pending={remove.isPending}
                      variant="danger"
                      onClick={() =>
                        remove.mutate(n.id, {
                          onSuccess: () => announce(`${n.label}の届出を取り消しました`),
                        })
                      }
                    >
                      {n.label}の届出（{householdText(n)}）を取り消す
                    </StepButton>
                  )
                }
              />
            </li>
          ))}
        </ul>
      )}
      <ErrorSummary error={remove.error} fieldId={() => ""} />
      <SavedMessage message={message} />
      {editable && <ResidenceChangeForm caseId={caseId} subjects={detail.subjects} onTaken={announce} />}
    </CaseSection>
  );
}

const householdText = (n: ResidenceChange) =>
  n.input.householdId ? `世帯番号 ${n.input.householdId}` : "新しい世帯";

function ResidenceChangeCard({
  residenceChange: n,
  navigation,
  action,
}: {
  residenceChange: ResidenceChange;
  navigation: ReactNode;
  action: ReactNode;
}) {
  const moving = n.persons.map((p) => (p.id.startsWith("new:") ? `${p.name} (新たに記録)` : p.name));
  return (
    <article
      aria-labelledby={`residenceChange-${n.id}`}
      className="flex flex-col gap-2 rounded-8 border border-solid-gray-420 p-4"
    >
      <h3 id={`residenceChange-${n.id}`} className="text-std-18B-160">
        {n.label}の届出（{householdText(n)}）
      </h3>
      <dl className="grid grid-cols-[max-content_1fr] gap-x-6 gap-y-1 text-dns-16N-130">
        <dt className="text-solid-gray-700">異動日</dt>
        <dd>{formatDate(n.input.occurredOn)}</dd>
        <dt className="text-solid-gray-700">異動する人</dt>
        <dd>{moving.length === 0 ? "—" : `${moving.join("、")}（${moving.length} 人）`}</dd>
        {n.newAddress && (
          <>
            <dt className="text-solid-gray-700">
              {n.newAddress.masked ? "住所" : n.input.newAddress ? "新しい住所" : "市外の住所"}
            </dt>
            <dd>
              <AddressText address={n.newAddress} />
            </dd>
          </>
        )}
        {n.input.note && (
          <>
            <dt className="text-solid-gray-700">備考</dt>
            <dd>{n.input.note}</dd>
          </>
        )}
        <dt className="text-solid-gray-700">受付</dt>
        <dd>
          {n.created.staffName}（{n.created.counterName}）{formatDateTime(n.created.at)}
        </dd>
      </dl>
      {navigation}
      {action && <div>{action}</div>}
    </article>
  );
}
