import { and, asc, eq, inArray } from "drizzle-orm";
import { db as defaultDb, type Db } from "@/db";
import { appointments, sessionTypes, type Appointment } from "@/db/schema";
import { AppError } from "@/lib/http/errors";
import { loadBookingSettings } from "@/lib/booking/availability";
import { announceCancelled } from "@/lib/notifications/events";
import { isUuid } from "@/lib/sql/uuid";
import { assertSelfService } from "./changes";
import { giveBack } from "./holds";

export type ClientAppointment = Appointment & { typeName: string | null };

/**
 * A client's own appointments (consultations that led to the work, and sessions with their type).
 * The coach's private session notes are in another table and never joined here.
 */
export async function listForClient(
  userId: string,
  db: Db = defaultDb,
): Promise<{ upcoming: ClientAppointment[]; past: ClientAppointment[]; now: number }> {
  const rows = (
    await db
      .select({ appointment: appointments, typeName: sessionTypes.name })
      .from(appointments)
      .leftJoin(sessionTypes, eq(sessionTypes.id, appointments.sessionTypeId))
      .where(and(eq(appointments.clientId, userId), inArray(appointments.status, ["confirmed", "cancelled", "completed", "no_show"])))
      .orderBy(asc(appointments.startAt))
      .limit(500)
  ).map((r) => ({ ...r.appointment, typeName: r.typeName }));
  const now = Date.now();
  return {
    now,
    upcoming: rows.filter((a) => a.status === "confirmed" && a.endAt.getTime() >= now),
    past: rows.filter((a) => !(a.status === "confirmed" && a.endAt.getTime() >= now)).reverse(),
  };
}

export async function getForClient(userId: string, id: string, db: Db = defaultDb): Promise<Appointment> {
  if (!isUuid(id)) throw new AppError("not_found", "Diesen Termin gibt es nicht.");
  const [row] = await db
    .select()
    .from(appointments)
    .where(and(eq(appointments.id, id), eq(appointments.clientId, userId)));
  if (!row) throw new AppError("not_found", "Diesen Termin gibt es nicht.");
  return row;
}

/** Same rules and emails as a visitor's cancellation: until the cut-off, visitor and coach are told. */
export async function cancelByClient(
  userId: string,
  id: string,
  reason: string | null,
  origin: string,
  db: Db = defaultDb,
): Promise<Appointment> {
  const appointment = await getForClient(userId, id, db);
  assertSelfService(appointment, await loadBookingSettings(db), "client");
  return db.transaction(async (tx) => {
    const [row] = await giveBack(tx, and(eq(appointments.id, id), eq(appointments.clientId, userId)), { by: "client", reason });
    if (!row) throw new AppError("not_found", "Dieser Termin wurde schon abgesagt.");
    await announceCancelled(tx, row, { origin, by: "client", reason });
    return row;
  });
}
