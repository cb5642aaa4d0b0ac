import { and, asc, eq, gte, inArray, lt, sql } from "drizzle-orm";
import { db as defaultDb, type Db } from "@/db";
import { appointments, articleComments, emailOutbox, sessionTypes, type Appointment } from "@/db/schema";
import { clientsWithElevatedCheckin } from "@/lib/outcomes/queries";
import { practiceDate } from "@/lib/time/zone";

export type AgendaItem = Pick<
  Appointment,
  "id" | "kind" | "status" | "startAt" | "endAt" | "name" | "clientId" | "channel" | "location"
> & {
  typeName: string | null;
};

/** Consultations and sessions that keep their time (or took place) between two instants, in order. */
export async function agendaBetween(from: Date, until: Date, db: Db = defaultDb): Promise<AgendaItem[]> {
  return db
    .select({
      id: appointments.id,
      kind: appointments.kind,
      status: appointments.status,
      startAt: appointments.startAt,
      endAt: appointments.endAt,
      name: appointments.name,
      clientId: appointments.clientId,
      channel: appointments.channel,
      location: appointments.location,
      typeName: sessionTypes.name,
    })
    .from(appointments)
    .leftJoin(sessionTypes, eq(sessionTypes.id, appointments.sessionTypeId))
    .where(
      and(
        gte(appointments.startAt, from),
        lt(appointments.startAt, until),
        inArray(appointments.status, ["pending", "confirmed", "completed", "no_show"]),
      ),
    )
    .orderBy(asc(appointments.startAt));
}

/**
 * What waits for the coach, not for someone else: appointments that have begun and still need the
 * coach's note whether they took place, comments to moderate, emails that failed. (A booking that
 * waits for the visitor's confirmation needs nothing from the coach.)
 */
export async function attentionCounts(
  db: Db = defaultDb,
): Promise<{ consultationsToRecord: number; sessionsToRecord: number; pendingComments: number; failedEmails: number }> {
  const begunAndConfirmed = (kind: "consultation" | "session") =>
    sql<number>`(select count(*)::int from ${appointments} where ${appointments.kind} = ${kind} and ${appointments.status} = 'confirmed' and ${appointments.startAt} < now())`;
  const [row] = await db
    .select({
      consultationsToRecord: begunAndConfirmed("consultation"),
      sessionsToRecord: begunAndConfirmed("session"),
      pendingComments: sql<number>`(select count(*)::int from ${articleComments} where ${articleComments.status} = 'pending')`,
      failedEmails: sql<number>`(select count(*)::int from ${emailOutbox} where ${emailOutbox.status} = 'failed')`,
    })
    .from(sql`(select 1) as one`);
  return {
    consultationsToRecord: Number(row!.consultationsToRecord),
    sessionsToRecord: Number(row!.sessionsToRecord),
    pendingComments: Number(row!.pendingComments),
    failedEmails: Number(row!.failedEmails),
  };
}

/** Groups agenda items by their practice date. */
export function byPracticeDate(items: AgendaItem[], timeZone: string): Map<string, AgendaItem[]> {
  const map = new Map<string, AgendaItem[]>();
  for (const item of items) {
    const day = practiceDate(item.startAt, timeZone);
    map.set(day, [...(map.get(day) ?? []), item]);
  }
  return map;
}

/**
 * Clients whose latest check-in has an elevated PHQ-4 the coach has not yet seen (opening their
 * page ends it, as does a later check-in that is not elevated): for the "attention" section.
 */
export async function elevatedCheckins(db: Db = defaultDb): Promise<{ id: string; name: string | null; email: string }[]> {
  return clientsWithElevatedCheckin(db);
}
