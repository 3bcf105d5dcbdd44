import { type CaseStatus, caseStatusLabels } from "@ichimado/core/cases/schemas";

const statusClass: Record<CaseStatus, string> = {
  open: "border-blue-900 bg-blue-50 text-blue-1000",
  suspended: "border-orange-800 bg-orange-50 text-orange-1100",
  closed: "border-green-800 bg-green-50 text-green-1000",
  cancelled: "border-solid-gray-420 bg-solid-gray-50 text-solid-gray-800",
};

/** The case's state in words; the colour only repeats them. */
export function CaseStatusBadge({ status }: { status: CaseStatus }) {
  return (
    <span
      className={`whitespace-nowrap rounded-4 border px-2 text-dns-14B-130 ${statusClass[status]}`}
      data-case-status={status}
    >
      {caseStatusLabels[status]}
    </span>
  );
}
