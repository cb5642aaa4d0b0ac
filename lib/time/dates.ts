/**
 * Calendar dates as "YYYY-MM-DD" strings: validation, day arithmetic and weekdays.
 *
 * A calendar date has no time zone: the practice's dates come from lib/time/zone.ts, and from
 * here on all arithmetic is plain proleptic-Gregorian counting on UTC day numbers, so a clock
 * change can never add or lose a day.
 */

export type DateParts = { year: number; month: number; day: number };
/** ISO weekday: 1 = Monday … 7 = Sunday. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function parseDate(date: string): DateParts | null {
  const m = DATE_RE.exec(date);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  // Year 0 parses in JavaScript, but PostgreSQL has no year 0 and refuses it: such a date must
  // be a 400, never a 500 from the database.
  if (year < 1) return null;
  if (month < 1 || month > 12) return null;
  if (day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

export function parseDateOrThrow(date: string): DateParts {
  const parts = parseDate(date);
  if (!parts) throw new RangeError(`Invalid date (expected YYYY-MM-DD): ${JSON.stringify(date)}`);
  return parts;
}

/** Whether `date` is a real calendar date in strict YYYY-MM-DD form (2026-02-30 → false). */
export function isValidDate(date: string): boolean {
  return parseDate(date) !== null;
}

/** Milliseconds of a wall-clock reading taken as if it were UTC (setUTCFullYear: exact for years < 100 too). */
export function wallMs(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  d.setUTCHours(hour, minute, second, 0);
  return d.getTime();
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, "0");
}

export function formatDateParts(year: number, month: number, day: number): string {
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** Days since 1970-01-01 of a calendar date; null for anything that is not a real date. */
export function dayNumber(date: string): number | null {
  const parts = parseDate(date);
  return parts ? Math.round(wallMs(parts.year, parts.month, parts.day) / DAY_MS) : null;
}

/** The calendar date of a day number (days since 1970-01-01). */
export function dateOfDayNumber(dayNum: number): string {
  const d = new Date(dayNum * DAY_MS);
  return formatDateParts(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** Calendar arithmetic on YYYY-MM-DD (independent of any time zone and DST). */
export function addDays(date: string, days: number): string {
  if (!Number.isInteger(days)) throw new RangeError(`addDays: days must be an integer, got ${days}`);
  const { year, month, day } = parseDateOrThrow(date);
  return dateOfDayNumber(Math.round(wallMs(year, month, day) / DAY_MS) + days);
}

/** ISO weekday of a calendar date: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: string): IsoWeekday {
  const { year, month, day } = parseDateOrThrow(date);
  const js = new Date(wallMs(year, month, day)).getUTCDay(); // 0 = Sunday
  return (js === 0 ? 7 : js) as IsoWeekday;
}

/** Monday of the ISO week holding `date`: weeks in the practice begin on Monday. */
export function mondayOf(date: string): string {
  return addDays(date, 1 - isoWeekday(date));
}

/** Every date of a month ("YYYY-MM"), in order. */
export function datesOfMonth(month: string): string[] {
  const { year, month: m } = parseDateOrThrow(`${month}-01`);
  return Array.from({ length: daysInMonth(year, m) }, (_, i) => formatDateParts(year, m, i + 1));
}

/** The month ("YYYY-MM") `by` months before or after `month`. */
export function addMonths(month: string, by: number): string {
  const { year, month: m } = parseDateOrThrow(`${month}-01`);
  const index = year * 12 + (m - 1) + by;
  return `${pad(Math.floor(index / 12), 4)}-${pad((index % 12) + 1, 2)}`;
}
