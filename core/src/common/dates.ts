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
