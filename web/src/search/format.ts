import { ageOn, formatWareki } from "@ichimado/core/common/wareki";

/** Today in the city's time zone, ISO. */
function todayIso(): string {
  return new Intl.DateTimeFormat("sv-SE", { timeZone: "Asia/Tokyo" }).format(new Date());
}

/** `1975-03-01` → `1975年3月1日`. */
export function formatSeireki(iso: string): string {
  const [y, m, d] = iso.split("-").map(Number);
  return `${y}年${m}月${d}日`;
}

/** 和暦 with 西暦 in brackets, the way staff read dates back to residents. */
export function formatDate(iso: string | null, wareki?: string | null): string {
  if (!iso) return "—";
  return `${wareki ?? formatWareki(iso)}（${formatSeireki(iso)}）`;
}

export function ageLabel(birthDate: string, on: string = todayIso()): string {
  return `${ageOn(birthDate, on)}歳`;
}
