import { and, eq, gt, gte, inArray, lte, or, sql } from "drizzle-orm";
import { db as defaultDb, type Db } from "@/db";
import { appointments, practiceSettings, sessionTypes } from "@/db/schema";
import { hashToken, isTokenShape, newToken } from "@/lib/booking/tokens";
import { loadPracticeSettings } from "@/lib/settings/queries";
import { feedIcs } from "./ics";
import { feedEventFor } from "./invitation";

const DAY_MS = 86_400_000;
/** The feed shows this much of the past and the future: enough for a calendar, small enough to serve fast. */
export const FEED_PAST_DAYS = 90;
export const FEED_FUTURE_DAYS = 365;

/**
 * Makes a new secret for the coach's calendar subscription and returns it. Only its hash is
 * stored, so the URL can be shown exactly once; a new secret replaces (and so disables) the old.
 */
export async function renewCalendarFeedToken(db: Db = defaultDb): Promise<string> {
  const token = newToken();
  const hash = hashToken(token);
  const practice = await loadPracticeSettings(db);
  await db
    .insert(practiceSettings)
    .values({ id: 1, practiceName: practice.practiceName, calendarFeedTokenHash: hash })
    .onConflictDoUpdate({ target: practiceSettings.id, set: { calendarFeedTokenHash: hash, updatedAt: sql`now()` } });
  return token;
}

/** Whether the token is the current feed secret. Malformed tokens are not looked up at all. */
export async function isCalendarFeedToken(token: string, db: Db = defaultDb): Promise<boolean> {
  if (!isTokenShape(token)) return false;
  const [row] = await db
    .select({ id: practiceSettings.id })
    .from(practiceSettings)
    .where(and(eq(practiceSettings.id, 1), eq(practiceSettings.calendarFeedTokenHash, hashToken(token))));
  return Boolean(row);
}

/**
 * The coach's appointments as iCalendar text: pending (still holding their time) and confirmed,
 * from 90 days back to a year ahead. Names and contact details only: never the visitor's
 * message, self-check or session notes (health data has no place in a calendar app).
 */
export async function calendarFeedText(now = new Date(), db: Db = defaultDb): Promise<string> {
  const practice = await loadPracticeSettings(db);
  const rows = await db
    .select({
      id: appointments.id,
      kind: appointments.kind,
      status: appointments.status,
      startAt: appointments.startAt,
      endAt: appointments.endAt,
      name: appointments.name,
      email: appointments.email,
      phone: appointments.phone,
      channel: appointments.channel,
      location: appointments.location,
      sequence: appointments.sequence,
      typeName: sessionTypes.name,
    })
    .from(appointments)
    .leftJoin(sessionTypes, eq(sessionTypes.id, appointments.sessionTypeId))
    .where(
      and(
        inArray(appointments.status, ["pending", "confirmed"]),
        or(eq(appointments.status, "confirmed"), gt(appointments.pendingExpiresAt, now)),
        gte(appointments.startAt, new Date(now.getTime() - FEED_PAST_DAYS * DAY_MS)),
        lte(appointments.startAt, new Date(now.getTime() + FEED_FUTURE_DAYS * DAY_MS)),
      ),
    )
    .orderBy(appointments.startAt);

  return feedIcs({ name: `${practice.practiceName}: Termine`, events: rows.map(feedEventFor), now });
}
