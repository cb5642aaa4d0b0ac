import { eq } from "drizzle-orm";
import { db as defaultDb, type Db } from "@/db";
import { availabilityVersions } from "@/db/schema";
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

type CachedDay = { slots: Slot[]; validUntil: number };

/** One process's computed dates under one version of the counter; least recently used go first. */
export class SlotCache {
  version: number | null = null;
  settings: BookingSettings | null = null;
  private readonly days = new Map<string, CachedDay>();

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

/** The change counter of the free slots; null if its row is missing (then nothing is cached). */
export async function readAvailabilityVersion(db: Db = defaultDb): Promise<number | null> {
  const [row] = await db.select({ version: availabilityVersions.version }).from(availabilityVersions).where(eq(availabilityVersions.id, 1));
  return row ? Number(row.version) : null;
}

/** Practice dates of [from, to] that can hold a slot at `now`: from the day before the notice ends to the horizon's last day. */
function bookableDates(from: string, to: string, settings: BookingSettings, now: Date): string[] {
  const earliest = addDays(practiceDate(new Date(now.getTime() + settings.minimumNoticeMinutes * 60_000), settings.timeZone), -1);
  const last = addDays(practiceDate(now, settings.timeZone), settings.horizonDays);
  const dates: string[] = [];
  for (let d = from > earliest ? from : earliest; d <= to && d <= last; d = addDays(d, 1)) dates.push(d);
  return dates;
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
  const days = new Map<string, CachedDay>();
  for (let d = first; d <= last; d = addDays(d, 1)) days.set(d, { slots: [], validUntil: expiryNear(d, holds) });
  for (const s of slots) days.get(practiceDate(s.start, settings.timeZone))?.slots.push(s);
  return { settings, days };
}

/**
 * The free consultation slots of practice dates [from, to], as availableSlots computes them,
 * from one query while nothing changed (the counter) and nothing ran out (a hold's expiry).
 */
export async function offeredSlots(
  from: string,
  to: string,
  now = new Date(),
  db: Db = defaultDb,
  cache: SlotCache = processSlotCache(),
): Promise<{ settings: BookingSettings; slots: Slot[] }> {
  const version = await readAvailabilityVersion(db);
  if (version === null) return availableSlots(from, to, now, db);
  cache.align(version);
  const nowMs = now.getTime();
  let settings = cache.settings;
  let wanted: string[] = [];
  const found = new Map<string, CachedDay>();
  const missing: string[] = [];
  if (settings) {
    wanted = bookableDates(from, to, settings, now);
    for (const date of wanted) {
      const day = cache.get(date, nowMs);
      if (day) found.set(date, day);
      else missing.push(date);
    }
  }
  if (!settings || missing.length > 0) {
    const fresh = await computeDays(missing[0] ?? from, missing.at(-1) ?? to, now, db);
    // Someone read a newer counter meanwhile (and dropped the cache): answer from the rows alone.
    if (cache.version !== version) return availableSlots(from, to, now, db);
    settings = cache.settings = fresh.settings;
    wanted = bookableDates(from, to, settings, now);
    for (const [date, day] of fresh.days) {
      if (!wanted.includes(date)) continue;
      found.set(date, day);
      cache.put(date, day);
    }
  }
  const earliest = nowMs + settings.minimumNoticeMinutes * 60_000;
  const slots = wanted.flatMap((d) => found.get(d)?.slots ?? []).filter((s) => s.start.getTime() >= earliest);
  return { settings, slots: slots.sort((a, b) => a.start.getTime() - b.start.getTime()) };
}
