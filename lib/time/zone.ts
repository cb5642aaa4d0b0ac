/**
 * Wall clock ↔ instant in an IANA time zone: the one place that knows about clock changes.
 *
 * Instants are JS `Date`s (UTC); wall-clock times are a calendar date ("YYYY-MM-DD") and
 * "HH:MM" in the zone. Nothing depends on the process's own time zone.
 *
 * The zone's offset at an instant comes from @date-fns/tz (`tzOffset`, Intl's tz data). Turning
 * a wall-clock time back into an instant is our own code, because the rules we document differ
 * from TZDate's (tests/unit/time.test.ts shows where):
 * - a wall-clock time that does not exist (spring-forward gap) maps to the first instant after
 *   the gap, e.g. 02:30 on 2026-03-29 in Europe/Berlin → 03:00 CEST = 01:00Z (TZDate: 03:30);
 * - a wall-clock time that occurs twice (fall-back) maps to its FIRST occurrence, e.g. 02:30 on
 *   2026-10-25 in Europe/Berlin → 02:30 CEST = 00:30Z (TZDate picks by the process's zone);
 * - "24:00" (only as the end of a range) means 00:00 of the next date, with the same two rules.
 */
import { tzOffset } from "@date-fns/tz/tzOffset";
import { addDays, formatDateParts, parseDateOrThrow, wallMs, type DateParts } from "./dates";

const DAY_MS = 86_400_000;
const TIME_RE = /^(\d{2}):(\d{2})$/;

/**
 * Offsets already looked up, per zone and instant. The slot engine asks for the same instants on
 * every request for the same dates (~2,000 for 60 days), and a lookup through Intl costs a few
 * microseconds while a Map hit costs nanoseconds. A pure function of its key, so the cache
 * cannot go stale; each zone's map is cleared when it grows past MAX_OFFSETS.
 */
const offsets = new Map<string, Map<number, number>>();
const MAX_OFFSETS = 20_000;
const MAX_ZONES = 64;

function offsetsOf(timeZone: string): Map<number, number> {
  let perZone = offsets.get(timeZone);
  if (perZone) return perZone;
  assertTimeZone(timeZone);
  if (offsets.size >= MAX_ZONES) offsets.clear();
  perZone = new Map();
  offsets.set(timeZone, perZone);
  return perZone;
}

/**
 * Throws a RangeError for a name that is not a time zone. tzOffset alone would answer NaN, or
 * even read an offset out of a made-up name such as "Mars+05:00".
 */
function assertTimeZone(timeZone: string): void {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone });
  } catch {
    throw new RangeError(`Unknown time zone: ${JSON.stringify(timeZone)}`);
  }
}

/** UTC offset (local − UTC) in ms of `timeZone` at the instant, at 1-second resolution. */
function offsetMs(instantMs: number, timeZone: string): number {
  const perZone = offsetsOf(timeZone);
  let offset = perZone.get(instantMs);
  if (offset === undefined) {
    offset = Math.round(tzOffset(timeZone, new Date(instantMs)) * 60) * 1000;
    if (perZone.size >= MAX_OFFSETS) perZone.clear();
    perZone.set(instantMs, offset);
  }
  return offset;
}

type WallClock = DateParts & { hour: number; minute: number };

function wallClockAt(instantMs: number, timeZone: string): WallClock {
  if (Number.isNaN(instantMs)) throw new RangeError("Invalid Date");
  const shifted = new Date(instantMs + offsetMs(instantMs, timeZone));
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
  };
}

/** YYYY-MM-DD of the instant in the given IANA zone. */
export function practiceDate(instant: Date, timeZone: string): string {
  const w = wallClockAt(instant.getTime(), timeZone);
  return formatDateParts(w.year, w.month, w.day);
}

/** Today's date in the zone (the journal's calendar, the agenda's week). */
export function todayIn(timeZone: string, now = new Date()): string {
  return practiceDate(now, timeZone);
}

/** The date and "HH:MM" of an instant in the zone, as the date and time inputs want them. */
export function practiceClock(instant: Date, timeZone: string): { date: string; time: string } {
  const w = wallClockAt(instant.getTime(), timeZone);
  const hhmm = `${String(w.hour).padStart(2, "0")}:${String(w.minute).padStart(2, "0")}`;
  return { date: formatDateParts(w.year, w.month, w.day), time: hhmm };
}

/**
 * The instant (ms) of a wall-clock time; see the rules at the top. Assumes at most one offset
 * transition within ±1 day of the wall time, which holds for every real zone in the modern era.
 */
function wallTimeToUtcMs(date: DateParts, hour: number, minute: number, timeZone: string): number {
  const local = wallMs(date.year, date.month, date.day, hour, minute);
  // Offsets that may apply around this wall time (real offsets are within ±14 h).
  const before = offsetMs(local - DAY_MS, timeZone);
  const at = offsetMs(local, timeZone);
  const after = offsetMs(local + DAY_MS, timeZone);

  let best: number | null = null;
  for (const offset of new Set([before, at, after])) {
    const candidate = local - offset;
    if (offsetMs(candidate, timeZone) === offset && (best === null || candidate < best)) best = candidate;
  }
  if (best !== null) return best;

  // In a gap: the wall clock jumps from (T + small) to (T + big) at transition T, so T lies in
  // (local − big, local − small]. Bisect to the second.
  const big = Math.max(before, after);
  const small = Math.min(before, after);
  if (big === small) return local - at; // not expected; stay total anyway
  let lo = Math.floor((local - big) / 1000); // seconds; the offset here is still `small`
  let hi = Math.ceil((local - small) / 1000); // the offset here is already `big`
  const loOffset = offsetMs(lo * 1000, timeZone);
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (offsetMs(mid * 1000, timeZone) === loOffset) lo = mid;
    else hi = mid;
  }
  return hi * 1000;
}

function parseTime(time: string, allowEndOfDay: boolean): { hour: number; minute: number } {
  const m = TIME_RE.exec(time);
  const hour = m ? Number(m[1]) : NaN;
  const minute = m ? Number(m[2]) : NaN;
  const ok = m !== null && minute <= 59 && (hour <= 23 || (allowEndOfDay && hour === 24 && minute === 0));
  if (!ok) throw new RangeError(`Invalid time (expected HH:MM${allowEndOfDay ? ", 24:00 allowed" : ""}): ${JSON.stringify(time)}`);
  return { hour, minute };
}

/** UTC ms of a wall-clock time (to the second) in a zone, with the same rules for the skipped and the repeated hour. */
export function wallClockToUtcMs(date: DateParts, hour: number, minute: number, second: number, timeZone: string): number {
  return wallTimeToUtcMs(date, hour, minute, timeZone) + second * 1000;
}

/**
 * UTC ms of "HH:MM" on a date in the zone; with `allowEndOfDay`, "24:00" is 00:00 of the next
 * date (the end of an opening range). The slot engine's hot path, hence ms and not a Date.
 */
export function practiceTimeToUtcMs(date: string, time: string, timeZone: string, allowEndOfDay = false): number {
  const { hour, minute } = parseTime(time, allowEndOfDay);
  if (hour === 24) return wallTimeToUtcMs(parseDateOrThrow(addDays(date, 1)), 0, 0, timeZone);
  return wallTimeToUtcMs(parseDateOrThrow(date), hour, minute, timeZone);
}

/** The instant of "HH:MM" on a date (YYYY-MM-DD) in the zone; a time in the spring gap lands on the transition. */
export function practiceTimeToUtc(date: string, time: string, timeZone: string): Date {
  return new Date(practiceTimeToUtcMs(date, time, timeZone));
}

/** The instant a date begins in the zone (00:00 there), for day and week ranges in queries. */
export function startOfPracticeDate(date: string, timeZone: string): Date {
  return practiceTimeToUtc(date, "00:00", timeZone);
}

/** The seven dates of the week from `monday` and the instants bounding it in the zone. */
export function practiceWeek(monday: string, timeZone: string): { days: string[]; from: Date; until: Date } {
  const days = Array.from({ length: 7 }, (_, i) => addDays(monday, i));
  return { days, from: startOfPracticeDate(monday, timeZone), until: startOfPracticeDate(addDays(monday, 7), timeZone) };
}
