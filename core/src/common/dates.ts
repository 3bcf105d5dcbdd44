const japanDateFormat = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Asia/Tokyo",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/** The calendar date in Japan at an instant, as 'YYYY-MM-DD' (the city works in JST whatever the server's TZ). */
export function japanDate(at: Date): string {
  return japanDateFormat.format(at);
}

/** A calendar date plus whole days, both 'YYYY-MM-DD' (computed in UTC so no zone shifts it). */
export function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
