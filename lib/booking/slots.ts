/**
 * Pure slot engine for booking the free initial consultation.
 *
 * Everything here is deterministic and side-effect free: the caller passes the
 * rules, the busy appointments and "now". All instants are JS `Date`s (UTC);
 * all calendar dates ("practice dates") are `YYYY-MM-DD` strings in the
 * practice's IANA time zone.
 *
 * Time-zone conversion is done explicitly with `Intl.DateTimeFormat` (no
 * dependence on the process time zone), with these rules for wall-clock times:
 * - a wall-clock time that does not exist (spring-forward gap) maps to the
 *   first instant after the gap, e.g. 02:30 on 2026-03-29 in Europe/Berlin →
 *   03:00 CEST = 01:00Z;
 * - a wall-clock time that occurs twice (fall-back) maps to its FIRST
 *   occurrence, e.g. 02:30 on 2026-10-25 in Europe/Berlin → 02:30 CEST = 00:30Z;
 * - "24:00" means 00:00 of the next date (with the same two rules).
 */

/** "HH:MM" wall-clock time in the practice zone, 00:00–24:00 ("24:00" only as an end). */
export type TimeRange = { start: string; end: string };
/** ISO weekday: 1 = Monday … 7 = Sunday. Missing or empty = closed that weekday. */
export type WeeklyHours = Partial<Record<1 | 2 | 3 | 4 | 5 | 6 | 7, TimeRange[]>>;
/** A date in the practice zone with its own hours; empty ranges = closed all day. */
export type DateOverride = { date: string /* YYYY-MM-DD */; ranges: TimeRange[] };
export type AvailabilityRules = {
  timeZone: string; // IANA, e.g. "Europe/Berlin"
  weekly: WeeklyHours;
  overrides: DateOverride[]; // an override replaces the weekly hours for its date
  durationMinutes: number; // length of a consultation, e.g. 30
  bufferBeforeMinutes: number; // e.g. 10
  bufferAfterMinutes: number; // e.g. 10
  minimumNoticeMinutes: number; // e.g. 1440 (24 h): no slot starts earlier than now + notice
  horizonDays: number; // e.g. 60: no slot on a practice date later than today(practice zone) + horizonDays
  maxPerDay: number | null; // max consultations per practice date; null = no limit
  slotIntervalMinutes: number; // start times step, e.g. 30
};
/** An existing active appointment (consultation or coaching session, pending-and-unexpired or confirmed). */
export type BusyAppointment = {
  start: Date;
  end: Date;
  bufferBeforeMinutes: number;
  bufferAfterMinutes: number;
  countsTowardDailyMax: boolean; // true for consultations
};
export type Slot = { start: Date; end: Date }; // UTC instants (JS Date)

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_RE = /^(\d{2}):(\d{2})$/;

// ---------------------------------------------------------------------------
// Calendar helpers (pure YYYY-MM-DD arithmetic, no time zone involved)
// ---------------------------------------------------------------------------

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

type DateParts = { year: number; month: number; day: number };

function parseDate(date: string): DateParts | null {
  const m = DATE_RE.exec(date);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  // Year 0 parses in JavaScript, but PostgreSQL has no year 0 and refuses it.
  if (year < 1) return null;
  if (month < 1 || month > 12) return null;
  if (day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

function parseDateOrThrow(date: string): DateParts {
  const parts = parseDate(date);
  if (!parts) throw new RangeError(`Invalid date (expected YYYY-MM-DD): ${JSON.stringify(date)}`);
  return parts;
}

/** Milliseconds of a wall-clock reading interpreted as if it were UTC (safe for years < 100). */
function wallMs(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  d.setUTCHours(hour, minute, second, 0);
  return d.getTime();
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, "0");
}

function formatDate(year: number, month: number, day: number): string {
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** Whether `date` is a real calendar date in strict YYYY-MM-DD form (2026-02-30 → false). */
export function isValidDate(date: string): boolean {
  return parseDate(date) !== null;
}

/** Calendar arithmetic on YYYY-MM-DD (independent of any time zone and DST). */
export function addDays(date: string, days: number): string {
  if (!Number.isInteger(days)) throw new RangeError(`addDays: days must be an integer, got ${days}`);
  const { year, month, day } = parseDateOrThrow(date);
  const d = new Date(wallMs(year, month, day) + days * DAY_MS);
  return formatDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** ISO weekday of a calendar date: 1 = Monday … 7 = Sunday. */
function isoWeekday(date: string): 1 | 2 | 3 | 4 | 5 | 6 | 7 {
  const { year, month, day } = parseDateOrThrow(date);
  const js = new Date(wallMs(year, month, day)).getUTCDay(); // 0 = Sunday
  return (js === 0 ? 7 : js) as 1 | 2 | 3 | 4 | 5 | 6 | 7;
}

// ---------------------------------------------------------------------------
// Time-zone helpers (explicit, via Intl)
// ---------------------------------------------------------------------------

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    // Throws RangeError for an unknown time zone.
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

type WallClock = DateParts & { hour: number; minute: number; second: number };

/**
 * Wall clocks already computed, per zone and instant. formatToParts is the slot engine's main
 * cost (~2,000 calls for 60 days, 15-50 ms measured by `npm run bench`), and every request for
 * the same dates asks for the same instants again. A pure function of its key, so the cache
 * cannot go stale; cleared when it grows past MAX_WALL_CLOCKS.
 */
const wallClocks = new Map<string, Readonly<WallClock>>();
const MAX_WALL_CLOCKS = 20_000;

function wallClockAt(instantMs: number, timeZone: string): Readonly<WallClock> {
  const key = `${timeZone}|${instantMs}`;
  const known = wallClocks.get(key);
  if (known) return known;
  const computed = Object.freeze(computeWallClock(instantMs, timeZone));
  if (wallClocks.size >= MAX_WALL_CLOCKS) wallClocks.clear();
  wallClocks.set(key, computed);
  return computed;
}

function computeWallClock(instantMs: number, timeZone: string): WallClock {
  const out: WallClock = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  for (const part of formatterFor(timeZone).formatToParts(new Date(instantMs))) {
    switch (part.type) {
      case "year":
      case "month":
      case "day":
      case "minute":
      case "second":
        out[part.type] = Number(part.value);
        break;
      case "hour":
        // Some engines render midnight as "24" even with h23; normalise.
        out.hour = Number(part.value) % 24;
        break;
    }
  }
  return out;
}

/** UTC offset (local − UTC) in ms of `timeZone` at the given instant, at 1-second resolution. */
function offsetMs(instantMs: number, timeZone: string): number {
  const w = wallClockAt(instantMs, timeZone);
  const flooredToSecond = Math.floor(instantMs / 1000) * 1000;
  return wallMs(w.year, w.month, w.day, w.hour, w.minute, w.second) - flooredToSecond;
}

/**
 * Converts a wall-clock time on a practice date to a UTC instant (ms).
 * Ambiguous (fall-back) → first occurrence; nonexistent (spring-forward gap)
 * → the first instant after the gap, i.e. the transition instant itself.
 *
 * Assumes at most one offset transition within ±1 day of the wall time, which
 * holds for every real-world zone in the modern era.
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

  // In a gap: the wall clock jumps from (T + smallOffset) to (T + bigOffset) at
  // transition T, so T lies in (local − bigOffset, local − smallOffset].
  const big = Math.max(before, after);
  const small = Math.min(before, after);
  if (big === small) return local - at; // not expected; stay total anyway
  let lo = Math.floor((local - big) / 1000); // seconds; offset here is still `small`
  let hi = Math.ceil((local - small) / 1000); // offset here is already `big`
  const loOffset = offsetMs(lo * 1000, timeZone);
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (offsetMs(mid * 1000, timeZone) === loOffset) lo = mid;
    else hi = mid;
  }
  return hi * 1000;
}

function parseTime(time: string, allow24: boolean): { hour: number; minute: number } {
  const m = TIME_RE.exec(time);
  const hour = m ? Number(m[1]) : NaN;
  const minute = m ? Number(m[2]) : NaN;
  const ok = m !== null && minute >= 0 && minute <= 59 && (hour <= 23 || (allow24 && hour === 24 && minute === 0));
  if (!ok) throw new RangeError(`Invalid time (expected HH:MM${allow24 ? ", 24:00 allowed" : ""}): ${JSON.stringify(time)}`);
  return { hour, minute };
}

/** UTC ms of "HH:MM" on `date` in `timeZone`; "24:00" is 00:00 of the next date. */
function rangeBoundToUtcMs(date: string, time: string, timeZone: string, isEnd: boolean): number {
  const { hour, minute } = parseTime(time, isEnd);
  if (hour === 24) return wallTimeToUtcMs(parseDateOrThrow(addDays(date, 1)), 0, 0, timeZone);
  return wallTimeToUtcMs(parseDateOrThrow(date), hour, minute, timeZone);
}

/** The UTC instant of "HH:MM" on a practice date (YYYY-MM-DD) in `timeZone`; a time in the spring gap lands on the transition. */
export function practiceTimeToUtc(date: string, time: string, timeZone: string): Date {
  const { hour, minute } = parseTime(time, false);
  return new Date(wallTimeToUtcMs(parseDateOrThrow(date), hour, minute, timeZone));
}

/** YYYY-MM-DD of the instant in the given IANA zone. */
export function practiceDate(instant: Date, timeZone: string): string {
  const ms = instant.getTime();
  if (Number.isNaN(ms)) throw new RangeError("practiceDate: invalid Date");
  const w = wallClockAt(ms, timeZone);
  return formatDate(w.year, w.month, w.day);
}

// ---------------------------------------------------------------------------
// Slot engine
// ---------------------------------------------------------------------------

/**
 * The blocked interval of an appointment: [start - before, end + after).
 * Two appointments conflict iff these overlap (half-open). The database uses
 * the same definition.
 */
export function blockedRange(a: { start: Date; end: Date; bufferBeforeMinutes: number; bufferAfterMinutes: number }): {
  start: Date;
  end: Date;
} {
  return {
    start: new Date(a.start.getTime() - a.bufferBeforeMinutes * MINUTE_MS),
    end: new Date(a.end.getTime() + a.bufferAfterMinutes * MINUTE_MS),
  };
}

function assertRules(rules: AvailabilityRules): void {
  const positive = (name: string, v: number) => {
    if (!Number.isFinite(v) || v <= 0) throw new RangeError(`${name} must be a positive finite number, got ${v}`);
  };
  const finite = (name: string, v: number) => {
    if (!Number.isFinite(v)) throw new RangeError(`${name} must be a finite number, got ${v}`);
  };
  // A non-positive interval would never advance the candidate loop.
  positive("slotIntervalMinutes", rules.slotIntervalMinutes);
  positive("durationMinutes", rules.durationMinutes);
  finite("bufferBeforeMinutes", rules.bufferBeforeMinutes);
  finite("bufferAfterMinutes", rules.bufferAfterMinutes);
  finite("minimumNoticeMinutes", rules.minimumNoticeMinutes);
  if (!Number.isInteger(rules.horizonDays)) throw new RangeError(`horizonDays must be an integer, got ${rules.horizonDays}`);
  if (rules.maxPerDay !== null && Number.isNaN(rules.maxPerDay)) throw new RangeError("maxPerDay must be a number or null");
}

function rangesFor(rules: AvailabilityRules, date: string): TimeRange[] {
  const override = rules.overrides.find((o) => o.date === date);
  if (override) return override.ranges;
  return rules.weekly[isoWeekday(date)] ?? [];
}

/**
 * Free slots whose start lies on a practice-zone date within [from, to]
 * (YYYY-MM-DD, inclusive), sorted by start.
 *
 * DST choice: candidate starts step by `slotIntervalMinutes` of ABSOLUTE
 * (elapsed) time from the range's start instant, and a candidate is kept when
 * start + duration <= the range's end instant. So on a fall-back day a range
 * 00:00–04:00 in Europe/Berlin lasts 5 real hours and yields 10 half-hour
 * starts (wall-clock 02:00 and 02:30 appear twice), and on a spring-forward day
 * it lasts 3 real hours and yields 6. Every slot therefore really lasts
 * `durationMinutes`, and the grid never drifts across a transition.
 */
export function freeSlots(rules: AvailabilityRules, busy: BusyAppointment[], range: { from: string; to: string }, now: Date): Slot[] {
  assertRules(rules);
  parseDateOrThrow(range.from);
  parseDateOrThrow(range.to);
  const nowMs = now.getTime();
  if (Number.isNaN(nowMs)) throw new RangeError("freeSlots: invalid now");

  const { timeZone } = rules;
  const durationMs = rules.durationMinutes * MINUTE_MS;
  const stepMs = rules.slotIntervalMinutes * MINUTE_MS;
  const beforeMs = rules.bufferBeforeMinutes * MINUTE_MS;
  const afterMs = rules.bufferAfterMinutes * MINUTE_MS;
  const earliestStartMs = nowMs + rules.minimumNoticeMinutes * MINUTE_MS;
  const lastDate = addDays(practiceDate(now, timeZone), rules.horizonDays);

  // Only iterate over dates that can hold a slot at all. One day of slack on
  // the lower end keeps this correct even in zones whose date steps back at a
  // transition; all the real filtering happens per candidate below.
  const earliestDate = addDays(practiceDate(new Date(earliestStartMs), timeZone), -1);
  const firstDay = range.from > earliestDate ? range.from : earliestDate;
  const lastDay = range.to < lastDate ? range.to : lastDate;
  if (firstDay > lastDay) return [];

  const blocked = busy.map((b) => {
    const r = blockedRange(b);
    return { start: r.start.getTime(), end: r.end.getTime() };
  });
  const dailyCount = new Map<string, number>();
  for (const b of busy) {
    if (!b.countsTowardDailyMax) continue;
    const d = practiceDate(b.start, timeZone);
    dailyCount.set(d, (dailyCount.get(d) ?? 0) + 1);
  }

  const starts = new Set<number>();
  for (let date = firstDay; date <= lastDay; date = addDays(date, 1)) {
    for (const r of rangesFor(rules, date)) {
      const rangeStart = rangeBoundToUtcMs(date, r.start, timeZone, false);
      const rangeEnd = rangeBoundToUtcMs(date, r.end, timeZone, true);
      for (let start = rangeStart; start + durationMs <= rangeEnd; start += stepMs) {
        if (start < earliestStartMs) continue;
        const d = practiceDate(new Date(start), timeZone);
        if (d < range.from || d > range.to || d > lastDate) continue;
        if (rules.maxPerDay !== null && (dailyCount.get(d) ?? 0) >= rules.maxPerDay) continue;
        const bStart = start - beforeMs;
        const bEnd = start + durationMs + afterMs;
        if (blocked.some((b) => bStart < b.end && b.start < bEnd)) continue;
        starts.add(start);
      }
    }
  }

  return [...starts].sort((a, b) => a - b).map((s) => ({ start: new Date(s), end: new Date(s + durationMs) }));
}

/** Whether one exact start is offered (same rules as freeSlots; used to validate a booking request). */
export function isSlotOffered(rules: AvailabilityRules, busy: BusyAppointment[], start: Date, now: Date): boolean {
  const ms = start.getTime();
  if (Number.isNaN(ms)) return false;
  const date = practiceDate(start, rules.timeZone);
  return freeSlots(rules, busy, { from: date, to: date }, now).some((s) => s.start.getTime() === ms);
}

/** The instant a practice date begins (00:00 there), for day and week ranges in queries. */
export function startOfPracticeDate(date: string, timeZone: string): Date {
  return new Date(rangeBoundToUtcMs(date, "00:00", timeZone, false));
}
