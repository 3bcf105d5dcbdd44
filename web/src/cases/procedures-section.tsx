import type { CaseDetail, CaseProcedure } from "@ichimado/core/cases/schemas";
import {
  type ProcedureStatus,
  procedureStatuses,
  settledProcedureStatuses,
} from "@ichimado/core/cases/schemas";
import { useState } from "react";
import { TableHead } from "../app/ui.tsx";
import { AddProcedureForm } from "./add-procedure-form.tsx";
import { ProcedureRow } from "./procedure-row.tsx";
import { CaseSection, SavedMessage } from "./section.tsx";

interface Group {
  key: string;
  title: string;
  procedures: CaseProcedure[];
}

/** By 住民異動届 (in the order taken), then those added without one. */
function groups(detail: CaseDetail): Group[] {
  const byResidenceChange = detail.residenceChanges.map((n) => ({
    key: `n${n.id}`,
    title: `${n.label}の届出（${n.input.householdId ? `世帯番号 ${n.input.householdId}` : "新しい世帯"}）の手続き`,
    procedures: detail.procedures.filter((p) => p.residenceChangeId === n.id),
  }));
  const known = new Set(detail.residenceChanges.map((n) => n.id));
  const others = detail.procedures.filter(
    (p) => p.residenceChangeId === null || !known.has(p.residenceChangeId),
  );
  return [
    ...byResidenceChange,
    ...(others.length > 0 ? [{ key: "other", title: "届出によらない手続き", procedures: others }] : []),
  ];
}

/**
 * While the case is open every status may be set. After it is closed the back office records
 * 受付済 → 審査済 → 完了 (K37, L41) on the procedures its counter takes; nothing else changes.
 */
function statusChoices(
  p: CaseProcedure,
  caseStatus: CaseDetail["status"],
  editable: boolean,
): readonly ProcedureStatus[] | null {
  if (editable) return procedureStatuses;
  if (caseStatus === "closed" && p.handling === "handledHere") return backOfficeStatuses;
  return null;
}
const backOfficeStatuses: readonly ProcedureStatus[] = ["received", "reviewed", "completed"];

const columns = ["手続き", "対象者", "業務", "窓口", "状態", "理由・案内"];

/**
 * 手続き一覧: what the 住民異動届 need (and what staff added), each with where it is taken —
 * here, or at the counter the visitor is sent to — and its status.
 */
export function ProceduresSection({
  caseId,
  detail,
  editable,
}: {
  caseId: number;
  detail: CaseDetail;
  editable: boolean;
}) {
  const [message, setMessage] = useState("");
  const all = detail.procedures;
  const settled = all.filter((p) => settledProcedureStatuses.has(p.status)).length;
  return (
    <CaseSection id="procedures" title="手続き一覧">
      <p className="text-std-16B-170" data-testid="procedure-count">
        {all.length === 0 ? "手続きはまだありません" : `${all.length} 件中 ${settled} 件済`}
        {all.length > settled && (
          <span className="ml-2 text-orange-1100">
            （未了 {all.length - settled} 件: 完了するには受付済・他課案内済・不要のいずれかにします）
          </span>
        )}
      </p>
      <SavedMessage message={message} />
      {groups(detail).map((g) => (
        <div key={g.key} className="flex flex-col gap-2">
          <h3 className="text-std-18B-160">{g.title}</h3>
          {g.procedures.length === 0 ? (
            <p className="text-dns-16N-130">この届出から導かれた手続きはありません</p>
          ) : (
            <div className="overflow-x-auto">
              <table className="w-full border-collapse text-left text-dns-16N-130">
                <caption className="sr-only">{g.title}</caption>
                <TableHead columns={columns} nowrap />
                <tbody>
                  {g.procedures.map((p) => (
                    <ProcedureRow
                      key={p.id}
                      caseId={caseId}
                      procedure={p}
                      choices={statusChoices(p, detail.status, editable)}
                      columns={columns.length}
                      onChanged={setMessage}
                    />
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </div>
      ))}
      {editable && <AddProcedureForm caseId={caseId} detail={detail} onAdded={setMessage} />}
    </CaseSection>
  );
}
