import { personStatusLabels } from "@ichimado/core/registry/codes";
import type { PersonSummary } from "@ichimado/core/search/schemas";

/** What staff see in place of a protected address; never anything of the address itself. */
const maskedAddressText = "支援措置のため表示できません";

export function AddressText({ address }: { address: PersonSummary["address"] }) {
  if (address.masked) {
    return (
      <span className="font-bold text-red-1000" data-masked="true">
        {maskedAddressText}
      </span>
    );
  }
  return <>{address.text ?? "—"}</>;
}

/** 在住 plainly; 転出・死亡・職権消除 marked so that they are not mistaken for a current resident. */
export function StatusLabel({ status }: { status: PersonSummary["status"] }) {
  const label = personStatusLabels[status];
  if (status === "active") return <span className="whitespace-nowrap">{label}</span>;
  return (
    <span className="inline-flex items-center gap-1 whitespace-nowrap rounded-4 border border-orange-800 bg-orange-50 px-2 text-dns-14B-130 text-orange-1100">
      <span aria-hidden="true">!</span>
      {label}
    </span>
  );
}

type Flag = keyof PersonSummary["flags"];

const flagLabels: Record<Flag, string> = {
  supportMeasure: "支援措置",
  issuanceBan: "発行禁止",
  arrears: "滞納",
  moveOutPending: "転出予定",
};

const flagClass: Record<Flag, string> = {
  supportMeasure: "border-red-900 bg-red-50 text-red-1000",
  issuanceBan: "border-red-900 bg-red-50 text-red-1000",
  arrears: "border-orange-800 bg-orange-50 text-orange-1100",
  moveOutPending: "border-blue-900 bg-blue-50 text-blue-1000",
};

const flagOrder: Flag[] = ["supportMeasure", "issuanceBan", "arrears", "moveOutPending"];

/** The person's flags as text badges (colour only repeats the word). */
export function FlagBadges({ flags }: { flags: PersonSummary["flags"] }) {
  const shown = flagOrder.filter((f) => flags[f]);
  if (shown.length === 0) return null;
  return (
    <ul aria-label="注意事項" className="flex flex-wrap gap-1">
      {shown.map((f) => (
        <li
          key={f}
          className={`whitespace-nowrap rounded-4 border px-2 text-dns-14B-130 ${flagClass[f]}`}
          data-flag={f}
        >
          {flagLabels[f]}
        </li>
      ))}
    </ul>
  );
}

/** 「旧氏名で一致」: why a row matched when not by the current name. */
export function matchedByLabel(matchedBy: string): string {
  return /一致/.test(matchedBy) ? matchedBy : `${matchedBy}で一致`;
}
