/**
 * Pure slot engine for booking the free initial consultation.
 *
 * Everything here is deterministic and side-effect free: the caller passes the
 * rules, the busy appointments and "now". All instants are JS `Date`s (UTC);
 * all calendar dates ("practice dates") are `YYYY-MM-DD` strings in the
 * practice's IANA time zone. Wall-clock times become instants through lib/time,
 * with its documented rules for the skipped and the repeated hour.
 */
import { addDays, isoWeekday, parseDateOrThrow, type IsoWeekday } from "@/lib/time/dates";
import { practiceDate, practiceTimeToUtcMs } from "@/lib/time/zone";

/** "HH:MM" wall-clock time in the practice zone, 00:00–24:00 ("24:00" only as an end). */
export type TimeRange = { start: string; end: string };
/** ISO weekday: 1 = Monday … 7 = Sunday. Missing or empty = closed that weekday. */
export type WeeklyHours = Partial<Record<IsoWeekday, TimeRange[]>>;
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

type MsRange = { start: number; end: number };

/**
 * Overlapping and touching ranges joined, sorted: only whether a candidate overlaps some busy
 * time matters (the daily cap counts appointments separately), and disjoint sorted ranges let
 * each candidate be checked by binary search, however many busy times the coach's calendars add.
 */
function mergeRanges(ranges: MsRange[]): MsRange[] {
  const sorted = [...ranges].sort((a, b) => a.start - b.start);
  const merged: MsRange[] = [];
  for (const r of sorted) {
    const last = merged.at(-1);
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else merged.push({ ...r });
  }
  return merged;
}

/** Whether [start, end) overlaps one of the merged ranges (half-open, as the database counts). */
function overlapsAny(merged: MsRange[], start: number, end: number): boolean {
  let lo = 0;
  let hi = merged.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (merged[mid]!.end > start) hi = mid;
    else lo = mid + 1;
  }
  return lo < merged.length && merged[lo]!.start < end;
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

  const blocked = mergeRanges(
    busy.map((b) => {
      const r = blockedRange(b);
      return { start: r.start.getTime(), end: r.end.getTime() };
    }),
  );
  const dailyCount = new Map<string, number>();
  for (const b of busy) {
    if (!b.countsTowardDailyMax) continue;
    const d = practiceDate(b.start, timeZone);
    dailyCount.set(d, (dailyCount.get(d) ?? 0) + 1);
  }

  const starts = new Set<number>();
  for (let date = firstDay; date <= lastDay; date = addDays(date, 1)) {
    for (const r of rangesFor(rules, date)) {
      const rangeStart = practiceTimeToUtcMs(date, r.start, timeZone);
      const rangeEnd = practiceTimeToUtcMs(date, r.end, timeZone, true);
      for (let start = rangeStart; start + durationMs <= rangeEnd; start += stepMs) {
        if (start < earliestStartMs) continue;
        const d = practiceDate(new Date(start), timeZone);
        if (d < range.from || d > range.to || d > lastDate) continue;
        if (rules.maxPerDay !== null && (dailyCount.get(d) ?? 0) >= rules.maxPerDay) continue;
        const bStart = start - beforeMs;
        const bEnd = start + durationMs + afterMs;
        if (overlapsAny(blocked, bStart, bEnd)) continue;
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
