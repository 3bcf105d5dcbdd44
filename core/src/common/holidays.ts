/**
 * The days a Japanese city hall is closed besides Saturdays and Sundays: 国民の祝日 (祝日法, the
 * rules in force since 2022: 振替休日 for a holiday on a Sunday, 国民の休日 for a day between two
 * holidays) and 年末年始 (12月29日〜1月3日, 地方自治法4条の2 and the cities' 休日条例). The equinox
 * formula holds from 1980 to 2099; outside 2022–2099 no holidays are given, and the caller's rule
 * falls back to weekends (the system keeps no record from before it was installed).
 */
export const holidayYears = { first: 2022, last: 2099 } as const;

const iso = (year: number, month: number, day: number) =>
  `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;

const weekday = (year: number, month: number, day: number) =>
  new Date(Date.UTC(year, month - 1, day)).getUTCDay();

/** The nth Monday (1-based) of a month. */
function nthMonday(year: number, month: number, n: number): number {
  const first = weekday(year, month, 1);
  return 1 + ((8 - first) % 7) + (n - 1) * 7;
}

/** 春分日 and 秋分日 by the formula the 国立天文台's announcements follow for 1980–2099. */
function equinox(year: number, base: number): number {
  const y = year - 1980;
  return Math.floor(base + 0.242194 * y - Math.floor(y / 4));
}

/** 国民の祝日 of a year with their names, 振替休日 and 国民の休日 included, by ISO date. */
export function nationalHolidays(year: number): Map<string, string> {
  const days = new Map<string, string>();
  if (year < holidayYears.first || year > holidayYears.last) return days;
  const fixed: [number, number, string][] = [
    [1, 1, "元日"],
    [1, nthMonday(year, 1, 2), "成人の日"],
    [2, 11, "建国記念の日"],
    [2, 23, "天皇誕生日"],
    [3, equinox(year, 20.8431), "春分の日"],
    [4, 29, "昭和の日"],
    [5, 3, "憲法記念日"],
    [5, 4, "みどりの日"],
    [5, 5, "こどもの日"],
    [7, nthMonday(year, 7, 3), "海の日"],
    [8, 11, "山の日"],
    [9, nthMonday(year, 9, 3), "敬老の日"],
    [9, equinox(year, 23.2488), "秋分の日"],
    [10, nthMonday(year, 10, 2), "スポーツの日"],
    [11, 3, "文化の日"],
    [11, 23, "勤労感謝の日"],
  ];
  for (const [month, day, name] of fixed) days.set(iso(year, month, day), name);
  const dated = [...days.keys()].sort();
  // 国民の休日: a weekday between two holidays (in practice the day between 敬老の日 and 秋分の日).
  for (let i = 0; i + 1 < dated.length; i++) {
    const a = Date.parse(`${dated[i]}T00:00:00Z`);
    const b = Date.parse(`${dated[i + 1]}T00:00:00Z`);
    if (b - a === 2 * 86_400_000) {
      const between = new Date(a + 86_400_000);
      if (between.getUTCDay() !== 0) days.set(between.toISOString().slice(0, 10), "国民の休日");
    }
  }
  // 振替休日: a holiday on a Sunday moves the day off to the next day that is not a holiday.
  for (const date of dated) {
    const d = new Date(`${date}T00:00:00Z`);
    if (d.getUTCDay() !== 0) continue;
    let next = new Date(d.getTime() + 86_400_000);
    while (days.has(next.toISOString().slice(0, 10))) next = new Date(next.getTime() + 86_400_000);
    days.set(next.toISOString().slice(0, 10), "振替休日");
  }
  return days;
}

/** 年末年始 and 国民の祝日 falling on weekdays: the days the counters are closed that a weekday rule misses. */
export function closedWeekdays(year: number): string[] {
  const closed = new Set(nationalHolidays(year).keys());
  for (const day of [1, 2, 3]) closed.add(iso(year, 1, day));
  for (const day of [29, 30, 31]) closed.add(iso(year, 12, day));
  return [...closed]
    .filter((date) => {
      const d = new Date(`${date}T00:00:00Z`).getUTCDay();
      return d !== 0 && d !== 6;
    })
    .sort();
}

/** Whether the counters are closed on a Japan calendar day (weekend, holiday, 年末年始). */
export function isClosedDay(isoDate: string): boolean {
  const d = new Date(`${isoDate}T00:00:00Z`);
  const day = d.getUTCDay();
  if (day === 0 || day === 6) return true;
  return closedWeekdays(d.getUTCFullYear()).includes(isoDate);
}
