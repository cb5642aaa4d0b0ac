import { and, asc, desc, eq, gte, inArray, sql } from "drizzle-orm";
import { db as defaultDb, type Db } from "@/db";
import { appointments, availabilityOverrides, availabilitySettings, users } from "@/db/schema";
import { adoptAttachedSelfCheck } from "@/lib/checks/results";
import { queueInvitation } from "@/lib/clients/invitations";
import { AppError } from "@/lib/http/errors";
import { loadPracticeSettings } from "@/lib/settings/queries";
import { addDays, isValidDate } from "@/lib/time/dates";
import type { availabilityFormSchema } from "./availability-form";
import { DEFAULT_WEEKLY } from "./defaults";
import type { PlaceDefaults } from "./places";
import type { z } from "zod";

/** The coach's view of consultations: upcoming and pending first, then the past. */
export async function listConsultations(db: Db = defaultDb) {
  const rows = await db
    .select()
    .from(appointments)
    .where(
      and(
        eq(appointments.kind, "consultation"),
        inArray(appointments.status, ["pending", "confirmed", "cancelled", "completed", "no_show"]),
      ),
    )
    .orderBy(desc(appointments.startAt))
    .limit(300);
  const now = Date.now();
  return {
    now,
    upcoming: rows.filter((r) => r.endAt.getTime() >= now && (r.status === "confirmed" || r.status === "pending")).reverse(),
    past: rows.filter((r) => !(r.endAt.getTime() >= now && (r.status === "confirmed" || r.status === "pending"))),
  };
}

/** Turns the person from a consultation into a client: an account, and an invitation to sign in. */
export async function convertToClient(id: string, origin: string, db: Db = defaultDb): Promise<{ userId: string; created: boolean }> {
  const [appointment] = await db.select().from(appointments).where(eq(appointments.id, id));
  if (!appointment) throw new AppError("not_found", "Diesen Termin gibt es nicht.");
  const practice = await loadPracticeSettings(db);
  return db.transaction(async (tx) => {
    const [existing] = await tx.select().from(users).where(eq(users.email, appointment.email));
    if (existing && existing.role !== "client") throw new AppError("conflict", "Diese Adresse gehört zur Praxis selbst.");
    const user =
      existing ?? (await tx.insert(users).values({ email: appointment.email, name: appointment.name, role: "client" }).returning())[0]!;
    await tx
      .update(appointments)
      .set({ clientId: user.id, updatedAt: sql`now()` })
      .where(eq(appointments.id, id));
    if (appointment.selfCheck && appointment.clientId !== user.id)
      await adoptAttachedSelfCheck(user.id, appointment.selfCheck, appointment.createdAt, tx);
    await queueInvitation(tx, user, { origin, practiceName: practice.practiceName, coachName: practice.coachName });
    return { userId: user.id, created: !existing };
  });
}

export async function listOverrides(db: Db = defaultDb) {
  const today = new Date().toISOString().slice(0, 10);
  return db
    .select()
    .from(availabilityOverrides)
    .where(gte(availabilityOverrides.date, addDays(today, -1)))
    .orderBy(asc(availabilityOverrides.date));
}

export async function saveAvailability(input: z.infer<typeof availabilityFormSchema>, db: Db = defaultDb) {
  const values = {
    weekly: input.weekly,
    durationMinutes: input.durationMinutes,
    bufferBeforeMinutes: input.bufferBeforeMinutes,
    bufferAfterMinutes: input.bufferAfterMinutes,
    minimumNoticeMinutes: input.minimumNoticeHours * 60,
    horizonDays: input.horizonDays,
    maxPerDay: input.maxPerDay,
    slotIntervalMinutes: input.slotIntervalMinutes,
    cancellationCutoffMinutes: input.cancellationCutoffHours * 60,
    confirmWindowMinutes: input.confirmWindowMinutes,
    maxPendingPerClient: input.maxPendingPerClient,
    confirmationEmailsPerDay: input.confirmationEmailsPerDay,
    updatedAt: new Date(),
  };
  await db
    .insert(availabilitySettings)
    .values({ id: 1, ...values })
    .onConflictDoUpdate({ target: availabilitySettings.id, set: values });
}

/** The place per channel for consultations without one of their own. */
export async function savePlaceDefaults(input: PlaceDefaults, db: Db = defaultDb) {
  const values = { ...input, updatedAt: new Date() };
  await db
    .insert(availabilitySettings)
    .values({ id: 1, weekly: DEFAULT_WEEKLY, ...values })
    .onConflictDoUpdate({ target: availabilitySettings.id, set: values });
}

/** One date, or every date of a range (a vacation), with other hours or closed. */
export async function saveOverride(
  input: { date: string; until?: string; ranges: { start: string; end: string }[]; note: string },
  db: Db = defaultDb,
) {
  if (!isValidDate(input.date) || (input.until && !isValidDate(input.until)))
    throw new AppError("invalid", "Bitte ein gültiges Datum wählen.");
  const last = input.until || input.date;
  if (last < input.date) throw new AppError("invalid", "Das Ende liegt vor dem Anfang.");
  const dates: string[] = [];
  for (let d = input.date; d <= last; d = addDays(d, 1)) {
    dates.push(d);
    if (dates.length > 366) throw new AppError("invalid", "Höchstens ein Jahr auf einmal.");
  }
  await db
    .insert(availabilityOverrides)
    .values(dates.map((date) => ({ date, ranges: input.ranges, note: input.note })))
    .onConflictDoUpdate({ target: availabilityOverrides.date, set: { ranges: sql`excluded.ranges`, note: sql`excluded.note` } });
}

export async function deleteOverride(date: string, db: Db = defaultDb) {
  await db.delete(availabilityOverrides).where(eq(availabilityOverrides.date, date));
}
