import { createHash } from "node:crypto";
import { and, eq, isNull, lt, lte, or, sql } from "drizzle-orm";
import { db as defaultDb, type Db } from "@/db";
import { calendarBusy, calendarCalendars, calendarConnections, type CalendarCalendar, type CalendarConnection } from "@/db/schema";
import { loadBookingSettings } from "@/lib/booking/availability";
import { env } from "@/lib/env";
import { CalendarAuthError, calendarVersion, eventsBetween, type DavAccount } from "./caldav";
import { decryptSecret } from "./crypto";
import { CalendarTooComplexError, expandBusy, type BusyInterval } from "./expand";
import { calendarFetch, CalendarFetchError } from "./fetch";

/*
 * Reading the coach's calendars into calendar_busy, in the background (cron route and poller),
 * so that /api/slots never waits on a remote server. A run claims each due connection with one
 * conditional UPDATE: two runs at once (two instances, cron and poller) never read one twice.
 * A calendar whose version (ctag, sync token, ETag) is unchanged is skipped while the stored
 * window still covers the booking horizon. A failure keeps the last known busy times.
 */

const DAY_MS = 86_400_000;
/** A run that died mid-way gives its claim up after this long. */
const CLAIM_MS = 2 * 60_000;

export type SyncResult = { connections: number; calendarsRead: number; calendarsSkipped: number; failed: number };

/** The window busy times are kept for: from yesterday to the end of the booking horizon, with a day of margin. */
export function syncWindow(now: Date, horizonDays: number): { from: Date; until: Date } {
  return { from: new Date(now.getTime() - DAY_MS), until: new Date(now.getTime() + (horizonDays + 2) * DAY_MS) };
}

/** Claims the connections due for a sync (or the one given, due or not) for this run. */
async function claim(db: Db, now: Date, intervalMinutes: number, onlyId?: string): Promise<CalendarConnection[]> {
  const nowIso = now.toISOString();
  const dueBefore = new Date(now.getTime() - intervalMinutes * 60_000 + 5_000).toISOString();
  return db
    .update(calendarConnections)
    .set({ claimedUntil: new Date(now.getTime() + CLAIM_MS) })
    .where(
      and(
        or(isNull(calendarConnections.claimedUntil), lt(calendarConnections.claimedUntil, sql`${nowIso}::timestamptz`)),
        onlyId
          ? eq(calendarConnections.id, onlyId)
          : or(isNull(calendarConnections.lastSyncAt), lte(calendarConnections.lastSyncAt, sql`${dueBefore}::timestamptz`)),
      ),
    )
    .returning();
}

async function replaceBusy(
  db: Db,
  calendar: CalendarCalendar,
  intervals: BusyInterval[],
  version: string | null,
  until: Date,
  showTitles: boolean,
) {
  await db.transaction(async (tx) => {
    await tx.delete(calendarBusy).where(eq(calendarBusy.calendarId, calendar.id));
    for (let i = 0; i < intervals.length; i += 1000) {
      await tx.insert(calendarBusy).values(
        intervals.slice(i, i + 1000).map((b) => ({
          calendarId: calendar.id,
          startAt: b.start,
          endAt: b.end,
          uid: b.uid,
          title: showTitles ? b.title : null,
          allDay: b.allDay,
        })),
      );
    }
    await tx.update(calendarCalendars).set({ version, expandedUntil: until }).where(eq(calendarCalendars.id, calendar.id));
  });
}

/** Whether the stored busy times are still good: same version, and their window reaches far enough. */
function fresh(calendar: CalendarCalendar, version: string | null, until: Date): boolean {
  return (
    version !== null &&
    calendar.version === version &&
    calendar.expandedUntil !== null &&
    calendar.expandedUntil.getTime() >= until.getTime() - DAY_MS
  );
}

export function davAccount(connection: CalendarConnection): DavAccount {
  return { serverUrl: connection.serverUrl ?? "", username: connection.username ?? "", password: decryptSecret(connection.secret) };
}

async function syncCalDav(
  db: Db,
  connection: CalendarConnection,
  calendars: CalendarCalendar[],
  window: { from: Date; until: Date },
  zone: string,
  result: SyncResult,
) {
  const account = davAccount(connection);
  for (const calendar of calendars) {
    const version = await calendarVersion(account, calendar.href);
    if (fresh(calendar, version, window.until)) {
      result.calendarsSkipped++;
      continue;
    }
    const texts = await eventsBetween(account, calendar.href, window.from, window.until);
    await replaceBusy(db, calendar, expandBusy(texts, window, zone), version, window.until, connection.showTitles);
    result.calendarsRead++;
  }
}

async function syncSubscription(
  db: Db,
  connection: CalendarConnection,
  calendar: CalendarCalendar,
  window: { from: Date; until: Date },
  zone: string,
  result: SyncResult,
) {
  const url = decryptSecret(connection.secret);
  const windowOk = calendar.expandedUntil !== null && calendar.expandedUntil.getTime() >= window.until.getTime() - DAY_MS;
  const etag = calendar.version?.startsWith("etag:") ? calendar.version.slice(5) : null;
  const response = await calendarFetch(url, { followRedirects: true, headers: etag && windowOk ? { "if-none-match": etag } : {} });
  if (response.status === 304) {
    result.calendarsSkipped++;
    return;
  }
  if (response.status === 401 || response.status === 403 || response.status === 404)
    throw new CalendarFetchError("unreachable", "Die Abo-Adresse gilt nicht mehr (vielleicht wurde sie im Kalender neu erzeugt).");
  if (response.status !== 200 || !response.body.includes("BEGIN:VCALENDAR"))
    throw new CalendarFetchError("unreachable", `Unter der Abo-Adresse liegt kein Kalender (HTTP ${response.status}).`);
  const header = response.headers.etag;
  const version =
    typeof header === "string" && header ? `etag:${header}` : `sha256:${createHash("sha256").update(response.body).digest("hex")}`;
  if (fresh(calendar, version, window.until)) {
    result.calendarsSkipped++;
    return;
  }
  await replaceBusy(db, calendar, expandBusy([response.body], window, zone), version, window.until, connection.showTitles);
  result.calendarsRead++;
}

/** One connection, under its claim: its chosen calendars read, the others' busy times dropped. */
async function syncConnection(db: Db, connection: CalendarConnection, now: Date, result: SyncResult) {
  const settings = await loadBookingSettings(db);
  const window = syncWindow(now, settings.horizonDays);
  const calendars = await db.select().from(calendarCalendars).where(eq(calendarCalendars.connectionId, connection.id));
  for (const c of calendars.filter((c) => !c.busy)) {
    await db.delete(calendarBusy).where(eq(calendarBusy.calendarId, c.id));
    await db.update(calendarCalendars).set({ version: null, expandedUntil: null }).where(eq(calendarCalendars.id, c.id));
  }
  const chosen = calendars.filter((c) => c.busy);
  let error: string | null = null;
  try {
    if (connection.kind === "caldav") await syncCalDav(db, connection, chosen, window, settings.timeZone, result);
    else if (chosen[0]) await syncSubscription(db, connection, chosen[0], window, settings.timeZone, result);
  } catch (e) {
    // The message is ours (German, without the URL or any secret), or a generic one.
    const ours = e instanceof CalendarFetchError || e instanceof CalendarAuthError || e instanceof CalendarTooComplexError;
    error = ours ? e.message : "Der Kalender konnte nicht gelesen werden.";
    if (!ours) console.error("calendar sync failed:", connection.id, e instanceof Error ? e.constructor.name : "error");
    result.failed++;
  }
  await db
    .update(calendarConnections)
    .set({ lastSyncAt: now, claimedUntil: null, lastError: error, ...(error ? {} : { lastSuccessAt: now }) })
    .where(eq(calendarConnections.id, connection.id));
}

/** Reads every connection that is due (or the one given, now); safe to run from many places at once. */
export async function syncCalendars(options: { now?: Date; db?: Db; connectionId?: string } = {}): Promise<SyncResult> {
  const { now = new Date(), db = defaultDb } = options;
  const result: SyncResult = { connections: 0, calendarsRead: 0, calendarsSkipped: 0, failed: 0 };
  const interval = env().CALENDAR_SYNC_MINUTES;
  if (interval === 0 && !options.connectionId) return result;
  for (const connection of await claim(db, now, interval, options.connectionId)) {
    result.connections++;
    await syncConnection(db, connection, now, result);
  }
  return result;
}
