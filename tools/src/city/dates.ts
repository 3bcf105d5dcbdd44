/** Date helpers on ISO strings, in whole days, without time zones. */
export function addDays(iso: string, days: number): string {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

export function addYears(iso: string, years: number): string {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  const day = m === 2 && d === 29 ? 28 : d;
  return `${String(y + years).padStart(4, "0")}-${pad(m)}-${pad(day)}`;
}

export function isoDate(year: number, month: number, day: number): string {
  return `${year}-${pad(month)}-${pad(day)}`;
}

export function yearOf(iso: string): number {
  return Number(iso.slice(0, 4));
}

/** 年度 start (April 1) of the fiscal year containing the date. */
export function fiscalYearOf(iso: string): number {
  const year = yearOf(iso);
  return Number(iso.slice(5, 7)) >= 4 ? year : year - 1;
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

export function earlierOf(a: string, b: string): string {
  return a < b ? a : b;
}

export function laterOf(a: string, b: string): string {
  return a > b ? a : b;
}
