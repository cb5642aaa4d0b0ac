import { and, asc, desc, eq, sql } from "drizzle-orm";
import { db as defaultDb, type Db } from "@/db";
import { appointments, sessionNotes, sessionTypes } from "@/db/schema";
import { AppError } from "@/lib/http/errors";
import type { SessionRecordInput } from "./schemas";
import { isUuid } from "@/lib/sql/uuid";

export async function listActiveSessionTypes(db: Db = defaultDb) {
  return db
    .select()
    .from(sessionTypes)
    .where(eq(sessionTypes.active, true))
    .orderBy(desc(sessionTypes.durationMinutes), asc(sessionTypes.name));
}

/**
 * The coach's view of one client's sessions, with the private notes. Coach pages only: nothing
 * client-facing may call this (the notes are the coach's alone).
 */
export async function listSessionsForCoach(clientId: string, db: Db = defaultDb) {
  const rows = await db
    .select({ appointment: appointments, typeName: sessionTypes.name, notes: sessionNotes.body })
    .from(appointments)
    .leftJoin(sessionTypes, eq(sessionTypes.id, appointments.sessionTypeId))
    .leftJoin(sessionNotes, eq(sessionNotes.appointmentId, appointments.id))
    .where(and(eq(appointments.clientId, clientId), eq(appointments.kind, "session")))
    .orderBy(asc(appointments.startAt))
    .limit(500);
  const now = Date.now();
  const items = rows.map((r) => ({ ...r.appointment, typeName: r.typeName, notes: r.notes ?? "" }));
  const isUpcoming = (a: (typeof items)[number]) => a.status === "confirmed" && a.endAt.getTime() >= now;
  return { upcoming: items.filter(isUpcoming), past: items.filter((a) => !isUpcoming(a)).reverse(), now };
}
export type CoachSessionView = Awaited<ReturnType<typeof listSessionsForCoach>>["upcoming"][number];

/** Saves the coach's private notes and the homework the client sees, for one session. */
export async function saveSessionRecord(id: string, input: SessionRecordInput, db: Db = defaultDb): Promise<void> {
  if (!isUuid(id)) throw new AppError("not_found", "Diese Sitzung gibt es nicht.");
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(appointments)
      .set({ homework: input.homework, updatedAt: sql`now()` })
      .where(and(eq(appointments.id, id), eq(appointments.kind, "session")))
      .returning({ id: appointments.id });
    if (!row) throw new AppError("not_found", "Diese Sitzung gibt es nicht.");
    await tx
      .insert(sessionNotes)
      .values({ appointmentId: id, body: input.notes })
      .onConflictDoUpdate({ target: sessionNotes.appointmentId, set: { body: input.notes, updatedAt: sql`now()` } });
  });
}
