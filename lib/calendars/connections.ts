import { and, asc, eq, inArray } from "drizzle-orm";
import type { z } from "zod";
import { db as defaultDb, type Db } from "@/db";
import {
  calendarBusy,
  calendarCalendars,
  calendarConnections,
  calendarSettings,
  type CalendarCalendar,
  type CalendarConnection,
} from "@/db/schema";
import { duringBuild } from "@/lib/build-phase";
import { AppError } from "@/lib/http/errors";
import { CalendarAuthError, discoverCalendars } from "./caldav";
import { encryptSecret } from "./crypto";
import { calendarFetch, CalendarFetchError, urlProblem } from "./fetch";
import type { caldavConnectionSchema, calendarChoicesSchema, icalConnectionSchema, writebackSchema } from "./schemas";
import { syncCalendars } from "./sync";

/*
 * The coach's connections: added only after the server answered (a wrong password or an
 * unreachable server is said at once, in German), listed without their secrets, changed and
 * removed by the coach who owns them.
 */

export type ConnectionView = Pick<
  CalendarConnection,
  "id" | "kind" | "label" | "username" | "showTitles" | "lastSuccessAt" | "lastError"
> & {
  server: string | null;
  calendars: Pick<CalendarCalendar, "id" | "displayName" | "busy" | "writable">[];
};

function refused(message: string): AppError {
  return new AppError("invalid", message, { issues: [] });
}

/** A fetch or sign-in problem as the coach's message; anything else stays a fault. */
function asMessage(error: unknown): AppError {
  if (error instanceof CalendarAuthError || error instanceof CalendarFetchError) return refused(error.message);
  throw error;
}

export async function addCaldavConnection(
  coachId: string,
  input: z.output<typeof caldavConnectionSchema>,
  db: Db = defaultDb,
): Promise<string> {
  const problem = urlProblem(input.serverUrl);
  if (problem) throw refused(problem);
  const secret = encryptSecret(input.password);
  const calendars = await discoverCalendars({ serverUrl: input.serverUrl, username: input.username, password: input.password }).catch(
    (e) => {
      throw asMessage(e);
    },
  );
  const events = calendars.filter((c) => c.events);
  if (events.length === 0) throw refused("Die Anmeldung hat geklappt, aber in diesem Konto gibt es keinen Kalender für Termine.");
  const id = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(calendarConnections)
      .values({ coachId, kind: "caldav", label: input.label, serverUrl: input.serverUrl, username: input.username, secret })
      .returning({ id: calendarConnections.id });
    await tx
      .insert(calendarCalendars)
      .values(
        events.slice(0, 100).map((c) => ({ connectionId: row!.id, href: c.url, displayName: c.displayName, busy: true, writable: true })),
      );
    return row!.id;
  });
  await syncCalendars({ connectionId: id, db });
  return id;
}

export async function addIcalConnection(
  coachId: string,
  input: z.output<typeof icalConnectionSchema>,
  db: Db = defaultDb,
): Promise<string> {
  const problem = urlProblem(input.url);
  if (problem) throw refused(problem);
  const secret = encryptSecret(input.url);
  const response = await calendarFetch(input.url, { followRedirects: true }).catch((e) => {
    throw asMessage(e);
  });
  if (response.status !== 200 || !response.body.includes("BEGIN:VCALENDAR"))
    throw refused(
      `Unter dieser Adresse liegt kein Kalender (der Server antwortet mit ${response.status}). Kopiere die geheime Adresse im iCal-Format.`,
    );
  const id = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(calendarConnections)
      .values({ coachId, kind: "ical", label: input.label, secret })
      .returning({ id: calendarConnections.id });
    await tx.insert(calendarCalendars).values({ connectionId: row!.id, href: "", displayName: input.label, busy: true, writable: false });
    return row!.id;
  });
  await syncCalendars({ connectionId: id, db });
  return id;
}

export async function listConnections(coachId: string, db: Db = defaultDb): Promise<ConnectionView[]> {
  const connections = await db
    .select()
    .from(calendarConnections)
    .where(eq(calendarConnections.coachId, coachId))
    .orderBy(asc(calendarConnections.createdAt));
  if (connections.length === 0) return [];
  const calendars = await db
    .select()
    .from(calendarCalendars)
    .where(
      inArray(
        calendarCalendars.connectionId,
        connections.map((c) => c.id),
      ),
    )
    .orderBy(asc(calendarCalendars.displayName));
  return connections.map((c) => ({
    id: c.id,
    kind: c.kind,
    label: c.label,
    username: c.username,
    showTitles: c.showTitles,
    lastSuccessAt: c.lastSuccessAt,
    lastError: c.lastError,
    server: c.serverUrl ? new URL(c.serverUrl).host : null,
    calendars: calendars
      .filter((k) => k.connectionId === c.id)
      .map((k) => ({ id: k.id, displayName: k.displayName, busy: k.busy, writable: k.writable })),
  }));
}

async function ownConnection(db: Db, coachId: string, id: string) {
  const [row] = await db
    .select({ id: calendarConnections.id })
    .from(calendarConnections)
    .where(and(eq(calendarConnections.id, id), eq(calendarConnections.coachId, coachId)));
  if (!row) throw new AppError("not_found", "Diese Verbindung gibt es nicht (mehr).");
  return row;
}

export async function saveCalendarChoices(
  coachId: string,
  input: z.output<typeof calendarChoicesSchema>,
  db: Db = defaultDb,
): Promise<void> {
  await ownConnection(db, coachId, input.connectionId);
  await db.transaction(async (tx) => {
    const [connection] = await tx
      .select({ showTitles: calendarConnections.showTitles })
      .from(calendarConnections)
      .where(eq(calendarConnections.id, input.connectionId));
    const titlesChanged = connection!.showTitles !== input.showTitles;
    const calendars = await tx
      .select({ id: calendarCalendars.id, busy: calendarCalendars.busy })
      .from(calendarCalendars)
      .where(eq(calendarCalendars.connectionId, input.connectionId));
    for (const c of calendars) {
      const busy = input.busy.includes(c.id);
      // A newly chosen calendar is read in full at the next sync; so is every one when titles are
      // turned on (none were stored) or off (those stored go now).
      if (busy !== c.busy || titlesChanged)
        await tx.update(calendarCalendars).set({ busy, version: null, expandedUntil: null }).where(eq(calendarCalendars.id, c.id));
      if (titlesChanged && !input.showTitles) await tx.update(calendarBusy).set({ title: null }).where(eq(calendarBusy.calendarId, c.id));
    }
    await tx
      .update(calendarConnections)
      .set({ showTitles: input.showTitles, lastSyncAt: null })
      .where(eq(calendarConnections.id, input.connectionId));
  });
  await syncCalendars({ connectionId: input.connectionId, db });
}

export async function loadWriteback(db: Db = defaultDb): Promise<{ calendarId: string | null; fullNames: boolean }> {
  const [row] = await db.select().from(calendarSettings).where(eq(calendarSettings.id, 1));
  return { calendarId: row?.writeCalendarId ?? null, fullNames: row?.fullNames ?? false };
}

export async function saveWriteback(coachId: string, input: z.output<typeof writebackSchema>, db: Db = defaultDb): Promise<void> {
  if (input.calendarId) {
    const [target] = await db
      .select({ writable: calendarCalendars.writable })
      .from(calendarCalendars)
      .innerJoin(calendarConnections, eq(calendarConnections.id, calendarCalendars.connectionId))
      .where(
        and(eq(calendarCalendars.id, input.calendarId), eq(calendarConnections.coachId, coachId), eq(calendarConnections.kind, "caldav")),
      );
    if (!target?.writable) throw refused("In diesen Kalender kann nicht geschrieben werden. Wähle einen CalDAV-Kalender.");
  }
  const values = { writeCalendarId: input.calendarId, fullNames: input.fullNames };
  await db
    .insert(calendarSettings)
    .values({ id: 1, ...values })
    .onConflictDoUpdate({ target: calendarSettings.id, set: values });
}

/** Removes a connection with its stored busy times (the cascade); its written events stay in the coach's calendar. */
export async function removeConnection(coachId: string, id: string, db: Db = defaultDb): Promise<void> {
  await ownConnection(db, coachId, id);
  await db.delete(calendarConnections).where(and(eq(calendarConnections.id, id), eq(calendarConnections.coachId, coachId)));
}

/** For /datenschutz (rendered without a request, and at build time without a database): whether full names go to the coach's calendar. */
export async function writesFullNames(): Promise<boolean> {
  if (duringBuild()) return false;
  try {
    const settings = await loadWriteback();
    return settings.calendarId !== null && settings.fullNames;
  } catch {
    return false;
  }
}
