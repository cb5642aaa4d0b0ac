import { and, asc, eq, gt, lt, sql } from "drizzle-orm";
import { db as defaultDb, type Db } from "@/db";
import { calendarBusy, calendarCalendars, calendarConnections, calendarWrites } from "@/db/schema";
import type { BusyAppointment } from "@/lib/booking/slots";
import { addDays } from "@/lib/time/dates";
import { startOfPracticeDate } from "@/lib/time/zone";

/*
 * What the stored busy times mean for the rest of the app: the slot engine's busy list (read
 * from PostgreSQL only, never from a remote server) and the agenda's blocks and warnings.
 */

/*
 * The slot engine asks on every /api/slots request and every booking. Busy times change only
 * when a sync writes them, and every such write also changes its calendar's row (version,
 * window) in the same transaction; so each process keeps the busy times it read, keyed by the
 * chosen calendars' rows, and reads them again when that key differs. One small query per
 * request, wherever the request lands, sees every other instance's sync.
 */
type Cached = { key: string; loadedAt: number; starts: Float64Array; ends: Float64Array };
const holder = globalThis as unknown as { __praxisCalendarBusy?: Cached };
/** Busy times that ended before this are not kept in the cache (no slot lies in the past). */
const KEEP_PAST_MS = 2 * 86_400_000;
const RELOAD_MS = 6 * 3_600_000;

async function busyKey(db: Db): Promise<string> {
  const rows = await db
    .select({ id: calendarCalendars.id, version: calendarCalendars.version, until: calendarCalendars.expandedUntil })
    .from(calendarCalendars)
    .where(eq(calendarCalendars.busy, true))
    .orderBy(asc(calendarCalendars.id));
  return rows.map((r) => `${r.id}:${r.version ?? ""}:${r.until?.getTime() ?? ""}`).join("|");
}

async function loadBusy(db: Db, key: string, now: number): Promise<Cached> {
  const rows = await db
    .select({
      start: sql<number>`(extract(epoch from ${calendarBusy.startAt}) * 1000)::float8`,
      end: sql<number>`(extract(epoch from ${calendarBusy.endAt}) * 1000)::float8`,
    })
    .from(calendarBusy)
    .innerJoin(calendarCalendars, eq(calendarCalendars.id, calendarBusy.calendarId))
    .where(and(eq(calendarCalendars.busy, true), gt(calendarBusy.endAt, new Date(now - KEEP_PAST_MS))));
  // Overlapping and touching times merged (the same appointment in two calendars, back-to-back
  // ones): the slot engine compares every candidate with every busy time, so fewer is faster.
  const sorted = rows.map((r) => [Number(r.start), Number(r.end)] as const).sort((x, y) => x[0] - y[0]);
  const merged: [number, number][] = [];
  for (const [start, end] of sorted) {
    const last = merged.at(-1);
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  const starts = Float64Array.from(merged, (m) => m[0]);
  const ends = Float64Array.from(merged, (m) => m[1]);
  return { key, loadedAt: now, starts, ends };
}

/** Busy times of the chosen calendars touching [from, until), as the slot engine takes them (the slot's own buffers apply). */
export async function calendarBusyBetween(from: Date, until: Date, db: Db = defaultDb): Promise<BusyAppointment[]> {
  const key = await busyKey(db);
  if (key === "") return [];
  const now = Date.now();
  let cached = holder.__praxisCalendarBusy;
  const coversFrom = cached !== undefined && from.getTime() >= cached.loadedAt - KEEP_PAST_MS;
  if (!cached || cached.key !== key || !coversFrom || now - cached.loadedAt > RELOAD_MS) {
    cached = await loadBusy(db, key, Math.min(now, from.getTime() + KEEP_PAST_MS));
    holder.__praxisCalendarBusy = cached;
  }
  const out: BusyAppointment[] = [];
  const a = from.getTime();
  const b = until.getTime();
  for (let i = 0; i < cached.starts.length; i++) {
    if (cached.starts[i]! < b && cached.ends[i]! > a)
      out.push({
        start: new Date(cached.starts[i]!),
        end: new Date(cached.ends[i]!),
        bufferBeforeMinutes: 0,
        bufferAfterMinutes: 0,
        countsTowardDailyMax: false,
      });
  }
  return out;
}

export type BusyBlock = { start: Date; end: Date; allDay: boolean; title: string | null; calendar: string };

/** The agenda's private blocks: titles only of connections whose titles the coach wants to see. */
export async function busyBlocksBetween(from: Date, until: Date, db: Db = defaultDb): Promise<BusyBlock[]> {
  const rows = await db
    .select({
      start: calendarBusy.startAt,
      end: calendarBusy.endAt,
      allDay: calendarBusy.allDay,
      title: calendarBusy.title,
      showTitles: calendarConnections.showTitles,
      calendar: calendarConnections.label,
    })
    .from(calendarBusy)
    .innerJoin(calendarCalendars, eq(calendarCalendars.id, calendarBusy.calendarId))
    .innerJoin(calendarConnections, eq(calendarConnections.id, calendarCalendars.connectionId))
    .where(and(eq(calendarCalendars.busy, true), lt(calendarBusy.startAt, until), gt(calendarBusy.endAt, from)))
    .orderBy(asc(calendarBusy.startAt))
    .limit(500);
  return rows.map((r) => ({ start: r.start, end: r.end, allDay: r.allDay, title: r.showTitles ? r.title : null, calendar: r.calendar }));
}

/** "seit 2 Stunden", "seit einer Stunde", "seit 20 Minuten", "seit 3 Tagen". */
export function sinceInWords(ms: number): string {
  const minutes = Math.max(1, Math.floor(ms / 60_000));
  if (minutes < 60) return minutes === 1 ? "seit einer Minute" : `seit ${minutes} Minuten`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return hours === 1 ? "seit einer Stunde" : `seit ${hours} Stunden`;
  return `seit ${Math.floor(hours / 24)} Tagen`;
}

/** A connection counts as unreachable once its last success is older than three sync intervals (at least 15 minutes). */
export function staleAfterMs(intervalMinutes: number): number {
  return Math.max(15, 3 * intervalMinutes) * 60_000;
}

/** What the agenda warns about: calendars not read for a while, and appointments not yet in the coach's calendar. */
export async function calendarWarnings(now: Date, intervalMinutes: number, db: Db = defaultDb): Promise<string[]> {
  const connections = await db
    .select({
      label: calendarConnections.label,
      lastSuccessAt: calendarConnections.lastSuccessAt,
      createdAt: calendarConnections.createdAt,
      lastError: calendarConnections.lastError,
    })
    .from(calendarConnections)
    .orderBy(asc(calendarConnections.label));
  const warnings: string[] = [];
  for (const c of connections) {
    const since = now.getTime() - (c.lastSuccessAt ?? c.createdAt).getTime();
    if (c.lastError && since > staleAfterMs(intervalMinutes))
      warnings.push(`${c.label} ${sinceInWords(since)} nicht erreichbar. Bis es wieder klappt, gelten die zuletzt bekannten Termine.`);
  }
  const [pending] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(calendarWrites)
    .where(sql`${calendarWrites.status} = 'failed' or (${calendarWrites.status} = 'queued' and ${calendarWrites.attempts} > 0)`);
  const count = Number(pending?.count ?? 0);
  if (count > 0)
    warnings.push(
      count === 1
        ? "Ein Termin konnte noch nicht in deinen Kalender geschrieben werden; es wird weiter versucht."
        : `${count} Termine konnten noch nicht in deinen Kalender geschrieben werden; es wird weiter versucht.`,
    );
  return warnings;
}

/** Blocks by practice date; one spanning several days appears on each of them. */
export function blocksByPracticeDate(blocks: BusyBlock[], days: string[], timeZone: string): Map<string, BusyBlock[]> {
  const map = new Map<string, BusyBlock[]>();
  for (const day of days) {
    const from = startOfPracticeDate(day, timeZone).getTime();
    const until = startOfPracticeDate(addDays(day, 1), timeZone).getTime();
    const touching = blocks.filter((b) => b.start.getTime() < until && b.end.getTime() > from);
    if (touching.length) map.set(day, touching);
  }
  return map;
}
