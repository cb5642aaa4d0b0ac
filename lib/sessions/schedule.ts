import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { db as defaultDb, type Db } from "@/db";
import { appointments, sessionTypes, users, type Appointment } from "@/db/schema";
import { blocked, findConflicts, giveBack, takeTime, type Range } from "@/lib/appointments/holds";
import { seriesConflict, singleConflict } from "@/lib/appointments/overlap";
import { loadBookingSettings } from "@/lib/booking/availability";
import { AppError } from "@/lib/http/errors";
import { announceCancelled, announceSessions } from "@/lib/notifications/events";
import { theCoach } from "@/lib/settings/coach";
import { isUuid } from "@/lib/sql/uuid";
import { addDays } from "@/lib/time/dates";
import { practiceTimeToUtc } from "@/lib/time/zone";
import type { RescheduleSessionInput, ScheduleSessionInput } from "./schemas";

type Ctx = { origin: string; now?: Date };

const NO_BUFFER = { bufferBeforeMinutes: 0, bufferAfterMinutes: 0 };

function refusePast(start: Date, now: Date) {
  if (start.getTime() <= now.getTime())
    throw new AppError("invalid", "Dieser Zeitpunkt liegt in der Vergangenheit. Bitte wähle einen späteren.");
}

/** Sessions are only ever scheduled for people with a client account. */
async function loadClient(db: Db, clientId: string) {
  const [client] = await db
    .select()
    .from(users)
    .where(and(eq(users.id, clientId), eq(users.role, "client")));
  if (!client) throw new AppError("not_found", "Diese Person gibt es nicht als Klient*in.");
  return client;
}

/**
 * The coach schedules a session, or a weekly series, for a client. Published availability does
 * not apply (the coach decides), other appointments do: every wanted time is checked first, and
 * if any collides nothing is created and each collision is named. The client's email with the
 * invitation is written in the same transaction.
 */
export async function scheduleSession(input: ScheduleSessionInput, ctx: Ctx, db: Db = defaultDb): Promise<Appointment[]> {
  const now = ctx.now ?? new Date();
  const client = await loadClient(db, input.clientId);
  const [type] = await db
    .select()
    .from(sessionTypes)
    .where(and(eq(sessionTypes.id, input.sessionTypeId), eq(sessionTypes.active, true)));
  if (!type) throw new AppError("invalid", "Diese Sitzungsart gibt es nicht (mehr). Bitte wähle eine andere.");
  const [settings, coach] = await Promise.all([loadBookingSettings(db), theCoach(db)]);
  const tz = settings.timeZone;
  const starts = Array.from({ length: input.repeatWeekly }, (_, i) => practiceTimeToUtc(addDays(input.date, 7 * i), input.time, tz));
  refusePast(starts[0]!, now);
  const durationMs = type.durationMinutes * 60_000;
  // Sessions keep no buffer of their own, so the coach can set them back to back; a consultation
  // booked next to one still keeps its own buffers (the constraint compares both blocked ranges).
  const planned = starts.map((start) => {
    const end = new Date(start.getTime() + durationMs);
    return { start, end, ...blocked(start, end, NO_BUFFER) };
  });
  const conflictError = async () => {
    const found = await findConflicts(db, planned, tz);
    if (!found.some((f) => f.length)) return null;
    return starts.length > 1 ? seriesConflict(starts, found, tz) : singleConflict(found[0]!);
  };
  const early = await conflictError();
  if (early) throw early;

  const seriesId = starts.length > 1 ? randomUUID() : null;
  const location = input.location ?? (type.defaultLocation.trim() || null);
  const created = await db.transaction(async (tx) => {
    const rows = await takeTime<Appointment[] | null>(
      tx,
      planned,
      (w) =>
        w
          .insert(appointments)
          .values(
            planned.map((p) => ({
              coachId: coach.id,
              clientId: client.id,
              kind: "session" as const,
              status: "confirmed" as const,
              startAt: p.start,
              endAt: p.end,
              ...NO_BUFFER,
              blockedFrom: p.blockedFrom,
              blockedUntil: p.blockedUntil,
              name: client.name ?? client.email,
              email: client.email,
              channel: type.channel,
              sessionTypeId: type.id,
              location,
              noteToClient: input.noteToClient,
              seriesId,
              confirmedAt: sql`now()`,
            })),
          )
          .returning(),
      { onOverlap: () => null },
    );
    if (!rows) return null;
    rows.sort((a, b) => a.startAt.getTime() - b.startAt.getTime());
    await announceSessions(tx, rows, "scheduled", { origin: ctx.origin });
    return rows;
  });
  // Someone took a time between the check and the insert: name them if we can.
  if (!created) throw (await conflictError()) ?? singleConflict([]);
  return created;
}

async function loadUpcomingSession(db: Db, id: string): Promise<Appointment> {
  if (!isUuid(id)) throw new AppError("not_found", "Diese Sitzung gibt es nicht.");
  const [row] = await db
    .select()
    .from(appointments)
    .where(and(eq(appointments.id, id), eq(appointments.kind, "session"), eq(appointments.status, "confirmed")));
  if (!row) throw new AppError("not_found", "Diese Sitzung gibt es nicht mehr, oder sie wurde schon abgesagt.");
  return row;
}

/** The coach moves a session: same length and buffers, SEQUENCE raised, the reminder due again. */
export async function rescheduleSession(id: string, input: RescheduleSessionInput, ctx: Ctx, db: Db = defaultDb): Promise<Appointment> {
  const now = ctx.now ?? new Date();
  const session = await loadUpcomingSession(db, id);
  const { timeZone: tz } = await loadBookingSettings(db);
  const start = practiceTimeToUtc(input.date, input.time, tz);
  refusePast(start, now);
  const end = new Date(start.getTime() + (session.endAt.getTime() - session.startAt.getTime()));
  const range: Range = blocked(start, end, session);
  const conflictError = async () => {
    const [found] = await findConflicts(db, [range], tz, session.id);
    return found!.length ? singleConflict(found!) : null;
  };
  const early = await conflictError();
  if (early) throw early;
  const moved = await db.transaction(async (tx) => {
    const rows = await takeTime<Appointment[] | null>(
      tx,
      [range],
      (w) =>
        w
          .update(appointments)
          .set({
            startAt: start,
            endAt: end,
            ...range,
            reminderSentAt: null,
            sequence: sql`${appointments.sequence} + 1`,
            updatedAt: sql`now()`,
          })
          .where(and(eq(appointments.id, session.id), eq(appointments.status, "confirmed")))
          .returning(),
      { onOverlap: () => null },
    );
    if (!rows) return null;
    const [row] = rows;
    if (!row) throw new AppError("not_found", "Diese Sitzung wurde inzwischen abgesagt.");
    await announceSessions(tx, [row], "moved", { origin: ctx.origin, reason: input.reason, previousStart: session.startAt });
    return row;
  });
  if (!moved) throw (await conflictError()) ?? singleConflict([]);
  return moved;
}

/**
 * The coach cancels a session; the client gets the calendar's CANCEL. When the client asked for it
 * (by phone, a message), `by: "client"` records that, and when: a late cancellation may then carry
 * the fee the client agreed to (lib/cancellation-policy). The emails are the coach's cancellation.
 */
export async function cancelSession(
  id: string,
  reason: string | null,
  ctx: Ctx & { by?: "coach" | "client" },
  db: Db = defaultDb,
): Promise<Appointment> {
  const session = await loadUpcomingSession(db, id);
  return db.transaction(async (tx) => {
    const [row] = await giveBack(tx, eq(appointments.id, session.id), { by: ctx.by ?? "coach", reason });
    if (!row) throw new AppError("not_found", "Diese Sitzung wurde schon abgesagt.");
    await announceCancelled(tx, row, { origin: ctx.origin, by: "coach", reason });
    return row;
  });
}
