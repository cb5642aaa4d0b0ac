const PRACTICE_ZONE = "Europe/Berlin";

const longDate = new Intl.DateTimeFormat("de-DE", { day: "numeric", month: "long", year: "numeric", timeZone: PRACTICE_ZONE });
const dateTime = new Intl.DateTimeFormat("de-DE", { dateStyle: "medium", timeStyle: "short", timeZone: PRACTICE_ZONE });

/** "26. November 2026" */
export function formatDate(date: Date): string {
  return longDate.format(date);
}

/** "26.11.2026, 17:30" */
export function formatDateTime(date: Date): string {
  return dateTime.format(date);
}

/** The date as YYYY-MM-DD for <time dateTime>. */
export function isoDate(date: Date): string {
  return date.toISOString();
}
