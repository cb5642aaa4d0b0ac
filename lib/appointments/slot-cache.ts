import { sql } from "drizzle-orm";
import { db as defaultDb, type Db } from "@/db";
import { loadRules, type BookingSettings } from "@/lib/booking/availability";
import { freeSlots, type Slot } from "@/lib/booking/slots";
import { calendarBusyBetween } from "@/lib/calendars/busy";
import { addDays, dayNumber } from "@/lib/time/dates";
import { practiceDate } from "@/lib/time/zone";
import { availableSlots, busyWindow, holdsBetween, type Hold } from "./holds";

/*
 * The free slots as /api/slots shows them, from one query per request. Every committed change to
 * what the slots are made of bumps availability_versions (triggers, migration 0026), so a request
 * reads that number and, while it is unchanged, answers from what this process computed, kept per
 * practice date. A different number drops everything (it is global) and the dates are computed
 * again. Each instance compares with the shared number, so all see every instance's change.
 *
 * Time changes a date without any write in two ways, both kept out of the cache: a pending hold
 * runs out (each date keeps the earliest expiry of the holds near it and is computed again once
 * that has passed), and the minimum notice and the horizon move with the clock (applied when
 * answering, so a date is computed as if asked long before). Booking never reads this cache:
 * assertOffered and takeTime decide on the rows, under their locks.
 */

type CachedDay = { starts: number[]; json: string[]; joined: string; validUntil: number };

/** One process's computed dates under one version of the counter; least recently used go first. */
export class SlotCache {
  version: number | null = null;
  settings: BookingSettings | null = null;
  private readonly days = new Map<string, CachedDay>();
  private readonly dateLists = new Map<string, string[]>();

  constructor(readonly maxDays = 400) {}

  /** Takes the counter as just read: a different number than the one cached under drops it all. */
  align(version: number) {
    if (this.version === version) return;
    this.version = version;
    this.settings = null;
    this.days.clear();
  }

  /** A date's slots, unless a hold near it has run out since they were computed. */
  get(date: string, nowMs: number): CachedDay | undefined {
    const day = this.days.get(date);
    if (!day) return undefined;
    this.days.delete(date);
    if (day.validUntil <= nowMs) return undefined;
    this.days.set(date, day);
    return day;
  }

  put(date: string, day: CachedDay) {
    this.days.delete(date);
    this.days.set(date, day);
    while (this.days.size > this.maxDays) this.days.delete(this.days.keys().next().value!);
  }

  /** The list of dates first..last, kept: calendar arithmetic on 60 dates costs more than the rest of a warm answer. */
  dates(first: string, last: string, list: () => string[]): string[] {
    const key = `${first}/${last}`;
    let dates = this.dateLists.get(key);
    if (!dates) {
      if (this.dateLists.size >= 64) this.dateLists.clear();
      dates = list();
      this.dateLists.set(key, dates);
    }
    return dates;
  }

  get size(): number {
    return this.days.size;
  }
}

const holder = globalThis as unknown as { __praxisSlotCache?: SlotCache };

/** This process's cache (kept on globalThis: Next loads modules in several bundles of one process). */
export function processSlotCache(): SlotCache {
  holder.__praxisSlotCache ??= new SlotCache();
  return holder.__praxisSlotCache;
}

type VersionRow = { version: string | number | bigint };

/**
 * The change counter of the free slots; null if its row is missing (then nothing is cached). Plain
 * SQL: on a warm answer, drizzle's query builder cost more than the query itself (0.25 against 0.10 ms).
 */
export async function readAvailabilityVersion(db: Db = defaultDb): Promise<number | null> {
  return (await readCounterAndClock(db)).version;
}

/**
 * The counter and the database's clock, in the one query: whether a pending hold has run out is
 * decided by the database's clock when booking (holdsTime), so the cache decides it by the same one.
 */
async function readCounterAndClock(db: Db): Promise<{ version: number | null; now: Date }> {
  const result = (await db.execute(
    sql`select (select version from availability_versions where id = 1) as version, (extract(epoch from clock_timestamp()) * 1000)::float8 as now_ms`,
  )) as unknown as (VersionRow & { now_ms: number | string })[] | { rows: (VersionRow & { now_ms: number | string })[] };
  const [row] = Array.isArray(result) ? result : result.rows;
  const version = row?.version === null || row?.version === undefined ? null : Number(row.version);
  return { version, now: row ? new Date(Number(row.now_ms)) : new Date() };
}

/** Practice dates of [from, to] that can hold a slot at `now`: from the day before the notice ends to the horizon's last day. */
function bookableDates(from: string, to: string, settings: BookingSettings, now: Date, cache: SlotCache): string[] {
  const earliest = addDays(practiceDate(new Date(now.getTime() + settings.minimumNoticeMinutes * 60_000), settings.timeZone), -1);
  const last = addDays(practiceDate(now, settings.timeZone), settings.horizonDays);
  const first = from > earliest ? from : earliest;
  const end = to < last ? to : last;
  return cache.dates(first, end, () => {
    const dates: string[] = [];
    for (let d = first; d <= end; d = addDays(d, 1)) dates.push(d);
    return dates;
  });
}

/** When a hold of these runs out and frees time near practice date `date` (Infinity: none will). */
function expiryNear(date: string, holds: Hold[]): number {
  const w = busyWindow(date, date);
  let until = Infinity;
  for (const h of holds) {
    if (!h.expiresAt) continue;
    const start = h.start.getTime() - h.bufferBeforeMinutes * 60_000;
    const end = h.end.getTime() + h.bufferAfterMinutes * 60_000;
    if (start < w.end.getTime() && end > w.start.getTime()) until = Math.min(until, h.expiresAt.getTime());
  }
  return until;
}

/** A date's slots as start instants (ms) and as the JSON the route sends, ready to join. */
function cachedDay(starts: number[], durationMs: number, validUntil: number): CachedDay {
  const json = starts.map((s) => `{"start":"${new Date(s).toISOString()}","end":"${new Date(s + durationMs).toISOString()}"}`);
  return { starts, json, joined: json.join(","), validUntil };
}

/** Every slot of practice dates [first, last] from the rows, without notice and horizon, each date with its expiry. */
async function computeDays(
  first: string,
  last: string,
  now: Date,
  db: Db,
): Promise<{ settings: BookingSettings; days: Map<string, CachedDay> }> {
  const { rules, settings } = await loadRules(first, last, db);
  const w = busyWindow(first, last);
  const holds = await holdsBetween(w.start, w.end, db, { at: now });
  const calendar = await calendarBusyBetween(w.start, w.end, db);
  // As if asked at 1970-01-01 with no notice and a horizon reaching `last`: what is left depends on the rows only.
  const timeless = { ...rules, minimumNoticeMinutes: 0, horizonDays: dayNumber(last)! + 2 };
  const slots = freeSlots(timeless, calendar.length ? [...holds, ...calendar] : holds, { from: first, to: last }, new Date(0));
  const starts = new Map<string, number[]>();
  for (let d = first; d <= last; d = addDays(d, 1)) starts.set(d, []);
  for (const s of slots) starts.get(practiceDate(s.start, settings.timeZone))?.push(s.start.getTime());
  const days = new Map<string, CachedDay>();
  for (const [d, list] of starts) days.set(d, cachedDay(list, settings.durationMinutes * 60_000, expiryNear(d, holds)));
  return { settings, days };
}

/**
 * The cached dates of [from, to] that can hold a slot now, in order, computing those missing or
 * run out; null when the counter moved on during the computation (then only the rows can answer).
 */
async function currentDays(
  from: string,
  to: string,
  asked: Date | undefined,
  db: Db,
  cache: SlotCache,
): Promise<{ settings: BookingSettings; days: CachedDay[]; now: Date } | null> {
  const counter = await readCounterAndClock(db);
  const { version } = counter;
  // Holds run out by the database's clock, as booking decides (holdsTime); notice and horizon by
  // this server's, as booking checks them (assertOffered).
  const holdNow = asked ?? counter.now;
  const now = asked ?? new Date();
  if (version === null) return null;
  cache.align(version);
  const nowMs = holdNow.getTime();
  let settings = cache.settings;
  let wanted: string[] = [];
  const found = new Map<string, CachedDay>();
  const missing: string[] = [];
  if (settings) {
    wanted = bookableDates(from, to, settings, now, cache);
    for (const date of wanted) {
      const day = cache.get(date, nowMs);
      if (day) found.set(date, day);
      else missing.push(date);
    }
  }
  if (!settings || missing.length > 0) {
    const fresh = await computeDays(missing[0] ?? from, missing.at(-1) ?? to, holdNow, db);
    // Someone read a newer counter meanwhile (and dropped the cache): answer from the rows alone.
    if (cache.version !== version) return null;
    settings = cache.settings = fresh.settings;
    wanted = bookableDates(from, to, settings, now, cache);
    for (const [date, day] of fresh.days) {
      if (!wanted.includes(date)) continue;
      found.set(date, day);
      cache.put(date, day);
    }
  }
  return { settings, days: wanted.map((d) => found.get(d)!), now };
}

/**
 * The free consultation slots of practice dates [from, to], as availableSlots computes them,
 * from one query while nothing changed (the counter) and nothing ran out (a hold's expiry).
 */
export async function offeredSlots(
  from: string,
  to: string,
  asked?: Date,
  db: Db = defaultDb,
  cache: SlotCache = processSlotCache(),
): Promise<{ settings: BookingSettings; slots: Slot[] }> {
  const current = await currentDays(from, to, asked, db, cache);
  if (!current) return availableSlots(from, to, asked ?? new Date(), db);
  const { settings, days, now } = current;
  return { settings, slots: slotsFrom(days, now.getTime() + settings.minimumNoticeMinutes * 60_000, settings.durationMinutes) };
}

/** The dates' slots from `earliest` on (the end of the notice), sorted. */
function slotsFrom(days: CachedDay[], earliest: number, durationMinutes: number): Slot[] {
  const starts = days.flatMap((d) => d.starts).filter((s) => s >= earliest);
  return starts.sort((a, b) => a - b).map((s) => ({ start: new Date(s), end: new Date(s + durationMinutes * 60_000) }));
}

/** The JSON of GET /api/slots: the practice zone, the length of a consultation and the slots in UTC. */
export function slotsJson(settings: BookingSettings, slots: Slot[]): string {
  const list = slots.map((s) => ({ start: s.start.toISOString(), end: s.end.toISOString() }));
  return JSON.stringify({ timeZone: settings.timeZone, durationMinutes: settings.durationMinutes, slots: list });
}

/**
 * The same as offeredSlots, as the route's JSON: while warm, joined from each date's stored text
 * (no dates made or formatted per request), which is what lets the answer cost about one query.
 */
export async function offeredSlotsJson(
  from: string,
  to: string,
  asked?: Date,
  db: Db = defaultDb,
  cache: SlotCache = processSlotCache(),
): Promise<string> {
  const current = await currentDays(from, to, asked, db, cache);
  if (!current) {
    const { settings, slots } = await availableSlots(from, to, asked ?? new Date(), db);
    return slotsJson(settings, slots);
  }
  const { settings, days, now } = current;
  const earliest = now.getTime() + settings.minimumNoticeMinutes * 60_000;
  const parts: string[] = [];
  let last = -Infinity;
  for (const day of days) {
    if (day.starts.length === 0) continue;
    // Dates follow each other, so their slots do; should a zone ever say otherwise, sort them.
    if (day.starts[0]! <= last) return slotsJson(settings, slotsFrom(days, earliest, settings.durationMinutes));
    last = day.starts.at(-1)!;
    if (day.starts[0]! >= earliest) parts.push(day.joined);
    else for (let i = 0; i < day.starts.length; i++) if (day.starts[i]! >= earliest) parts.push(day.json[i]!);
  }
  return `{"timeZone":${JSON.stringify(settings.timeZone)},"durationMinutes":${settings.durationMinutes},"slots":[${parts.join(",")}]}`;
}
