/**
 * How dates and times are written for people (German, de-DE).
 *
 * An instant is always written in a zone the caller passes: the practice's zone from the
 * settings, or the visitor's own in the booking widget. Nothing here assumes Europe/Berlin, so a
 * practice in another zone sees its own dates. A calendar date (YYYY-MM-DD) has no zone and is
 * written as it is.
 */
import { parseDateOrThrow, wallMs } from "./dates";

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Intl formatters are costly to build and pages write hundreds of dates: one per style and zone. */
function formatter(style: string, timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${style}|${timeZone}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat("de-DE", { ...options, timeZone });
    if (formatters.size >= 500) formatters.clear();
    formatters.set(key, f);
  }
  return f;
}

const appointmentOptions: Intl.DateTimeFormatOptions = {
  weekday: "long",
  day: "numeric",
  month: "long",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
};

/** "Dienstag, 1. Dezember 2026 um 10:00 Uhr (Europe/Berlin)": how emails and pages name an appointment's time. */
export function formatAppointmentTime(start: Date, timeZone: string, { withZone = true } = {}): string {
  return `${formatter("appointment", timeZone, appointmentOptions).format(start)} Uhr${withZone ? ` (${timeZone})` : ""}`;
}

/** "Do., 3. Dezember, 10:00": how the coach's pages and messages name a session's time. */
export function shortWhen(instant: Date, timeZone: string): string {
  const date = formatter("short-day", timeZone, { weekday: "short", day: "numeric", month: "long" }).format(instant);
  return `${date}, ${formatClock(instant, timeZone)}`;
}

/** "10:00" */
export function formatClock(instant: Date, timeZone: string): string {
  return formatter("clock", timeZone, { hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(instant);
}

/** "26. November 2026": the date of an instant (publication, a check's result). */
export function formatDate(instant: Date, timeZone: string): string {
  return formatter("date", timeZone, { day: "numeric", month: "long", year: "numeric" }).format(instant);
}

const dateTimeStyles = {
  medium: { dateStyle: "medium", timeStyle: "short" }, // "26.11.2026, 17:30"
  short: { dateStyle: "short", timeStyle: "short" }, // "26.11.26, 17:30"
  seconds: { dateStyle: "short", timeStyle: "medium" }, // "26.11.26, 17:30:05"
} satisfies Record<string, Intl.DateTimeFormatOptions>;

export function formatDateTime(instant: Date, timeZone: string, style: keyof typeof dateTimeStyles = "medium"): string {
  return formatter(`date-time-${style}`, timeZone, dateTimeStyles[style]).format(instant);
}

const calendarDateStyles = {
  long: { day: "numeric", month: "long", year: "numeric" }, // "26. November 2026"
  weekday: { weekday: "long", day: "numeric", month: "long" }, // "Donnerstag, 26. November"
  "weekday-year": { weekday: "short", day: "numeric", month: "long", year: "numeric" }, // "Do., 26. November 2026"
  "weekday-numeric": { weekday: "short", day: "numeric", month: "numeric" }, // "Do., 26.11."
  short: { day: "numeric", month: "short" }, // "26. Nov."
  "short-year": { day: "numeric", month: "short", year: "numeric" }, // "26. Nov. 2026"
  month: { month: "long" }, // "November"
  "month-year": { month: "long", year: "numeric" }, // "November 2026"
} satisfies Record<string, Intl.DateTimeFormatOptions>;

type CalendarDateStyle = keyof typeof calendarDateStyles;

/** A calendar date (YYYY-MM-DD, e.g. a journal day) as people read it; no zone can shift it. */
export function formatCalendarDate(date: string, style: CalendarDateStyle): string {
  const { year, month, day } = parseDateOrThrow(date);
  // Noon UTC of that date, written in UTC: the same date whatever the zone of the server.
  return formatter(`calendar-${style}`, "UTC", calendarDateStyles[style]).format(new Date(wallMs(year, month, day, 12)));
}

/** "30 Minuten", "1 Stunde", "90 Minuten", "2 Stunden": how long a hold lasts, in emails and on the booking page. */
export function minutesInWords(minutes: number): string {
  if (minutes >= 60 && minutes % 60 === 0) return minutes === 60 ? "1 Stunde" : `${minutes / 60} Stunden`;
  return minutes === 1 ? "1 Minute" : `${minutes} Minuten`;
}
